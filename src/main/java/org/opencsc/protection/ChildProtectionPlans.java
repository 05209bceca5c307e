package org.opencsc.protection;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.opencsc.calendar.LondonTime;
import org.opencsc.child.Child;
import org.opencsc.child.ChildRegistry;
import org.opencsc.engine.Deadlines;
import org.opencsc.rules.Answers;
import org.opencsc.rules.Completion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the plan's row in our case tables in step with the process, in the engine's transaction,
 * and sets each clock the diagram reads: the first core group, the next visit, the next review,
 * two years of plan, the child's 18th birthday.
 */
@Component("childProtectionPlanRecord") // the name the diagram calls it by
public class ChildProtectionPlans {

  /** SQL: how many plans the child of plan {@code p} had that started before it (the census's previous plans). */
  static final String PREVIOUS_PLANS = "(select count(*) from child_protection_plan e where e.child_id = p.child_id "
      + "and e.cpp_start_date < p.cpp_start_date)";

  private final ChildProtectionPlanRepository plans;
  private final ChildProtectionReviewRepository reviews;
  private final ChildRegistry children;
  private final Deadlines deadlines;
  private final int visitWorkingDays;

  public ChildProtectionPlans(ChildProtectionPlanRepository plans, ChildProtectionReviewRepository reviews,
      ChildRegistry children, Deadlines deadlines,
      @Value("${opencsc.child-protection.visit-working-days:10}") int visitWorkingDays) {
    this.plans = plans;
    this.reviews = reviews;
    this.children = children;
    this.deadlines = deadlines;
    this.visitWorkingDays = visitWorkingDays;
  }

  /** Whether the child has a plan in force (the start refuses a second). */
  @Transactional(readOnly = true)
  public boolean inForceFor(String childId) {
    return plans.existsByChildIdAndCppEndDateIsNull(childId);
  }

  /**
   * {@code ${childProtectionPlanRecord.opened(execution)}}: the plan starts (from the conference, or
   * transferred in with its original start date) and its clocks run from the conference.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void opened(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    LocalDate icpcHeldOn = answers.date("icpcHeldOn");
    LocalDate cppStartDate = answers.date("cppStartDate") != null ? answers.date("cppStartDate") : icpcHeldOn;
    execution.setVariable("cppStartDate", cppStartDate.toString());
    execution.setVariable("latestCategoryOfAbuse", answers.text("initialCategoryOfAbuse"));
    Object conference = LondonTime.startOf(icpcHeldOn);
    String coreGroupDueAt = deadlines.store(execution, "coreGroupDueAt",
        deadlines.workingDaysAfter(conference, ChildProtectionPlanRules.CORE_GROUP_WITHIN_WORKING_DAYS));
    deadlines.store(execution, "nextCppVisitDueAt", deadlines.workingDaysAfter(conference, visitWorkingDays));
    deadlines.store(execution, "reviewDueAt",
        deadlines.endOfDayMonthsAfter(conference, ChildProtectionPlanRules.FIRST_REVIEW_WITHIN_MONTHS));
    execution.setVariable("longPlanReviewAt", LondonTime.startOf(cppStartDate.plusYears(ChildProtectionPlanRules.LONG_PLAN_YEARS)));
    Child child = children.find(answers.text("childId")).orElseThrow();
    execution.setVariable("eighteenthBirthdayAt", LondonTime.startOf(child.getDateOfBirth().plusYears(18)));
    if (!plans.existsById(execution.getProcessInstanceId())) {
      plans.insert(new ChildProtectionPlan(execution.getProcessInstanceId(), answers.text("childId"), icpcHeldOn,
          cppStartDate, answers.text("initialCategoryOfAbuse"), answers.text("strategyDiscussionId"),
          LondonTime.parseDateTime(coreGroupDueAt).toInstant(), LondonTime.now().toInstant()));
    }
  }

  /** {@code ${childProtectionPlanRecord.nextVisit(execution)}}: due 10 working days (configurable) after the visit's day. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void nextVisit(DelegateExecution execution) {
    Object visitedAt = execution.getVariable("visitedAt");
    execution.setVariable("lastCppVisitAt", LondonTime.format(LondonTime.dateTime(visitedAt)));
    deadlines.store(execution, "nextCppVisitDueAt", deadlines.workingDaysAfter(visitedAt, visitWorkingDays));
  }

  /** {@code ${childProtectionPlanRecord.nextReview(execution)}}: by the end of the day 6 months after the last review. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void nextReview(DelegateExecution execution) {
    LocalDate heldOn = Answers.from(execution::getVariable).date("reviewHeldOn");
    execution.setVariable("lastReviewOn", heldOn.toString());
    deadlines.store(execution, "reviewDueAt",
        deadlines.endOfDayMonthsAfter(LondonTime.startOf(heldOn), ChildProtectionPlanRules.LATER_REVIEW_WITHIN_MONTHS));
  }

  /** {@code ${childProtectionPlanRecord.endedByReview(execution)}}: the review conference ended the plan. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void endedByReview(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    end(execution, answers.date("reviewHeldOn"), answers.text("cppEndReason"));
  }

  /** {@code ${childProtectionPlanRecord.transferredOut(execution)}}: the child moved to another council's plan. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void transferredOut(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    end(execution, answers.date("transferredOutOn"), "Transferred out to " + answers.text("receivingAuthority"));
  }

  /** {@code ${childProtectionPlanRecord.turnedEighteen(execution)}}: the child became an adult. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void turnedEighteen(DelegateExecution execution) {
    Object birthday = execution.getVariable("eighteenthBirthdayAt");
    end(execution, LondonTime.dateTime(birthday).toLocalDate(), "The child turned 18");
  }

  private void end(DelegateExecution execution, LocalDate on, String reason) {
    execution.setVariable("cppEndDate", on.toString());
    execution.setVariable("cppEndReason", reason);
    plan(execution.getProcessInstanceId()).ended(on, reason);
  }

  void coreGroupHeld(Completion task) {
    plan(task.processInstanceId()).coreGroupHeld(task.answers().date("coreGroupHeldOn"));
  }

  void visited(Completion task) {
    plan(task.processInstanceId()).visited(task.answers().dateTime("visitedAt").toInstant(),
        task.answers().isTrue("seenAlone"));
  }

  /** A second manager signed off the review: it counts, and a changed category is the latest. */
  void reviewApproved(Completion task) {
    Answers answers = task.answers();
    if (!answers.isTrue("outcomesApproved")) {
      return;
    }
    LocalDate heldOn = answers.date("reviewHeldOn");
    reviews.insert(new ChildProtectionReview(task.taskId(), task.processInstanceId(), heldOn,
        answers.text("reviewDecision")));
    plan(task.processInstanceId()).reviewed(heldOn,
        answers.is("reviewDecision", "CHANGE_CATEGORY") ? answers.text("latestCategoryOfAbuse") : null);
  }

  private ChildProtectionPlan plan(String processInstanceId) {
    return plans.findById(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "No child protection plan row for process instance " + processInstanceId));
  }

}
