package org.opencsc.court;

import static org.opencsc.rules.FieldType.BOOLEAN;
import static org.opencsc.rules.FieldType.DATE;
import static org.opencsc.rules.FieldType.INTEGER;
import static org.opencsc.rules.FieldType.TEXT;
import static org.opencsc.rules.FieldType.oneOf;

import java.time.LocalDate;
import java.util.List;

import org.opencsc.calendar.LondonTime;
import org.opencsc.child.ChildRegistry;
import org.opencsc.rules.BreachCode;
import org.opencsc.rules.CaseProcessRules;
import org.opencsc.rules.Groups;
import org.opencsc.rules.MessageRules;
import org.opencsc.rules.StartRules;
import org.opencsc.rules.TaskRules;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A child's case under the Public Law Outline (Children and Families Act 2014 s14; Practice
 * Direction 12A; the PLO pre-proceedings guidance; Ofsted recommendation 11): from the legal
 * gateway meeting through pre-proceedings (the letter before proceedings, the meeting within 10
 * working days of it, the manager's decision to issue, continue or end, a service manager's look
 * after 16 weeks) to proceedings, which the court must finish within 26 weeks of issue unless it
 * orders an extension (up to 8 weeks each, with reasons).
 */
@Component
@Order(8)
public class PublicLawOutlineRules extends CaseProcessRules {

  public static final String PROCESS_KEY = "publicLawOutline";
  public static final int MEETING_WITHIN_WORKING_DAYS = 10;
  public static final int PROCEEDINGS_WEEKS = 26;
  public static final int MAX_EXTENSION_WEEKS = 8;
  public static final int LONG_PRE_PROCEEDINGS_WEEKS = 16;
  public static final int PRE_PROCEEDINGS_REVIEW_WEEKS = 6;

  private final ChildRegistry children;
  private final PublicLawOutlines cases;

  public PublicLawOutlineRules(ChildRegistry children, PublicLawOutlines cases) {
    super(PROCESS_KEY, "Public Law Outline", "plo_case");
    this.children = children;
    this.cases = cases;
  }

  /**
   * The team manager and the legal adviser open the case at the legal gateway (or legal planning)
   * meeting; the legal adviser tells the case when the court issued the proceedings.
   */
  @Override
  public List<String> starters() {
    return List.of(Groups.TEAM_MANAGERS, Groups.LEGAL_ADVISERS);
  }

  @Override
  public StartRules start() {
    return children.caseStart()
        .require("legalGatewayOn", DATE)
        .optional("gatewayDecision", oneOf("PRE_PROCEEDINGS", "ISSUE_PROCEEDINGS"))
        .check("legalGatewayOn", "must not be in the future", answers -> notFuture(answers.date("legalGatewayOn")));
  }

  @Override
  public List<TaskRules> tasks() {
    return List.of(
        TaskRules.task("sendLetterBeforeProceedings").casework()
            .require("letterSentOn", DATE)
            .check("letterSentOn", "must not be before the legal gateway meeting (legalGatewayOn) or in the future",
                answers -> onOrAfter(answers.date("letterSentOn"), answers.date("legalGatewayOn"))),
        TaskRules.task("holdPreProceedingsMeeting").casework().showsInUkTime("preProceedingsMeetingDueAt")
            .require("meetingHeldOn", DATE)
            .require("parentsAttended", BOOLEAN)
            .require("meetingNotes", TEXT)
            .check("meetingHeldOn", "must not be before the letter (letterSentOn) or in the future",
                answers -> onOrAfter(answers.date("meetingHeldOn"), answers.date("letterSentOn")))
            .onCompleted(cases::meetingHeld),
        TaskRules.task("decidePreProceedingsOutcome").showsInUkTime("preProceedingsReviewDueAt")
            .require("ploDecision", oneOf("ISSUE", "CONTINUE", "END"))
            .require("decisionReasons", TEXT)
            .onCompleted(cases::decided),
        TaskRules.task("reviewLongPreProceedings")
            .require("serviceManagerAction", TEXT),
        TaskRules.task("recordExtension").showsInUkTime("plo26WeekDueAt")
            .require("extensionWeeks", INTEGER)
            .require("courtOrderDate", DATE)
            .require("extensionReasons", TEXT)
            .atLeast("extensionWeeks", 1, "must be from 1 to " + MAX_EXTENSION_WEEKS + " weeks")
            .atMost("extensionWeeks", MAX_EXTENSION_WEEKS, "must be from 1 to " + MAX_EXTENSION_WEEKS
                + " weeks (each extension the court orders)")
            .check("courtOrderDate", "must not be before the proceedings were issued (issuedOn) or in the future",
                answers -> onOrAfter(answers.date("courtOrderDate"), answers.date("issuedOn"))),
        TaskRules.task("recordHearing")
            .require("hearingType", oneOf("CASE_MANAGEMENT", "ISSUES_RESOLUTION"))
            .require("hearingOn", DATE)
            .check("hearingOn", "must not be before the proceedings were issued (issuedOn) or in the future",
                answers -> onOrAfter(answers.date("hearingOn"), answers.date("issuedOn")))
            .onCompleted(cases::hearingHeld),
        TaskRules.task("recordFinalHearing").showsInUkTime("plo26WeekDueAt")
            .require("finalHearingOn", DATE)
            .require("finalOrder", TEXT)
            .check("finalHearingOn", "must not be before the proceedings were issued (issuedOn) or in the future",
                answers -> onOrAfter(answers.date("finalHearingOn"), answers.date("issuedOn")))
            .deadline("plo26WeekDueAt", BreachCode.PLO_OVER_26_WEEKS)
            .metAt("finalHearingOn")
            .onCompleted(cases::concluded));
  }

  /** The court issued the proceedings: the 26 weeks run from that day (sent by the legal team or the case system). */
  @Override
  public List<MessageRules> messages() {
    return List.of(MessageRules.message("ProceedingsIssued")
        .require("issuedOn", DATE)
        .check("issuedOn", "must not be before the legal gateway meeting (legalGatewayOn) or in the future",
            answers -> onOrAfter(answers.date("issuedOn"), answers.date("legalGatewayOn"))));
  }

  static boolean notFuture(LocalDate day) {
    return !day.isAfter(LondonTime.now().toLocalDate());
  }

  private static boolean onOrAfter(LocalDate day, LocalDate earliest) {
    return notFuture(day) && (earliest == null || !day.isBefore(earliest));
  }
}
