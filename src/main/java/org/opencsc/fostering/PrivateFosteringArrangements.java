package org.opencsc.fostering;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.opencsc.calendar.LondonTime;
import org.opencsc.fostering.PrivateFosteringStep.Kind;
import org.opencsc.rules.Answers;
import org.opencsc.rules.Completion;
import org.opencsc.rules.FieldType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the private fostering register in step with the process, in the engine's transaction.
 * Every write is an update of one row per arrangement, or an insert keyed by the task, so a
 * retried job writes nothing twice.
 */
@Component("privateFosteringRecord") // the name diagrams, old ones too, call it by
public class PrivateFosteringArrangements {

  private final PrivateFosteringRepository arrangements;
  private final PrivateFosteringStepRepository steps;

  public PrivateFosteringArrangements(PrivateFosteringRepository arrangements, PrivateFosteringStepRepository steps) {
    this.arrangements = arrangements;
    this.steps = steps;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public PrivateFostering notified(String processInstanceId, Answers answers, Instant firstVisitDueAt,
      Instant assessmentDueAt) {
    return arrangements.findById(processInstanceId).orElseGet(() -> arrangements.insert(new PrivateFostering(
        processInstanceId, answers.text("childId"), answers.dateTime("notifiedAt").toInstant(),
        answers.text("notificationType"), answers.date("arrangementStart"),
        answers.integer("intendedDurationDays").intValue(), answers.text("carerName"),
        answers.text("carerRelationship"), firstVisitDueAt, assessmentDueAt, LondonTime.now().toInstant())));
  }

  /**
   * The eligibility table's answer, kept as two plain variables for the diagram and the forms:
   * {@code ${privateFosteringRecord.eligibilityDecided(execution)}} when the decision task ends.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void eligibilityDecided(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) execution.getVariable("eligibility");
    boolean privatelyFostered = Boolean.TRUE.equals(result.get("privatelyFostered"));
    String reason = (String) result.get("eligibilityReason");
    execution.removeVariable("eligibility");
    execution.setVariable("privatelyFostered", privatelyFostered);
    execution.setVariable("eligibilityReason", reason);
    arrangement(execution.getProcessInstanceId()).eligibility(privatelyFostered, reason);
  }

  /** {@code ${privateFosteringRecord.prohibited(execution)}}: the manager prohibited the arrangement. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void prohibited(DelegateExecution execution) {
    arrangement(execution.getProcessInstanceId()).ended(LondonTime.now().toInstant(),
        FieldType.capped("Prohibited: " + Answers.from(execution::getVariable).text("managerRationale")), null);
  }

  /** {@code ${privateFosteringRecord.endedByNotice(execution)}}: message PrivateFosteringEnded. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void endedByNotice(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    arrangement(execution.getProcessInstanceId()).ended(answers.dateTime("endedAt").toInstant(),
        answers.text("endReason"), answers.text("nowLivingWith"));
  }

  /** {@code ${privateFosteringRecord.endedByAge(execution)}}: the child turned 16 (18 if disabled). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void endedByAge(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    execution.setVariable("endedAt", LondonTime.format(answers.dateTime("ageLimitAt")));
    execution.setVariable("endReason", answers.isTrue("childDisabled")
        ? "The child turned 18 (disabled)" : "The child turned 16");
    arrangement(execution.getProcessInstanceId()).ended(answers.dateTime("ageLimitAt").toInstant(),
        (String) execution.getVariable("endReason"), null);
  }

  void notPrivateFostering(Completion task) {
    arrangement(task.processInstanceId()).notPrivateFostering(task.answers().text("notPrivateFosteringReason"));
  }

  void firstVisit(Completion task) {
    visit(task, Kind.FIRST_VISIT);
  }

  void statutoryVisit(Completion task) {
    visit(task, Kind.VISIT);
  }

  void suitabilityDecided(Completion task) {
    Answers answers = task.answers();
    arrangement(task.processInstanceId()).suitability(answers.text("suitability"),
        answers.is("suitability", "REQUIREMENTS") ? answers.text("requirements") : null, currentUser(),
        LondonTime.now().toInstant());
  }

  void reviewed(Completion task) {
    record(task, Kind.REVIEW, LondonTime.now().toInstant(), null);
  }

  private void visit(Completion task, Kind kind) {
    Answers answers = task.answers();
    record(task, kind, answers.dateTime("visitedAt").toInstant(), answers.isTrue("seenAlone"));
  }

  private void record(Completion task, Kind kind, Instant doneAt, Boolean seenAlone) {
    if (!steps.existsById(task.taskId())) {
      steps.insert(new PrivateFosteringStep(task.taskId(), task.processInstanceId(), kind,
          task.dueAt(), doneAt, currentUser(), seenAlone));
    }
  }

  private PrivateFostering arrangement(String processInstanceId) {
    return arrangements.findById(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "No private fostering row for process instance " + processInstanceId));
  }

  private static String currentUser() {
    return Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
  }

}
