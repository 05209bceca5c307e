package org.opencsc.strategy;

import static org.opencsc.rules.FieldType.BOOLEAN;
import static org.opencsc.rules.FieldType.DATE;
import static org.opencsc.rules.FieldType.DATE_TIME;
import static org.opencsc.rules.FieldType.LINE;
import static org.opencsc.rules.FieldType.TEXT;
import static org.opencsc.rules.FieldType.oneOf;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.HistoryService;
import org.opencsc.calendar.LondonTime;
import org.opencsc.child.Child;
import org.opencsc.child.ChildRegistry;
import org.opencsc.missing.MissingEpisodeRules;
import org.opencsc.rules.Answers;
import org.opencsc.rules.BreachCode;
import org.opencsc.rules.Participants;
import org.opencsc.rules.CaseProcessRules;
import org.opencsc.rules.StartRules;
import org.opencsc.rules.TaskRules;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rules of a strategy discussion (domain rules §2; Working Together to Safeguard Children;
 * Ofsted recommendation 3): who must take part, what a section 47 decision must carry, and the
 * 15-working-day conference deadline.
 */
@Component
@Order(2) // where the dashboard and the figures list it
public class StrategyDiscussionRules extends CaseProcessRules {

  /** A section 47 enquiry closed with no further action needs its reasons in full (local rule). */
  public static final int NFA_REASONS_MIN_LENGTH = 50;
  private static final Predicate<Answers> NO_FURTHER_ACTION = answers -> answers.is("s47Outcome", "NO_FURTHER_ACTION");

  public static final String PROCESS_KEY = "strategyDiscussion";
  /** Working Together: ICPC within 15 working days of the strategy discussion. */
  public static final int ICPC_WITHIN_WORKING_DAYS = 15;
  /** Working Together: assessment within 45 working days of the referral. */
  public static final int ASSESSMENT_WITHIN_WORKING_DAYS = 45;

  /** The agencies that must take part, by attendance field; the placement provider only for a looked-after child. */
  static final List<String> REQUIRED_AGENCIES =
      List.of("attendedSocialWorker", "attendedManager", "attendedPolice", "attendedHealth");
  static final String PLACEMENT_PROVIDER = "attendedPlacementProvider";

  private static final Predicate<Answers> SECTION_47 = answers -> answers.is("decision", "SECTION_47");

  /** The CIN census categories of abuse a conference gives a child protection plan (contract §5). */
  public static final String[] CATEGORIES_OF_ABUSE = {"NEGLECT", "PHYSICAL", "SEXUAL", "EMOTIONAL", "MULTIPLE"};

  /** Who took part: {name, role, agency} for each participant (contract: recordStrategyDiscussion). */
  public static final String ATTENDEES = Participants.ATTENDEES;

  /** A social-care participant with this role is the social worker's manager. */
  static final String MANAGER_ROLE = "MANAGER";
  /** Set on the step when it opens: whether education must be invited (the child is aged 4 to 17). */
  public static final String SCHOOL_AGE = "educationInvitationRequired";
  private static final Predicate<Answers> NO_LIST = answers -> answers.records(ATTENDEES).isEmpty();
  /** Each attendance field, and the participants in the list that answer it. */
  private static final Map<String, Predicate<Map<String, Object>>> ATTENDANCE = attendance();

  private static Map<String, Predicate<Map<String, Object>>> attendance() {
    Map<String, Predicate<Map<String, Object>>> attendance = new LinkedHashMap<>();
    attendance.put("attendedSocialWorker", p -> "SOCIAL_CARE".equals(p.get("agency")) && !isManager(p));
    attendance.put("attendedManager", p -> "SOCIAL_CARE".equals(p.get("agency")) && isManager(p));
    attendance.put("attendedPolice", p -> "POLICE".equals(p.get("agency")));
    attendance.put("attendedHealth", p -> "HEALTH".equals(p.get("agency")));
    attendance.put(PLACEMENT_PROVIDER, p -> "PLACEMENT_PROVIDER".equals(p.get("agency")));
    attendance.put("attendedEducation", p -> "EDUCATION".equals(p.get("agency")));
    attendance.put("attendedReferrer", p -> "REFERRER".equals(p.get("agency")));
    return attendance;
  }

  private static boolean isManager(Map<String, Object> participant) {
    return MANAGER_ROLE.equalsIgnoreCase(String.valueOf(participant.get("role")).strip());
  }

  private final ChildRegistry children;
  private final StrategyDiscussions cases;
  private final HistoryService history;

  public StrategyDiscussionRules(ChildRegistry children, StrategyDiscussions cases, @Lazy HistoryService history) {
    super(PROCESS_KEY, "Strategy discussions", "strategy_discussion");
    this.children = children;
    this.cases = cases;
    this.history = history;
  }

  @Override
  public StartRules start() {
    return children.caseStart()
        .require("referralReceivedAt", DATE_TIME)
        .require("concern", TEXT)
        .optional("urgent", BOOLEAN)
        .optional("lookedAfter", BOOLEAN)
        .optional("missingEpisodeId", LINE)
        .check("missingEpisodeId", "must name a missing episode of the same child", answers ->
            answers.text("missingEpisodeId") == null || history.createHistoricProcessInstanceQuery()
                .processInstanceId(answers.text("missingEpisodeId")).processDefinitionKey(MissingEpisodeRules.PROCESS_KEY)
                .variableValueEquals("childId", answers.text("childId")).count() == 1)
        .check("referralReceivedAt", "must not be in the future",
            answers -> LondonTime.notAfterNow(answers.dateTime("referralReceivedAt")));
  }

  @Override
  public List<TaskRules> tasks() {
    return List.of(
        TaskRules.task("scheduleStrategyDiscussion").showsInUkTime("assessmentDueAt")
            .require("discussionAt", DATE_TIME)
            .require("format", oneOf("MEETING", "CALLS")),
        recordDiscussion(),
        // A required agency did not take part: reconvene, or override with reasons (a breach).
        TaskRules.task("engageAbsentAgency")
            .require("agencyContact", TEXT)
            .require("engagementOutcome", oneOf("RECONVENE", "OVERRIDE"))
            .requireWhen("overrideReason", TEXT, "engagementOutcome is OVERRIDE",
                answers -> answers.is("engagementOutcome", "OVERRIDE"))
            .signsOff("recordStrategyDiscussion"),
        TaskRules.task("approveStrategyDecision").showsInUkTime("heldAt")
            .require("decisionApproved", BOOLEAN)
            .require("managerRationale", TEXT)
            .signsOff("recordStrategyDiscussion")
            .onCompleted(cases::decisionSignedOff),
        // Within 15 working days: the conference, or the recorded decision that none is needed.
        TaskRules.task("recordS47Outcome").casework().showsInUkTime("icpcDueAt")
            .require("s47Outcome", oneOf("ICPC_REQUIRED", "ICPC_NOT_REQUIRED", "NO_FURTHER_ACTION"))
            .requireWhen("icpcNotRequiredReason", TEXT, "s47Outcome is ICPC_NOT_REQUIRED",
                answers -> answers.is("s47Outcome", "ICPC_NOT_REQUIRED"))
            // No further action after an enquiry: the reasons in full, then a manager's sign-off.
            .requireWhen("nfaReasons", TEXT, "s47Outcome is NO_FURTHER_ACTION", NO_FURTHER_ACTION)
            .atLeastCharacters("nfaReasons", NFA_REASONS_MIN_LENGTH,
                "must give the reasons in at least " + NFA_REASONS_MIN_LENGTH + " characters")
            .deadline("icpcDueAt", BreachCode.ICPC_NOT_WITHIN_15WD)
            .deadlineAppliesWhen(answers -> !answers.is("s47Outcome", "ICPC_REQUIRED"))
            .onCompleted(cases::enquiryOutcome),
        TaskRules.task("approveS47Closure")
            .require("closureApproved", BOOLEAN)
            .require("managerRationale", TEXT)
            .signsOff("recordS47Outcome"),
        TaskRules.task("recordIcpc").casework().showsInUkTime("icpcDueAt")
            .require("icpcHeldOn", DATE)
            .require("childProtectionPlan", BOOLEAN)
            .requireWhen("initialCategoryOfAbuse", oneOf(CATEGORIES_OF_ABUSE), "childProtectionPlan is true",
                answers -> answers.isTrue("childProtectionPlan"))
            .check("icpcHeldOn", "must not be before the strategy discussion (heldAt) or in the future",
                answers -> !answers.date("icpcHeldOn").isBefore(answers.dateTime("heldAt").toLocalDate())
                    && !answers.date("icpcHeldOn").isAfter(LondonTime.now().toLocalDate()))
            .deadline("icpcDueAt", BreachCode.ICPC_NOT_WITHIN_15WD)
            .metAt("icpcHeldOn")
            .onCompleted(cases::conferenceHeld),
        TaskRules.task("escalateOverdueIcpc").showsInUkTime("icpcDueAt")
            .require("managerAction", TEXT));
  }

  /**
   * Who took part, named in a list (the attendance booleans follow from it; API clients that send
   * no list may still send the booleans), education invited for a child of school age, the
   * decision, and with section 47 the safety plan.
   */
  private TaskRules recordDiscussion() {
    TaskRules rules = TaskRules.task("recordStrategyDiscussion").casework().require("heldAt", DATE_TIME)
        .optional(ATTENDEES, Participants.LIST);
    REQUIRED_AGENCIES.forEach(agency -> rules.requireWhen(agency, BOOLEAN, "no attendees list is given", NO_LIST));
    rules.requireWhen(PLACEMENT_PROVIDER, BOOLEAN, "the child is looked after and no attendees list is given",
            answers -> answers.isTrue("lookedAfter") && NO_LIST.test(answers))
        .optional("attendedEducation", BOOLEAN)
        .optional("attendedReferrer", BOOLEAN);
    for (String attended : ATTENDANCE.keySet()) {
      rules.check(attended, "contradicts the attendees list (it is worked out from the list; leave it out or make it agree)",
              answers -> NO_LIST.test(answers) || answers.get(attended) == null
                  || answers.get(attended).equals(attendedPerList(answers, attended)))
          .derives(attended, "attendees", answers -> NO_LIST.test(answers) ? null : attendedPerList(answers, attended));
    }
    return rules
        // Working Together 2023: education is a partner for every child of school age.
        .shows(SCHOOL_AGE, answers -> schoolAge(answers, LondonTime.now().toLocalDate()))
        .requireWhen("educationInvited", BOOLEAN, "the child is aged 4 to 17 and education did not take part",
            answers -> schoolAgeWhenHeld(answers) && !educationAttended(answers))
        .requireWhen("educationNotInvitedReason", TEXT, "the child is aged 4 to 17 and education was not invited",
            answers -> schoolAgeWhenHeld(answers) && answers.isFalse("educationInvited"))
        .check("educationInvited", "must be true when education took part",
            answers -> !answers.isFalse("educationInvited") || !educationAttended(answers))
        // Education that took part was invited.
        .derives("educationInvited", "attendees", answers -> educationAttended(answers) ? Boolean.TRUE : null)
        .require("informationShared", TEXT)
        .require("decision", oneOf("SECTION_47", "SECTION_17", "NO_FURTHER_ACTION", "EARLY_HELP"))
        .requireWhen("s47Type", oneOf("SINGLE", "JOINT"), "decision is SECTION_47", SECTION_47)
        .requireWhen("safetyPlan", TEXT, "decision is SECTION_47", SECTION_47)
        .requireWhen("safetyPlanOwner", TEXT, "decision is SECTION_47", SECTION_47)
        .requireWhen("safetyPlanReviewBy", DATE, "decision is SECTION_47", SECTION_47)
        .requireWhen("legalActionNeeded", BOOLEAN, "decision is SECTION_47", SECTION_47)
        .requireWhen("familyInformed", BOOLEAN, "decision is SECTION_47", SECTION_47)
        .requireWhen("familyNotInformedReason", TEXT, "familyInformed is false",
            answers -> SECTION_47.test(answers) && answers.isFalse("familyInformed"))
        .check("heldAt", "must not be before referralReceivedAt or in the future", answers -> {
          ZonedDateTime heldAt = answers.dateTime("heldAt");
          return LondonTime.notAfterNow(heldAt) && !heldAt.isBefore(answers.dateTime("referralReceivedAt"));
        })
        .check("safetyPlanReviewBy", "must not be before the discussion (heldAt)", answers -> {
          LocalDate reviewBy = answers.date("safetyPlanReviewBy");
          return !SECTION_47.test(answers) || !reviewBy.isBefore(answers.dateTime("heldAt").toLocalDate());
        })
        .onCompleted(cases::discussed);
  }

  /** Whether the attendees list shows this kind of participant (a manager: social care, role MANAGER). */
  static boolean attendedPerList(Answers answers, String attended) {
    return answers.records(ATTENDEES).stream().anyMatch(ATTENDANCE.get(attended));
  }

  private static boolean educationAttended(Answers answers) {
    return NO_LIST.test(answers) ? answers.isTrue("attendedEducation") : attendedPerList(answers, "attendedEducation");
  }

  private boolean schoolAgeWhenHeld(Answers answers) {
    ZonedDateTime heldAt = answers.dateTime("heldAt");
    return schoolAge(answers, heldAt == null ? LondonTime.now().toLocalDate() : heldAt.toLocalDate());
  }

  /** Aged 4 to 17 on that day: from the fourth birthday to the day before the eighteenth. */
  private boolean schoolAge(Answers answers, LocalDate on) {
    String childId = answers.text("childId");
    LocalDate born = childId == null ? null : children.find(childId).map(Child::getDateOfBirth).orElse(null);
    return born != null && !on.isBefore(born.plusYears(4)) && on.isBefore(born.plusYears(18));
  }

  /** The attendance fields of the required agencies that answered "did not take part". */
  static List<String> absentAgencies(Answers answers) {
    List<String> absent = new ArrayList<>();
    REQUIRED_AGENCIES.stream().filter(answers::isFalse).forEach(absent::add);
    if (answers.isTrue("lookedAfter") && answers.isFalse(PLACEMENT_PROVIDER)) {
      absent.add(PLACEMENT_PROVIDER);
    }
    return absent;
  }
}
