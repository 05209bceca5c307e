package org.opencsc.adoption;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opencsc.calendar.LondonTime;
import org.opencsc.workflow.Answers;
import org.opencsc.workflow.StepRecord;
import org.opencsc.workflow.StepRecordRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the adoption decision's record in step with the process, in the engine's transaction. */
@Component("adoptionDecisionRecord")
public class AdoptionDecisionRecord {

  private final AdoptionDecisionRepository decisions;
  private final StepRecordRepository steps;

  public AdoptionDecisionRecord(AdoptionDecisionRepository decisions, StepRecordRepository steps) {
    this.decisions = decisions;
    this.steps = steps;
  }

  /** {@code ${adoptionDecisionRecord.opened(execution)}} at the start. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void opened(DelegateExecution execution) {
    Answers answers = new Answers(execution);
    if (!decisions.existsById(execution.getProcessInstanceId())) {
      decisions.insert(new AdoptionDecision(execution.getProcessInstanceId(), answers.text("childId"),
          answers.text("decisionType"), answers.text("route"), LondonTime.now().toInstant()));
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void decisionDue(String processInstanceId, Instant dueAt) {
    decision(processInstanceId).decisionDue(dueAt);
  }

  /** When a task of this case was last completed, from the step record (a request cannot set it). */
  @Transactional(propagation = Propagation.MANDATORY)
  public StepRecord lastCompleted(String processInstanceId, String taskKey) {
    return steps.findFirstByProcessInstanceIdAndTaskKeyOrderByCompletedAtDesc(processInstanceId, taskKey)
        .orElseThrow(() -> new IllegalStateException(taskKey + " has not been completed in " + processInstanceId));
  }

  void cprQualityAssured(DelegateTask task) {
    if (new Answers(task).isTrue("cprApproved")) {
      StepRecord approval = lastCompleted(task.getProcessInstanceId(), task.getTaskDefinitionKey());
      decision(task.getProcessInstanceId()).cprApproved(approval.getCompletedBy(), approval.getCompletedAt());
    }
  }

  void panelRecommended(DelegateTask task) {
    Answers answers = new Answers(task);
    decision(task.getProcessInstanceId()).panel(answers.date("panelDate"), answers.isTrue("panelRecommendsApproval"),
        answers.dateTime("finalMinutesReceivedAt").toInstant());
  }

  void decided(DelegateTask task) {
    Answers answers = new Answers(task);
    StepRecord step = lastCompleted(task.getProcessInstanceId(), task.getTaskDefinitionKey());
    boolean approves = answers.isTrue("admApproves");
    Boolean departs = answers.is("route", "PANEL") ? approves != answers.isTrue("panelRecommendsApproval") : null;
    decision(task.getProcessInstanceId()).decided(step.getCompletedBy(), step.getCompletedAt(), approves, departs,
        AdoptionDecisionRules.isQualifyingDetermination(answers));
  }

  void finallyDecided(DelegateTask task) {
    decision(task.getProcessInstanceId()).finalDecision(
        lastCompleted(task.getProcessInstanceId(), task.getTaskDefinitionKey()).getCompletedAt(),
        new Answers(task).isTrue("finalApproves"));
  }

  void toldOrally(DelegateTask task) {
    decision(task.getProcessInstanceId()).toldOrally(new Answers(task).dateTime("notifiedOrallyAt").toInstant());
  }

  void toldInWriting(DelegateTask task) {
    decision(task.getProcessInstanceId()).toldInWriting(new Answers(task).dateTime("writtenNoticeSentAt").toInstant());
  }

  private AdoptionDecision decision(String processInstanceId) {
    return decisions.findById(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "No adoption decision record for process instance " + processInstanceId));
  }
}
