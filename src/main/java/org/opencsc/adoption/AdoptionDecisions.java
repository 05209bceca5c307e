package org.opencsc.adoption;

import java.time.Instant;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.CompletedStep;
import org.opencsc.engine.CompletedStepRepository;
import org.opencsc.rules.Answers;
import org.opencsc.rules.Completion;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the adoption decision's row in our case table in step with the process, in the engine's transaction. */
@Component("adoptionDecisionRecord") // the name diagrams, old ones too, call it by
public class AdoptionDecisions {

  private final AdoptionDecisionRepository decisions;
  private final CompletedStepRepository steps;

  public AdoptionDecisions(AdoptionDecisionRepository decisions, CompletedStepRepository steps) {
    this.decisions = decisions;
    this.steps = steps;
  }

  /** {@code ${adoptionDecisionRecord.opened(execution)}} at the start. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void opened(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
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
  public CompletedStep lastCompleted(String processInstanceId, String taskKey) {
    return steps.findFirstByProcessInstanceIdAndTaskKeyOrderByCompletedAtDesc(processInstanceId, taskKey)
        .orElseThrow(() -> new IllegalStateException(taskKey + " has not been completed in " + processInstanceId));
  }

  void cprQualityAssured(Completion task) {
    if (task.answers().isTrue("cprApproved")) {
      CompletedStep approval = lastCompleted(task.processInstanceId(), task.taskKey());
      decision(task.processInstanceId()).cprApproved(approval.getCompletedBy(), approval.getCompletedAt());
    }
  }

  void panelRecommended(Completion task) {
    Answers answers = task.answers();
    decision(task.processInstanceId()).panel(answers.date("panelDate"), answers.isTrue("panelRecommendsApproval"),
        answers.dateTime("finalMinutesReceivedAt").toInstant());
  }

  void decided(Completion task) {
    Answers answers = task.answers();
    CompletedStep step = lastCompleted(task.processInstanceId(), task.taskKey());
    boolean approves = answers.isTrue("admApproves");
    Boolean departs = answers.is("route", "PANEL") ? approves != answers.isTrue("panelRecommendsApproval") : null;
    decision(task.processInstanceId()).decided(step.getCompletedBy(), step.getCompletedAt(), approves, departs,
        AdoptionDecisionRules.isQualifyingDetermination(answers));
  }

  void finallyDecided(Completion task) {
    decision(task.processInstanceId()).finalDecision(
        lastCompleted(task.processInstanceId(), task.taskKey()).getCompletedAt(),
        task.answers().isTrue("finalApproves"));
  }

  void toldOrally(Completion task) {
    decision(task.processInstanceId()).toldOrally(task.answers().dateTime("notifiedOrallyAt").toInstant());
  }

  void toldInWriting(Completion task) {
    decision(task.processInstanceId()).toldInWriting(task.answers().dateTime("writtenNoticeSentAt").toInstant());
  }

  /** {@code ${adoptionDecisionRecord.placementOrderMade(execution)}}: message PlacementOrderMade. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void placementOrderMade(DelegateExecution execution) {
    decision(execution.getProcessInstanceId()).placementOrderMade(milestone(execution, "placementOrderOn"));
  }

  /** {@code ${adoptionDecisionRecord.placedForAdoption(execution)}}: message ChildPlacedForAdoption. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void placedForAdoption(DelegateExecution execution) {
    decision(execution.getProcessInstanceId()).placedForAdoption(milestone(execution, "placedForAdoptionOn"));
  }

  /** {@code ${adoptionDecisionRecord.adoptionOrderMade(execution)}}: message AdoptionOrderMade. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void adoptionOrderMade(DelegateExecution execution) {
    decision(execution.getProcessInstanceId()).adoptionOrderMade(milestone(execution, "adoptionOrderOn"));
  }

  /** {@code ${adoptionDecisionRecord.noLongerToBePlaced(execution)}}: message DecidedNoLongerToPlace. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void noLongerToBePlaced(DelegateExecution execution) {
    decision(execution.getProcessInstanceId()).noLongerToBePlaced(milestone(execution, "noLongerToBePlacedOn"),
        Answers.from(execution::getVariable).text("noLongerToBePlacedReason"));
  }

  private static LocalDate milestone(DelegateExecution execution, String field) {
    return Answers.from(execution::getVariable).date(field);
  }

  private AdoptionDecision decision(String processInstanceId) {
    return decisions.findById(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "No adoption decision row for process instance " + processInstanceId));
  }
}
