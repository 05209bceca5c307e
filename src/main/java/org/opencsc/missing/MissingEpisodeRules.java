package org.opencsc.missing;

import static org.opencsc.rules.FieldType.BOOLEAN;
import static org.opencsc.rules.FieldType.DATE_TIME;
import static org.opencsc.rules.FieldType.LINE;
import static org.opencsc.rules.FieldType.TEXT;
import static org.opencsc.rules.FieldType.oneOf;

import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.opencsc.calendar.LondonTime;
import org.opencsc.child.ChildRegistry;
import org.opencsc.engine.KnownUsers;
import org.opencsc.rules.Answers;
import org.opencsc.rules.BreachCode;
import org.opencsc.rules.FieldRules;
import org.opencsc.rules.Groups;
import org.opencsc.rules.MessageRules;
import org.opencsc.rules.CaseProcessRules;
import org.opencsc.rules.StartRules;
import org.opencsc.rules.TaskRules;
import org.opencsc.rules.TaskRules.Choice;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rules of a missing or away episode (domain rules §1; DfE 2014 statutory guidance on
 * children who run away or go missing from home or care; Ofsted recommendation 8).
 */
@Component
@Order(1) // where the dashboard and the figures list it
public class MissingEpisodeRules extends CaseProcessRules {

  public static final String PROCESS_KEY = "missingEpisode";
  /** DfE 2014: the return home interview within 72 hours of the return. */
  public static final int INTERVIEW_WITHIN_HOURS = 72;
  /** Local practice: the team manager is alerted at 48 hours. */
  public static final int CHASE_AFTER_HOURS = 48;

  /** The interview took place unless the worker records that it did not. */
  private static final Predicate<Answers> HELD = answers -> !answers.isTrue("interviewNotHeld");

  /** Where the step that records the interview finds its list of interviewers. */
  public static final String INTERVIEWER_OPTIONS = "interviewerOptions";
  /** The episode's social-work steps: whoever completes them is the child's allocated social worker. */
  private static final List<String> SOCIAL_WORK_STEPS = List.of("assessMissingRisk", "recordReturn",
      "offerReturnInterview");

  private final ChildRegistry children;
  private final MissingEpisodes cases;
  private final KnownUsers users;

  public MissingEpisodeRules(ChildRegistry children, MissingEpisodes cases, KnownUsers users) {
    super(PROCESS_KEY, "Missing from home or care", "missing_episode");
    this.children = children;
    this.cases = cases;
    this.users = users;
  }

  /** Every episode is recorded, whatever its length: type, and when the child left or was last seen. */
  @Override
  public StartRules start() {
    return children.caseStart()
        .require("episodeType", oneOf("MISSING", "AWAY"))
        .require("missingFrom", DATE_TIME)
        .optional("reportedBy", LINE)
        .check("missingFrom", "must not be in the future", answers -> LondonTime.notAfterNow(answers.dateTime("missingFrom")))
        // One episode at a time, in order, as the SSDA903 Missing table must read: no new episode
        // while the child is still missing, none inside an earlier one, none before birth.
        .check("childId", "is still missing: record the child's return from the open episode first",
            answers -> !cases.stillMissing(answers.text("childId")))
        .check("missingFrom", "must not be before the child's return from an earlier episode",
            answers -> !cases.insideAnEpisode(answers.text("childId"), answers.dateTime("missingFrom")))
        .check("missingFrom", "must not be before the child's date of birth", answers -> children.find(answers.text("childId"))
            .map(child -> !answers.dateTime("missingFrom").toLocalDate().isBefore(child.getDateOfBirth())).orElse(true));
  }

  @Override
  public List<TaskRules> tasks() {
    return List.of(
        // Risk while missing, with exploitation screening, signed off by a manager (four eyes).
        TaskRules.task("assessMissingRisk").casework()
            .require("riskLevel", oneOf("LOW", "MEDIUM", "HIGH"))
            .require("cseRisk", BOOLEAN)
            .require("cceRisk", BOOLEAN)
            .require("radicalisationRisk", BOOLEAN)
            .require("traffickingRisk", BOOLEAN)
            .require("riskSummary", TEXT),
        TaskRules.task("approveMissingRisk")
            .require("riskApproved", BOOLEAN)
            .require("managerRationale", TEXT)
            .signsOff("assessMissingRisk")
            .onCompleted(cases::riskSignedOff),
        // The return: every deadline runs from when the child came back.
        returnRules(TaskRules.task("recordReturn").casework()),
        // Offered every time; reasons when not offered or declined. The 72 hours bind the offer
        // only when no interview follows (declined or not offered), and then run to the offer:
        // an offer the child declined within them is on time.
        TaskRules.task("offerReturnInterview").casework().showsInUkTime("rhiDueAt")
            .require("rhiOffered", BOOLEAN)
            .requireWhen("rhiOfferedAt", DATE_TIME, "rhiOffered is true", answers -> answers.isTrue("rhiOffered"))
            .requireWhen("rhiAccepted", BOOLEAN, "rhiOffered is true", answers -> answers.isTrue("rhiOffered"))
            .requireWhen("rhiNotOfferedReason", TEXT, "rhiOffered is false", answers -> answers.isFalse("rhiOffered"))
            .requireWhen("rhiDeclineReason", TEXT, "rhiAccepted is false",
                answers -> answers.isTrue("rhiOffered") && answers.isFalse("rhiAccepted"))
            .check("rhiOfferedAt", "must not be before returnedAt or in the future",
                answers -> !answers.isTrue("rhiOffered") || afterReturnAndNotFuture(answers, "rhiOfferedAt"))
            .deadline("rhiDueAt", BreachCode.RHI_NOT_WITHIN_72H)
            .metAt("rhiOfferedAt")
            .deadlineAppliesWhen(answers -> !(answers.isTrue("rhiOffered") && answers.isTrue("rhiAccepted")))
            // Not offered is a failure of the duty whatever the reason, however soon it is recorded.
            .failsWhen(answers -> answers.isFalse("rhiOffered"), BreachCode.RHI_NOT_OFFERED, "rhiNotOfferedReason")
            .onCompleted(cases::offered),
        // Held: what was said, by whom, how independent. Accepted but not held: the reasons.
        TaskRules.task("conductReturnInterview").showsInUkTime("rhiDueAt")
            .optional("interviewNotHeld", BOOLEAN)
            .requireWhen("rhiHeldAt", DATE_TIME, "the interview was held", HELD)
            .requireWhen("interviewer", LINE, "the interview was held", HELD)
            .check("interviewer", "must be a known user id (chosen from the list of interviewers)",
                answers -> !HELD.test(answers) || users.exists(answers.text("interviewer")))
            .check("interviewer", "must not be the child's allocated social worker (who holds or held this episode's"
                + " social-work steps): the interview is held by someone independent of the child's care",
                answers -> !HELD.test(answers) || !allocatedWorkers(answers).contains(answers.text("interviewer")))
            .offers(INTERVIEWER_OPTIONS, this::interviewers)
            .requireWhen("interviewerIndependent", BOOLEAN, "the interview was held", HELD)
            .requireWhen("interviewerNotIndependentReason", TEXT, "interviewerIndependent is false",
                answers -> HELD.test(answers) && answers.isFalse("interviewerIndependent"))
            .requireWhen("pushPullFactors", TEXT, "the interview was held", HELD)
            .requireWhen("harmDisclosed", BOOLEAN, "the interview was held", HELD)
            .requireWhen("interviewSummary", TEXT, "the interview was held", HELD)
            .requireWhen("interviewNotHeldReason", TEXT, "interviewNotHeld is true", HELD.negate())
            .check("rhiHeldAt", "must not be before rhiOfferedAt or returnedAt, or in the future",
                answers -> !HELD.test(answers) || (afterReturnAndNotFuture(answers, "rhiHeldAt")
                    && !answers.dateTime("rhiHeldAt").isBefore(answers.dateTime("rhiOfferedAt"))))
            .deadline("rhiDueAt", BreachCode.RHI_NOT_WITHIN_72H)
            .metAt("rhiHeldAt")
            // Accepted but not held is late, even when recorded before the 72 hours are up.
            .failsWhen(HELD.negate(), BreachCode.RHI_NOT_WITHIN_72H, "interviewNotHeldReason")
            .onCompleted(cases::interviewed),
        // Harm disclosed or repeat missing: closing needs the reason no strategy discussion is needed.
        TaskRules.task("reviewReturn")
            .require("reviewOutcome", oneOf("CLOSE", "STRATEGY_DISCUSSION", "MULTI_AGENCY_MEETING"))
            .require("managerRationale", TEXT)
            .requireWhen("noStrategyReason", TEXT, "closing after harm was disclosed or with the repeat-missing flag",
                answers -> answers.is("reviewOutcome", "CLOSE")
                    && (answers.isTrue("harmDisclosed") || answers.isTrue("repeatMissing")))
            .signsOff("offerReturnInterview", "conductReturnInterview")
            .onCompleted(cases::reviewed),
        TaskRules.task("chaseReturnInterview").showsInUkTime("rhiDueAt")
            .optional("chaseNote", TEXT),
        TaskRules.task("escalateOverdueReturnInterview").showsInUkTime("rhiDueAt")
            .require("managerAction", TEXT));
  }

  /** Another system may report the return instead of a social worker: same rules. */
  @Override
  public List<MessageRules> messages() {
    return List.of(returnRules(MessageRules.message("ChildReturned")));
  }

  /**
   * The child's allocated social worker: whoever completed this episode's social-work steps (the
   * risk assessment, the return, the offer), and the worker the child's record names. They may not
   * hold the interview.
   */
  private Set<String> allocatedWorkers(Answers answers) {
    Set<String> workers = new LinkedHashSet<>();
    children.find(answers.text("childId")).map(child -> child.getReturnDetails().allocatedWorker())
        .ifPresent(workers::add);
    for (String step : SOCIAL_WORK_STEPS) {
      String user = answers.text(TaskRules.completedByVariable(step));
      if (user != null) {
        workers.add(user);
      }
    }
    return workers;
  }

  /** The interviewers to choose from: social workers other than the child's own. */
  private List<Choice> interviewers(Answers answers) {
    Set<String> excluded = allocatedWorkers(answers);
    return users.membersOf(Groups.SOCIAL_WORKERS).stream()
        .filter(user -> !excluded.contains(user.getId()))
        .map(user -> new Choice(user.getId(), KnownUsers.label(user)))
        .toList();
  }

  private static <R extends FieldRules<R>> R returnRules(R rules) {
    return rules
        .require("returnedAt", DATE_TIME)
        .check("returnedAt", "must not be before missingFrom (when the child went missing)",
            answers -> !answers.dateTime("returnedAt").isBefore(answers.dateTime("missingFrom")))
        .check("returnedAt", "must not be in the future", answers -> LondonTime.notAfterNow(answers.dateTime("returnedAt")));
  }

  private static boolean afterReturnAndNotFuture(Answers answers, String field) {
    ZonedDateTime value = answers.dateTime(field);
    ZonedDateTime returnedAt = answers.dateTime("returnedAt");
    return LondonTime.notAfterNow(value) && (returnedAt == null || !value.isBefore(returnedAt));
  }
}
