package org.opencsc.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.Deadlines;
import org.opencsc.rules.Answers;
import org.opencsc.rules.Completion;
import org.opencsc.rules.Groups;
import org.opencsc.rules.TaskRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the alert's row in step with the process, moves it from stage to stage with each stage's
 * deadline (5, 5 and 10 working days by default), and gives each stage's response to its group.
 */
@Component("practiceAlertRecord") // the name the diagram calls it by
public class PracticeAlerts {

  private final PracticeAlertRepository alerts;
  private final Deadlines deadlines;
  private final List<Integer> stageWorkingDays;

  public PracticeAlerts(PracticeAlertRepository alerts, Deadlines deadlines,
      @Value("${opencsc.practice-alert.stage-working-days:5,5,10}") List<Integer> stageWorkingDays) {
    if (stageWorkingDays.size() != PracticeAlertRules.STAGE_GROUPS.size() || stageWorkingDays.stream().anyMatch(d -> d < 1)) {
      throw new IllegalArgumentException("opencsc.practice-alert.stage-working-days: one number of at least 1 per stage ("
          + PracticeAlertRules.STAGE_GROUPS.size() + ")");
    }
    this.alerts = alerts;
    this.deadlines = deadlines;
    this.stageWorkingDays = stageWorkingDays;
  }

  /** {@code ${practiceAlertRecord.raised(execution)}}: stage 1, the team manager's response due. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void raised(DelegateExecution execution) {
    Instant due = stage(execution, 1);
    if (!alerts.existsById(execution.getProcessInstanceId())) {
      alerts.insert(new PracticeAlert(execution.getProcessInstanceId(),
          Answers.from(execution::getVariable).text("childId"), initiator(execution), due, LondonTime.now().toInstant()));
    }
  }

  /** {@code ${practiceAlertRecord.escalated(execution)}}: not resolved, so the next stage, its response due. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void escalated(DelegateExecution execution) {
    int next = ((Number) execution.getVariable("alertStage")).intValue() + 1;
    alert(execution.getProcessInstanceId()).nextStage(next, stage(execution, next));
  }

  /**
   * {@code ${practiceAlertRecord.giveToStage(task)}} when the response opens: only the stage's
   * group (team, service, head of service) may take it, and its name says which stage it is.
   */
  public void giveToStage(DelegateTask task) {
    int stage = ((Number) task.getVariable("alertStage")).intValue();
    String group = PracticeAlertRules.STAGE_GROUPS.get(stage - 1);
    // The task was created in this command: its candidate links are not in the database yet, so
    // they are taken off the new task itself (deleteCandidateGroup looks for them in the database).
    TaskEntity entity = (TaskEntity) task;
    for (IdentityLinkEntity link : new ArrayList<>(entity.getIdentityLinks())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
          && PracticeAlertRules.STAGE_GROUPS.contains(link.getGroupId()) && !group.equals(link.getGroupId())) {
        entity.getIdentityLinks().remove(link);
        link.delete();
      }
    }
    task.setName("Respond to the IRO's alert (stage " + stage + ": " + Groups.displayName(group).toLowerCase() + ")");
  }

  /** {@code ${practiceAlertRecord.noteResponder(execution)}}: adds the last responder to those who may not decide. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void noteResponder(DelegateExecution execution) {
    Set<String> responders = new LinkedHashSet<>(PracticeAlertRules.responders(Answers.from(execution::getVariable)));
    Object last = execution.getVariable(TaskRules.completedByVariable("respondToAlert"));
    if (last != null) {
      responders.add(last.toString());
    }
    execution.setVariable(PracticeAlertRules.RESPONDERS, String.join(",", responders));
  }

  void decided(Completion task) {
    if (task.answers().isTrue("resolved")) {
      alert(task.processInstanceId()).resolvedAt(LondonTime.now().toInstant());
    }
  }

  void cafcassDecided(Completion task) {
    alert(task.processInstanceId()).cafcassDecided(task.answers().isTrue("referToCafcass"), LondonTime.now().toInstant());
  }

  private Instant stage(DelegateExecution execution, int stage) {
    execution.setVariable("alertStage", stage);
    String due = deadlines.store(execution, "stageResponseDueAt",
        deadlines.workingDaysAfter(LondonTime.now(), stageWorkingDays.get(stage - 1)));
    return LondonTime.parseDateTime(due).toInstant();
  }

  private static String initiator(DelegateExecution execution) {
    Object initiator = execution.getVariable("alertRaisedBy");
    return initiator == null ? null : initiator.toString();
  }

  private PracticeAlert alert(String processInstanceId) {
    return alerts.findById(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "No practice alert row for process instance " + processInstanceId));
  }
}
