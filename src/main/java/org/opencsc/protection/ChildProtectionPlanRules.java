package org.opencsc.protection;

import static org.opencsc.rules.FieldType.BOOLEAN;
import static org.opencsc.rules.FieldType.DATE;
import static org.opencsc.rules.FieldType.DATE_TIME;
import static org.opencsc.rules.FieldType.LINE;
import static org.opencsc.rules.FieldType.TEXT;
import static org.opencsc.rules.FieldType.oneOf;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import org.opencsc.calendar.LondonTime;
import org.opencsc.child.ChildRegistry;
import org.opencsc.rules.Answers;
import org.opencsc.rules.BreachCode;
import org.opencsc.rules.MessageRules;
import org.opencsc.rules.Participants;
import org.opencsc.rules.CaseProcessRules;
import org.opencsc.rules.StartRules;
import org.opencsc.rules.TaskRules;
import org.opencsc.strategy.StrategyDiscussionRules;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rules of a child protection plan (Working Together to Safeguard Children 2023, ch. 4;
 * Ofsted recommendations 3 and 4): the first core group within 10 working days of the initial
 * conference, the child seen (alone, or the reason why not) every 10 working days, review
 * conferences within 3 months and then every 6 with police, health and social care there, each
 * review's outcomes signed off by a second manager, and the plan ended only by a review (or a
 * transfer out, or the child turning 18).
 */
@Component
@Order(5) // after the four original processes on the dashboard
public class ChildProtectionPlanRules extends CaseProcessRules {

  public static final String PROCESS_KEY = "childProtectionPlan";
  /** The CIN census categories of abuse, as the contract names them (the conference gives the first). */
  public static final String[] CATEGORIES = StrategyDiscussionRules.CATEGORIES_OF_ABUSE;
  public static final int CORE_GROUP_WITHIN_WORKING_DAYS = 10;
  public static final int FIRST_REVIEW_WITHIN_MONTHS = 3;
  public static final int LATER_REVIEW_WITHIN_MONTHS = 6;
  public static final int LONG_PLAN_YEARS = 2;
  /** Who must be at a review conference, as at a strategy discussion. */
  static final List<String> REQUIRED_AT_REVIEW = List.of("SOCIAL_CARE", "POLICE", "HEALTH");

  private static final Predicate<Answers> CHANGE_CATEGORY = answers -> answers.is("reviewDecision", "CHANGE_CATEGORY");
  private static final Predicate<Answers> END_PLAN = answers -> answers.is("reviewDecision", "END_PLAN");
  private static final Predicate<Answers> AGENCY_ABSENT = answers ->
      !answers.records(Participants.ATTENDEES).isEmpty()
          && !Participants.absent(answers, REQUIRED_AT_REVIEW).isEmpty();

  private final ChildRegistry children;
  private final ChildProtectionPlans cases;

  public ChildProtectionPlanRules(ChildRegistry children, ChildProtectionPlans cases) {
    super(PROCESS_KEY, "Child protection plans", "child_protection_plan");
    this.children = children;
    this.cases = cases;
  }

  /**
   * From the initial conference (by message from the strategy discussion, or in Tasklist for a
   * plan transferred in, with its original start date); one plan in force per child.
   */
  @Override
  public StartRules start() {
    return children.caseStart()
        .require("icpcHeldOn", DATE)
        .require("initialCategoryOfAbuse", oneOf(CATEGORIES))
        .optional("cppStartDate", DATE)
        .optional("strategyDiscussionId", LINE)
        .check("icpcHeldOn", "must not be in the future", answers -> notInTheFuture(answers.date("icpcHeldOn")))
        .check("cppStartDate", "must not be after icpcHeldOn (a plan transferred in keeps its original start date)",
            answers -> answers.date("cppStartDate") == null || answers.date("icpcHeldOn") == null
                || !answers.date("cppStartDate").isAfter(answers.date("icpcHeldOn")))
        .check("childId", "already has a child protection plan in force: its review conference decides what happens next",
            answers -> answers.text("childId") == null || !cases.inForceFor(answers.text("childId")));
  }

  @Override
  public List<TaskRules> tasks() {
    return List.of(
        TaskRules.task("holdCoreGroup").casework().showsInUkTime("coreGroupDueAt")
            .require("coreGroupHeldOn", DATE)
            .require(Participants.ATTENDEES, Participants.LIST)
            .require("planOutcomes", TEXT)
            .check("coreGroupHeldOn", "must not be before the conference (icpcHeldOn) or in the future",
                answers -> betweenAndToday(answers.date("coreGroupHeldOn"), answers.date("icpcHeldOn")))
            .deadline("coreGroupDueAt", BreachCode.CORE_GROUP_NOT_WITHIN_10WD)
            .metAt("coreGroupHeldOn")
            .onCompleted(cases::coreGroupHeld),
        TaskRules.task("recordCppVisit").casework().showsInUkTime("nextCppVisitDueAt", "lastCppVisitAt")
            .require("visitedAt", DATE_TIME)
            .require("seenAlone", BOOLEAN)
            .requireWhen("notSeenAloneReason", TEXT, "seenAlone is false", answers -> answers.isFalse("seenAlone"))
            .check("visitedAt", "must not be before the conference (icpcHeldOn) or the last visit (lastCppVisitAt), "
                + "or in the future", answers -> {
                  LocalDate day = answers.dateTime("visitedAt").toLocalDate();
                  return LondonTime.notAfterNow(answers.dateTime("visitedAt"))
                      && !day.isBefore(answers.date("icpcHeldOn"))
                      && (answers.dateTime("lastCppVisitAt") == null
                          || !answers.dateTime("visitedAt").isBefore(answers.dateTime("lastCppVisitAt")));
                })
            .deadline("nextCppVisitDueAt", BreachCode.CPP_VISIT_OVERDUE)
            .metAt("visitedAt")
            .onCompleted(cases::visited),
        TaskRules.task("recordReviewConference").showsInUkTime("reviewDueAt")
            .require("reviewHeldOn", DATE)
            .require(Participants.ATTENDEES, Participants.LIST)
            .require("reviewDecision", oneOf("CONTINUE", "CHANGE_CATEGORY", "END_PLAN"))
            .requireWhen("latestCategoryOfAbuse", oneOf(CATEGORIES), "reviewDecision is CHANGE_CATEGORY", CHANGE_CATEGORY)
            .requireWhen("cppEndReason", TEXT, "reviewDecision is END_PLAN", END_PLAN)
            .requireWhen("agencyAbsenceReason", TEXT, "police, health or social care did not attend", AGENCY_ABSENT)
            .check("reviewHeldOn", "must not be before the conference (icpcHeldOn) or the last review (lastReviewOn), "
                + "or in the future", answers -> betweenAndToday(answers.date("reviewHeldOn"),
                    answers.date("lastReviewOn") != null ? answers.date("lastReviewOn") : answers.date("icpcHeldOn")))
            .deadline("reviewDueAt", BreachCode.RCPC_LATE)
            .metAt("reviewHeldOn"),
        // A second manager signs off what the review decided and the plan's outcomes.
        TaskRules.task("approvePlanOutcomes")
            .require("outcomesApproved", BOOLEAN)
            .require("managerRationale", TEXT)
            .signsOff("recordReviewConference")
            .onCompleted(cases::reviewApproved),
        TaskRules.task("reviewPlanOverTwoYears")
            .require("serviceManagerAction", TEXT));
  }

  /** A plan transferred to another council ends here on the day it moved. */
  @Override
  public List<MessageRules> messages() {
    return List.of(MessageRules.message("ChildProtectionPlanTransferredOut")
        .require("transferredOutOn", DATE)
        .require("receivingAuthority", LINE)
        .check("transferredOutOn", "must not be before the plan started (cppStartDate) or in the future",
            answers -> betweenAndToday(answers.date("transferredOutOn"), answers.date("cppStartDate"))));
  }

  private static boolean notInTheFuture(LocalDate day) {
    return !day.isAfter(LondonTime.now().toLocalDate());
  }

  private static boolean betweenAndToday(LocalDate day, LocalDate earliest) {
    return notInTheFuture(day) && (earliest == null || !day.isBefore(earliest));
  }
}
