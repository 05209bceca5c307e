package org.opencsc.child;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Cases started before the task lists showed whose case a step is get the child's name and
 * reference once, at the first start of the release that shows them; new cases get them at
 * their start ({@link ChildRegistry#caseStart()}). Once per installation: a property records it.
 */
@Component
public class ChildNamesOnCases {

  static final String DONE = "opencsc.child-names-on-cases";
  private static final Logger log = LoggerFactory.getLogger(ChildNamesOnCases.class);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final ChildRegistry children;

  public ChildNamesOnCases(RuntimeService runtime, TaskService tasks, ManagementService management,
      ChildRegistry children) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.children = children;
  }

  @EventListener(PostDeployEvent.class)
  public void onStart() {
    if (!management.getProperties().containsKey(DONE)) {
      int named = nameRunningCases();
      if (named > 0) {
        log.info("Named the child on {} running case(s) for the task lists", named);
      }
      management.setProperty(DONE, "true");
    }
  }

  /** Sets the child's name and reference on every running case that has a child and lacks them. */
  int nameRunningCases() {
    Set<String> named = new HashSet<>();
    runtime.createVariableInstanceQuery().variableName(ChildRegistry.CHILD_NAME).disableBinaryFetching()
        .list().stream().filter(ChildNamesOnCases::onTheCase)
        .forEach(variable -> named.add(variable.getProcessInstanceId()));
    int count = 0;
    for (VariableInstance childId : runtime.createVariableInstanceQuery().variableName("childId")
        .disableBinaryFetching().list()) {
      String processInstanceId = childId.getProcessInstanceId();
      if (!onTheCase(childId) || named.contains(processInstanceId)
          || !(childId.getValue() instanceof String id)) {
        continue;
      }
      String name = children.nameOf(id);
      if (name != null) {
        Map<String, Object> shown = Map.of(ChildRegistry.CHILD_NAME, name, ChildRegistry.CHILD_REFERENCE, id);
        runtime.setVariables(processInstanceId, shown);
        // and on each open step, where the task lists read them
        tasks.createTaskQuery().processInstanceId(processInstanceId).list()
            .forEach(task -> tasks.setVariablesLocal(task.getId(), shown));
        count++;
      }
    }
    return count;
  }

  /** A variable of the case itself, not of one of its steps or inner scopes. */
  private static boolean onTheCase(VariableInstance variable) {
    return variable.getTaskId() == null && variable.getProcessInstanceId() != null
        && variable.getProcessInstanceId().equals(variable.getExecutionId());
  }
}
