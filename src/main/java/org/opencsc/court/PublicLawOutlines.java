package org.opencsc.court;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.Deadlines;
import org.opencsc.engine.RuleEnforcement;
import org.opencsc.rules.Answers;
import org.opencsc.rules.Completion;
import org.opencsc.rules.TaskRules;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the PLO case's row in step with the process and sets its clocks: the pre-proceedings
 * meeting 10 working days after the letter, the manager's review every 6 weeks, a service manager's
 * look at 16 weeks, and the 26 weeks from issue, which an extension the court ordered moves
 * visibly: the step's due date, its timer and a row saying from when to when, by whose order.
 */
@Component("ploRecord") // the name the diagram calls it by
public class PublicLawOutlines {

  private final PloCaseRepository cases;
  private final PloExtensionRepository extensions;
  private final Deadlines deadlines;
  private final RuleEnforcement enforcement;

  public PublicLawOutlines(PloCaseRepository cases, PloExtensionRepository extensions, Deadlines deadlines,
      @Lazy RuleEnforcement enforcement) {
    this.enforcement = enforcement;
    this.cases = cases;
    this.extensions = extensions;
    this.deadlines = deadlines;
  }

  /** {@code ${ploRecord.opened(execution)}}: the gateway decision; 16 weeks of pre-proceedings at most before a service manager looks. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void opened(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    LocalDate gateway = answers.date("legalGatewayOn");
    if (answers.get("gatewayDecision") == null) {
      execution.setVariable("gatewayDecision", "PRE_PROCEEDINGS");
    }
    execution.setVariable("longPreProceedingsAt",
        LondonTime.startOf(gateway.plusWeeks(PublicLawOutlineRules.LONG_PRE_PROCEEDINGS_WEEKS)));
    if (!cases.existsById(execution.getProcessInstanceId())) {
      cases.insert(new PloCase(execution.getProcessInstanceId(), answers.text("childId"), gateway,
          LondonTime.now().toInstant()));
    }
  }

  /** {@code ${ploRecord.letterSent(execution)}}: the meeting within 10 working days of the letter (local default). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void letterSent(DelegateExecution execution) {
    LocalDate letter = Answers.from(execution::getVariable).date("letterSentOn");
    deadlines.store(execution, "preProceedingsMeetingDueAt",
        deadlines.workingDaysAfter(LondonTime.startOf(letter), PublicLawOutlineRules.MEETING_WITHIN_WORKING_DAYS));
    plo(execution.getProcessInstanceId()).letterSent(letter);
  }

  /** {@code ${ploRecord.reviewDue(execution)}}: the manager reviews the pre-proceedings plan within 6 weeks of the last meeting or review. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void reviewDue(DelegateExecution execution) {
    deadlines.store(execution, "preProceedingsReviewDueAt",
        deadlines.endOfDayWeeksAfter(LondonTime.now(), PublicLawOutlineRules.PRE_PROCEEDINGS_REVIEW_WEEKS));
  }

  /** {@code ${ploRecord.issued(execution)}}: the court issued the proceedings; 26 weeks to the final hearing. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void issued(DelegateExecution execution) {
    LocalDate issuedOn = Answers.from(execution::getVariable).date("issuedOn");
    String due = deadlines.store(execution, "plo26WeekDueAt",
        deadlines.endOfDayWeeksAfter(LondonTime.startOf(issuedOn), PublicLawOutlineRules.PROCEEDINGS_WEEKS));
    plo(execution.getProcessInstanceId()).issued(issuedOn, LondonTime.parseDateTime(due).toInstant());
  }

  /**
   * {@code ${ploRecord.extended(execution)}}: the court extended the timetable. The 26 weeks move by
   * the weeks it ordered: the variable, the final hearing step's due date and its timer, and the row.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void extended(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    int weeks = answers.integer("extensionWeeks").intValue();
    Instant previous = answers.dateTime("plo26WeekDueAt").toInstant();
    String moved = deadlines.store(execution, "plo26WeekDueAt",
        deadlines.endOfDayWeeksAfter(answers.dateTime("plo26WeekDueAt"), weeks));
    Instant due = LondonTime.parseDateTime(moved).toInstant();
    enforcement.deadlineMoved(execution, "plo26WeekDueAt");
    Object by = execution.getVariable(TaskRules.completedByVariable("recordExtension"));
    extensions.insert(new PloExtension(UUID.randomUUID().toString(), execution.getProcessInstanceId(), weeks,
        answers.date("courtOrderDate"), previous, due, by == null ? null : by.toString()));
    plo(execution.getProcessInstanceId()).extended(weeks, due);
  }

  void meetingHeld(Completion task) {
    plo(task.processInstanceId()).meetingHeld(task.answers().date("meetingHeldOn"));
  }

  void decided(Completion task) {
    plo(task.processInstanceId()).decided(task.answers().text("ploDecision"));
  }

  void hearingHeld(Completion task) {
    plo(task.processInstanceId()).hearingHeld(task.answers().text("hearingType"), task.answers().date("hearingOn"));
  }

  void concluded(Completion task) {
    plo(task.processInstanceId()).concluded(task.answers().date("finalHearingOn"));
  }

  private PloCase plo(String processInstanceId) {
    return cases.findById(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "No PLO case row for process instance " + processInstanceId));
  }

}
