package org.opencsc.engine;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A step with a statutory deadline has opened, in the transaction that opened it: who it is for
 * (its assignee, else its candidate groups) and when it is due.
 */
public record DeadlineStepOpened(String processKey, String processDefinitionId, String processInstanceId,
    String childId, String taskId, String taskName, String assignee, List<String> candidateGroups, Instant due,
    String deadlineVariable) {

  static DeadlineStepOpened of(String processKey, DelegateTask task, String deadlineVariable) {
    Object childId = task.getVariable(RuleEnforcement.CHILD_ID);
    List<String> groups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).distinct().toList();
    return new DeadlineStepOpened(processKey, task.getProcessDefinitionId(), task.getProcessInstanceId(),
        childId == null ? null : childId.toString(),
        task.getId(), task.getName(), task.getAssignee(), groups,
        task.getDueDate().toInstant(), deadlineVariable);
  }
}
