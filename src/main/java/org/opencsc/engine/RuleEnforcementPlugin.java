package org.opencsc.engine;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds rule enforcement to every process and user task as the engine parses a diagram. The
 * listeners are built in, not drawn in the diagram: an analyst editing a diagram in Modeler
 * cannot remove them, and every diagram gets them without extra XML.
 */
@Component
public class RuleEnforcementPlugin extends AbstractProcessEnginePlugin {

  // Looked up when a listener first runs: the rules need Spring beans that need the engine.
  private final ObjectProvider<RuleEnforcement> enforcement;

  public RuleEnforcementPlugin(ObjectProvider<RuleEnforcement> enforcement) {
    this.enforcement = enforcement;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EnginePlugins.append(configuration.getCustomPostBPMNParseListeners(),
        configuration::setCustomPostBPMNParseListeners, new EnforcingParseListener());
  }

  private final class EnforcingParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      String processKey = processDefinition.getKey();
      ExecutionListener onStart = execution -> enforcement.getObject().onStart(processKey, execution);
      processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, onStart);
    }

    @Override
    public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      onCatch(activity, ExecutionListener.EVENTNAME_START); // a boundary event starts when it is triggered
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      onCatch(activity, ExecutionListener.EVENTNAME_START); // message start events of event sub-processes (PrivateFosteringEnded)
    }

    @Override
    public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      // An intermediate event starts when the case arrives to wait and ends when the message comes.
      onCatch(activity, ExecutionListener.EVENTNAME_END);
    }

    private void onCatch(ActivityImpl activity, String when) {
      String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
      ExecutionListener onCatch = execution -> enforcement.getObject().onCatch(processKey, execution);
      activity.addBuiltInListener(when, onCatch);
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
      TaskDefinition taskDefinition =
          ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      TaskListener onCreate = task -> enforcement.getObject().onCreate(processKey, task);
      TaskListener onComplete = task -> enforcement.getObject().onComplete(processKey, task);
      taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
      taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
    }
  }
}
