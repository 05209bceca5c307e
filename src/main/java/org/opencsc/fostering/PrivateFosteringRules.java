package org.opencsc.fostering;

import static org.opencsc.rules.FieldType.BOOLEAN;
import static org.opencsc.rules.FieldType.DATE;
import static org.opencsc.rules.FieldType.DATE_TIME;
import static org.opencsc.rules.FieldType.INTEGER;
import static org.opencsc.rules.FieldType.LINE;
import static org.opencsc.rules.FieldType.TEXT;
import static org.opencsc.rules.FieldType.oneOf;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.opencsc.calendar.LondonTime;
import org.opencsc.child.ChildRegistry;
import org.opencsc.rules.Answers;
import org.opencsc.rules.BreachCode;
import org.opencsc.rules.FieldRules;
import org.opencsc.rules.MessageRules;
import org.opencsc.rules.CaseProcessRules;
import org.opencsc.rules.StartRules;
import org.opencsc.rules.TaskRules;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rules of a private fostering arrangement (domain rules §3; Children Act 1989 ss66-69;
 * SI 2005/1533; Ofsted recommendation 10).
 */
@Component
@Order(3) // where the dashboard and the figures list it
public class PrivateFosteringRules extends CaseProcessRules {

  public static final String PROCESS_KEY = "privateFostering";
  /** SI 2005/1533 reg 7: first visit within 7 working days of the notification. */
  public static final int FIRST_VISIT_WITHIN_WORKING_DAYS = 7;
  /** SI 2005/1533 reg 8: visits at most 6 weeks apart in the first year, 12 weeks after. */
  public static final int FIRST_YEAR_VISIT_WEEKS = 6;
  public static final int LATER_VISIT_WEEKS = 12;

  private final ChildRegistry children;
  private final PrivateFosteringArrangements cases;

  public PrivateFosteringRules(ChildRegistry children, PrivateFosteringArrangements cases) {
    super(PROCESS_KEY, "Private fostering", "private_fostering");
    this.children = children;
    this.cases = cases;
  }

  @Override
  public StartRules start() {
    return children.caseStart()
        .require("notifiedAt", DATE_TIME)
        .require("notificationType", oneOf("PROPOSED", "STARTED", "EMERGENCY"))
        .require("arrangementStart", DATE)
        .require("intendedDurationDays", INTEGER)
        .require("carerName", LINE)
        .require("carerRelationship",
            oneOf("GRANDPARENT", "SIBLING", "AUNT_UNCLE", "STEP_PARENT", "FAMILY_FRIEND", "OTHER_RELATIVE", "OTHER"))
        .check("notifiedAt", "must not be in the future", answers -> LondonTime.notAfterNow(answers.dateTime("notifiedAt")))
        .atLeast("intendedDurationDays", 1, "must be at least 1");
  }

  @Override
  public List<TaskRules> tasks() {
    return List.of(
        TaskRules.task("confirmNotPrivateFostering")
            .require("notPrivateFosteringReason", TEXT)
            .onCompleted(cases::notPrivateFostering),
        visit(TaskRules.task("initialVisit").casework().showsInUkTime("firstVisitDueAt"))
            .deadline("firstVisitDueAt", BreachCode.PF_FIRST_VISIT_LATE)
            .metAt("visitedAt")
            .onCompleted(cases::firstVisit),
        visit(TaskRules.task("statutoryVisit").casework().showsInUkTime("nextVisitDueAt", "lastVisitedAt"))
            .check("visitedAt", "must not be before the last visit (lastVisitedAt)", answers ->
                answers.dateTime("lastVisitedAt") == null
                    || !answers.dateTime("visitedAt").isBefore(answers.dateTime("lastVisitedAt")))
            .deadline("nextVisitDueAt", BreachCode.PF_VISIT_OVERDUE)
            .metAt("visitedAt")
            .onCompleted(cases::statutoryVisit),
        // A visit asked for by the child, the carer or a parent (reg 8(2)): seen alone as for
        // statutory visits; it does not move the 6- or 12-weekly cycle, which still runs.
        visit(TaskRules.task("requestedVisit").casework().showsInUkTime("requestedAt", "requestedVisitDueAt"))
            .check("visitedAt", "must not be before the request (requestedAt)",
                answers -> !answers.dateTime("visitedAt").isBefore(answers.dateTime("requestedAt")))
            .deadline("requestedVisitDueAt", BreachCode.PF_REQUESTED_VISIT_LATE)
            .metAt("visitedAt"),
        // A request taken by phone: the same as the message from another system.
        visitRequest(TaskRules.task("recordVisitRequest")),
        TaskRules.task("assessArrangement").casework().showsInUkTime("assessmentDueAt")
            .require("dbsChecksDone", BOOLEAN)
            .require("accommodationSuitable", BOOLEAN)
            .require("healthNeedsMet", BOOLEAN)
            .require("educationArranged", BOOLEAN)
            .require("contactArranged", BOOLEAN)
            .require("assessmentSummary", TEXT),
        TaskRules.task("decideSuitability")
            .require("suitability", oneOf("SUITABLE", "REQUIREMENTS", "PROHIBIT"))
            .requireWhen("requirements", TEXT, "suitability is REQUIREMENTS",
                answers -> answers.is("suitability", "REQUIREMENTS"))
            .require("managerRationale", TEXT)
            .signsOff("assessArrangement")
            .onCompleted(cases::suitabilityDecided),
        TaskRules.task("escalateLateFirstVisit").showsInUkTime("firstVisitDueAt")
            .require("managerAction", TEXT),
        TaskRules.task("escalateOverdueVisit").showsInUkTime("nextVisitDueAt")
            .require("managerAction", TEXT),
        TaskRules.task("reviewArrangement").showsInUkTime("reviewDueAt", "lastVisitedAt")
            .require("reviewNotes", TEXT)
            .require("managerRationale", TEXT)
            .onCompleted(cases::reviewed));
  }

  /** The carer's notice: when it ended, why, and who the child now lives with. */
  /** Every open arrangement waits for a visit request (reg 8(2)); cases moved from 1.0.0 get the step. */
  @Override
  public List<StandingStep> standingSteps() {
    return List.of(new StandingStep("recordVisitRequest", "subProcess_arrangement"));
  }

  @Override
  public List<MessageRules> messages() {
    return List.of(visitRequest(MessageRules.message("PrivateFosteringVisitRequested")),
        MessageRules.message("PrivateFosteringEnded")
        .require("endedAt", DATE_TIME)
        .require("endReason", TEXT)
        .optional("nowLivingWith", LINE)
        .check("endedAt", "must not be before arrangementStart or in the future", answers -> {
          ZonedDateTime endedAt = answers.dateTime("endedAt");
          return LondonTime.notAfterNow(endedAt)
              && !endedAt.toLocalDate().isBefore(answers.date("arrangementStart"));
        }));
  }

  /** Every visit: the child seen alone (or why not), the household seen, a written report. */
  /** Who asked for a visit and when: not in the future, not before the council was notified. */
  private static <R extends FieldRules<R>> R visitRequest(R rules) {
    return rules
        .require("requestedAt", DATE_TIME)
        .require("requestedBy", LINE)
        .check("requestedAt", "must not be before notifiedAt or in the future", answers -> {
          ZonedDateTime requestedAt = answers.dateTime("requestedAt");
          return LondonTime.notAfterNow(requestedAt) && !requestedAt.isBefore(answers.dateTime("notifiedAt"));
        });
  }

  private static TaskRules visit(TaskRules rules) {
    return rules
        .require("visitedAt", DATE_TIME)
        .require("seenAlone", BOOLEAN)
        .requireWhen("notSeenAloneReason", TEXT, "seenAlone is false", answers -> answers.isFalse("seenAlone"))
        .require("householdSeen", BOOLEAN)
        .require("visitReport", TEXT)
        .check("visitedAt", "must not be in the future", answers -> LondonTime.notAfterNow(answers.dateTime("visitedAt")));
  }

  /**
   * Whether a visit on this date falls in the first year of the arrangement as the council knows
   * it (SI 2005/1533 reg 8(6)): the year runs from the later of the arrangement's start and the
   * day the council was notified, so an arrangement notified late, after a year of living
   * there, still gets 6-weekly visits for its first year of our knowledge.
   */
  static boolean inFirstYear(Answers answers, ZonedDateTime visitedAt) {
    LocalDate started = answers.date("arrangementStart");
    ZonedDateTime notified = answers.dateTime("notifiedAt");
    LocalDate known = notified == null || notified.toLocalDate().isBefore(started) ? started : notified.toLocalDate();
    return visitedAt.toLocalDate().isBefore(known.plusYears(1));
  }
}
