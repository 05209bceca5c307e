package org.opencsc.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencsc.ApplicationTest;
import org.opencsc.WorkflowFixture;
import org.opencsc.engine.Breach;
import org.opencsc.engine.BreachRepository;
import org.opencsc.rules.BreachCode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The strategy discussion through the engine REST API: every required agency or a manager's
 * override, the section 47 safety plan, four eyes, and the conference within 15 working days.
 */
class StrategyDiscussionProcessTest extends ApplicationTest {

  static final Instant NOW = Instant.parse("2026-12-14T16:00:00Z");

  @Autowired
  private BreachRepository breaches;
  @Autowired
  private StrategyDiscussionRepository discussions;

  private String childId;

  @BeforeEach
  void child() {
    clockAt(NOW);
    childId = registerChild("Strategy Child");
  }

  @Test
  void section47WithEveryAgencyThenConferenceWithin15WorkingDaysAcrossChristmas() {
    ProcessInstance discussion = start(childId, "2026-12-14T09:00:00Z");
    // 45 working days from Monday 14 December 2026: 25 and 28 December and 1 January skipped.
    assertThat(variable(discussion, "assessmentDueAt")).isEqualTo("2027-02-18T23:59:00Z");
    complete(discussion, "scheduleStrategyDiscussion", "tom", variables("discussionAt", "2026-12-14T14:00:00Z", "format", "CALLS"));
    complete(discussion, "recordStrategyDiscussion", "sarah", section47("2026-12-14T14:00:00Z", Map.of()));
    assertThat(discussion).isWaitingAt("approveStrategyDecision");
    complete(discussion, "approveStrategyDecision", "tina", variables("decisionApproved", true, "managerRationale", "Joint enquiry agreed"));

    // 15 working days from 14 Dec: 25, 28 Dec and 1 Jan are bank holidays.
    assertThat(variable(discussion, "icpcDueAt")).isEqualTo("2027-01-07T23:59:00Z");
    assertThat(task(discussion, "recordS47Outcome").getDueDate()).isEqualTo(java.util.Date.from(Instant.parse("2027-01-07T23:59:00Z")));
    clockAt(Instant.parse("2027-01-05T10:00:00Z"));
    complete(discussion, "recordS47Outcome", "sarah", variables("s47Outcome", "ICPC_REQUIRED"));
    clockAt(Instant.parse("2027-01-07T18:00:00Z"));
    complete(discussion, "recordIcpc", "sam", variables("icpcHeldOn", "2027-01-07", "childProtectionPlan", true, "initialCategoryOfAbuse", "NEGLECT"));
    assertThat(discussion).isEnded().hasPassed("endEvent_planStarted", "endEvent_enquiryConcluded");
    assertThat(breachesOf(discussion)).isEmpty();

    StrategyDiscussion record = discussions.findById(discussion.getId()).orElseThrow();
    assertThat(record.getHeldAt()).isEqualTo(Instant.parse("2026-12-14T14:00:00Z"));
    assertThat(record.getDecision()).isEqualTo("SECTION_47");
    assertThat(record.getS47Type()).isEqualTo("JOINT");
    assertThat(record.getDecisionApprovedBy()).isEqualTo("tina");
    assertThat(record.getIcpcHeldOn()).isEqualTo(LocalDate.parse("2027-01-07"));
    assertThat(record.getChildProtectionPlan()).isTrue();
    assertThat(record.isLookedAfter()).isTrue();
  }

  @Test
  void theIcpcClockRunsFromTheDiscussionThatDecidedTheEnquiryAndARecordSentBackNeverRestartsIt() {
    ProcessInstance discussion = start(childId, "2026-12-14T09:00:00Z");
    complete(discussion, "scheduleStrategyDiscussion", "tom", variables("discussionAt", "2026-12-14T14:00:00Z", "format", "CALLS"));
    complete(discussion, "recordStrategyDiscussion", "sarah", section47("2026-12-14T14:00:00Z", Map.of()));
    complete(discussion, "approveStrategyDecision", "tina",
        variables("decisionApproved", false, "managerRationale", "Reconvene with the school"));
    // Reconvened four days later and recorded again: still a section 47 enquiry, decided on the 14th.
    clockAt(Instant.parse("2026-12-18T18:00:00Z"));
    complete(discussion, "recordStrategyDiscussion", "sarah", section47("2026-12-18T14:00:00Z", Map.of()));
    complete(discussion, "approveStrategyDecision", "tina", variables("decisionApproved", true, "managerRationale", "Agreed"));

    assertThat(variable(discussion, "s47StartedAt")).isEqualTo("2026-12-14T14:00:00Z");
    assertThat(variable(discussion, "icpcDueAt")).isEqualTo("2027-01-07T23:59:00Z");
    StrategyDiscussion row = discussions.findById(discussion.getId()).orElseThrow();
    assertThat(row.getS47StartedAt()).isEqualTo(Instant.parse("2026-12-14T14:00:00Z"));
    assertThat(row.getHeldAt()).as("the record keeps the latest discussion").isEqualTo(Instant.parse("2026-12-18T14:00:00Z"));
  }

  @Test
  void icpcDeadlineSkipsEaster2027() {
    clockAt(Instant.parse("2027-03-19T18:00:00Z"));
    ProcessInstance discussion = approvedSection47(start(childId, "2027-03-19T09:00:00Z"), "2027-03-19T11:00:00Z");
    // Good Friday 26 March and Easter Monday 29 March; British Summer Time from 28 March.
    assertThat(variable(discussion, "icpcDueAt")).isEqualTo("2027-04-13T23:59:00+01:00");
  }

  @ParameterizedTest(name = "{0} absent alone goes to the manager")
  @ValueSource(strings = {"attendedSocialWorker", "attendedManager", "attendedPolice", "attendedHealth"})
  void eachRequiredAgencyAbsentAloneNeedsEngagement(String agency) {
    ProcessInstance discussion = scheduled(start(childId, "2026-12-14T09:00:00Z"));
    complete(discussion, "recordStrategyDiscussion", "sarah", section47("2026-12-14T14:00:00Z", Map.of(agency, false)));
    assertThat(discussion).isWaitingAt("engageAbsentAgency");
    assertThat(variable(discussion, "absentAgencies")).isEqualTo(agency);
  }

  @Test
  void aLookedAfterChildNeedsThePlacementProvider() {
    ProcessInstance discussion = scheduled(start(childId, "2026-12-14T09:00:00Z"));
    Map<String, Object> withoutProvider = section47("2026-12-14T14:00:00Z", Map.of());
    variablesOf(withoutProvider).remove("attendedPlacementProvider");
    assertRefused(completeReply(discussion, "recordStrategyDiscussion", "sarah", withoutProvider),
        "attendedPlacementProvider: is required when the child is looked after");
    complete(discussion, "recordStrategyDiscussion", "sarah",
        section47("2026-12-14T14:00:00Z", Map.of("attendedPlacementProvider", false)));
    assertThat(discussion).isWaitingAt("engageAbsentAgency");
    assertThat(variable(discussion, "absentAgencies")).isEqualTo("attendedPlacementProvider");
  }

  @Test
  void aChildNotLookedAfterNeedsNoPlacementProvider() {
    String child = api.post("/api/children", "sarah", Map.of("name", "At Home", "dateOfBirth", "2015-01-01",
        "lookedAfter", false)).json().get("id").asText();
    ProcessInstance discussion = scheduled(start(child, "2026-12-14T09:00:00Z"));
    Map<String, Object> answers = section47("2026-12-14T14:00:00Z", Map.of());
    variablesOf(answers).remove("attendedPlacementProvider");
    complete(discussion, "recordStrategyDiscussion", "sarah", answers);
    assertThat(discussion).isWaitingAt("approveStrategyDecision");
  }

  @Test
  void attendanceIsWorkedOutFromTheNamedParticipants() {
    ProcessInstance discussion = scheduled(start(childId, "2026-12-14T09:00:00Z"));
    Map<String, Object> answers = withoutAttendanceBooleans(section47("2026-12-14T14:00:00Z", Map.of("educationInvited", true)));
    // As Tasklist's dynamic list sends it: a Json variable.
    variablesOf(answers).put("attendees", Map.of("type", "Json", "value", org.opencsc.Variables.participantsJson(
        "Sarah Jones|Social worker|SOCIAL_CARE", "Tom Price|MANAGER|SOCIAL_CARE", "DS Khan|Detective Sergeant|POLICE",
        "Dr Lee|Named doctor|HEALTH", "Ann Carer|Foster carer|PLACEMENT_PROVIDER")));
    complete(discussion, "recordStrategyDiscussion", "sarah", answers);

    assertThat(discussion).isWaitingAt("approveStrategyDecision");
    for (String agency : List.of("attendedSocialWorker", "attendedManager", "attendedPolice", "attendedHealth",
        "attendedPlacementProvider")) {
      assertThat(variable(discussion, agency)).as(agency).isEqualTo(true);
    }
    assertThat(variable(discussion, "attendedEducation")).isEqualTo(false);
    assertThat(variable(discussion, "absentAgencies")).isEqualTo("");
    assertThat(String.valueOf(variable(discussion, "attendees"))).contains("DS Khan");
  }

  @Test
  void aListWithoutThePoliceGoesToTheManagersEngagementTask() {
    ProcessInstance discussion = scheduled(start(childId, "2026-12-14T09:00:00Z"));
    Map<String, Object> answers = withoutAttendanceBooleans(section47("2026-12-14T14:00:00Z", Map.of("educationInvited", true)));
    // Text holding the JSON, as an API client may send it; a manager named with another role casing.
    variablesOf(answers).put("attendees", Map.of("type", "String", "value", org.opencsc.Variables.participantsJson(
        "Sarah Jones|Social worker|SOCIAL_CARE", "Tom Price|manager|SOCIAL_CARE", "Dr Lee|Named doctor|HEALTH",
        "Ann Carer|Foster carer|PLACEMENT_PROVIDER")));
    complete(discussion, "recordStrategyDiscussion", "sarah", answers);
    assertThat(discussion).isWaitingAt("engageAbsentAgency");
    assertThat(variable(discussion, "absentAgencies")).isEqualTo("attendedPolice");
  }

  @Test
  void attendanceThatContradictsTheListIsRefusedAndWritesNothing() {
    ProcessInstance discussion = scheduled(start(childId, "2026-12-14T09:00:00Z"));
    Map<String, Object> answers = section47("2026-12-14T14:00:00Z", Map.of());
    variablesOf(answers).put("attendees", Map.of("type", "Json", "value", org.opencsc.Variables.participantsJson(
        "Sarah Jones|Social worker|SOCIAL_CARE", "Tom Price|MANAGER|SOCIAL_CARE", "Dr Lee|Named doctor|HEALTH",
        "Ann Carer|Foster carer|PLACEMENT_PROVIDER", "Mr Head|Head teacher|EDUCATION")));
    assertRefused(completeReply(discussion, "recordStrategyDiscussion", "sarah", answers),
        "attendedPolice: contradicts the attendees list");

    Map<String, Object> unknownAgency = withoutAttendanceBooleans(section47("2026-12-14T14:00:00Z", Map.of()));
    variablesOf(unknownAgency).put("attendees", Map.of("type", "Json", "value", org.opencsc.Variables.participantsJson("Sarah Jones|Social worker|CHARITY")));
    assertRefused(completeReply(discussion, "recordStrategyDiscussion", "sarah", unknownAgency),
        "attendees: entry 1: agency must be one of SOCIAL_CARE");
    Map<String, Object> noName = withoutAttendanceBooleans(section47("2026-12-14T14:00:00Z", Map.of()));
    variablesOf(noName).put("attendees", Map.of("type", "Json", "value", "[{\"role\":\"Nurse\",\"agency\":\"HEALTH\"}]"));
    assertRefused(completeReply(discussion, "recordStrategyDiscussion", "sarah", noName),
        "attendees: entry 1: name is required");
    Map<String, Object> notAList = withoutAttendanceBooleans(section47("2026-12-14T14:00:00Z", Map.of()));
    variablesOf(notAList).put("attendees", Map.of("type", "Json", "value", "{\"name\":\"Sarah\"}"));
    assertRefused(completeReply(discussion, "recordStrategyDiscussion", "sarah", notAList), "attendees: must be a list");
    // Json is accepted for the list only: any other answer sent as Json is refused at the door.
    Map<String, Object> jsonElsewhere = section47("2026-12-14T14:00:00Z", Map.of());
    variablesOf(jsonElsewhere).put("informationShared", Map.of("type", "Json", "value", "\"Records\""));
    assertRefused(completeReply(discussion, "recordStrategyDiscussion", "sarah", jsonElsewhere),
        "informationShared: must be a plain value");

    assertThat(discussion).isWaitingAt("recordStrategyDiscussion");
    assertThat(variable(discussion, "attendees")).isNull();
    assertThat(variable(discussion, "heldAt")).isNull();
  }

  @Test
  void educationIsInvitedForEveryChildAged4To17() {
    // Born 1 Jan 2015: 11 at the discussion.
    String child = api.post("/api/children", "sarah", Map.of("name", "School Age", "dateOfBirth", "2015-01-01",
        "lookedAfter", false)).json().get("id").asText();
    ProcessInstance discussion = scheduled(start(child, "2026-12-14T09:00:00Z"));
    assertThat(engine.getTaskService().getVariableLocal(task(discussion, "recordStrategyDiscussion").getId(),
        StrategyDiscussionRules.SCHOOL_AGE)).isEqualTo(true);
    Map<String, Object> answers = section47("2026-12-14T14:00:00Z", Map.of());
    variablesOf(answers).remove("attendedPlacementProvider");
    variablesOf(answers).remove("attendedEducation");
    assertRefused(completeReply(discussion, "recordStrategyDiscussion", "sarah", answers),
        "educationInvited: is required when the child is aged 4 to 17 and education did not take part");
    variablesOf(answers).put("educationInvited", Map.of("type", "Boolean", "value", false));
    assertRefused(completeReply(discussion, "recordStrategyDiscussion", "sarah", answers),
        "educationNotInvitedReason: is required when the child is aged 4 to 17 and education was not invited");
    Map<String, Object> attendedButNotInvited = section47("2026-12-14T14:00:00Z", Map.of("educationInvited", false,
        "educationNotInvitedReason", "Ticked by mistake: the head teacher was on the call"));
    variablesOf(attendedButNotInvited).remove("attendedPlacementProvider");
    assertRefused(completeReply(discussion, "recordStrategyDiscussion", "sarah", attendedButNotInvited),
        "educationInvited: must be true when education took part");

    variablesOf(answers).put("educationNotInvitedReason", Map.of("type", "String",
        "value", "Out-of-hours call at 2am; the school was told next morning"));
    complete(discussion, "recordStrategyDiscussion", "sarah", answers);
    assertThat(discussion).isWaitingAt("approveStrategyDecision");
    assertThat(variable(discussion, "educationInvited")).isEqualTo(false);
  }

  @Test
  void educationThatTookPartWasInvitedAndAToddlerNeedsNoInvitation() {
    ProcessInstance discussion = scheduled(start(childId, "2026-12-14T09:00:00Z"));
    complete(discussion, "recordStrategyDiscussion", "sarah", section47("2026-12-14T14:00:00Z", Map.of()));
    assertThat(variable(discussion, "educationInvited")).isEqualTo(true);

    // Born 1 June 2023: 3 at the discussion, not yet of school age.
    String toddler = api.post("/api/children", "sarah", Map.of("name", "Toddler", "dateOfBirth", "2023-06-01",
        "lookedAfter", false)).json().get("id").asText();
    ProcessInstance forToddler = scheduled(start(toddler, "2026-12-14T09:00:00Z"));
    assertThat(engine.getTaskService().getVariableLocal(task(forToddler, "recordStrategyDiscussion").getId(),
        StrategyDiscussionRules.SCHOOL_AGE)).isEqualTo(false);
    Map<String, Object> answers = section47("2026-12-14T14:00:00Z", Map.of());
    variablesOf(answers).remove("attendedPlacementProvider");
    variablesOf(answers).remove("attendedEducation");
    complete(forToddler, "recordStrategyDiscussion", "sarah", answers);
    assertThat(forToddler).isWaitingAt("approveStrategyDecision");
  }

  private static Map<String, Object> withoutAttendanceBooleans(Map<String, Object> answers) {
    variablesOf(answers).keySet().removeIf(name -> name.startsWith("attended"));
    return answers;
  }

  /** Participants as JSON, each "name|role|agency". */
  @Test
  void reconveningGoesBackToSchedulingAndAnOverrideWritesOneBreachWithTheReasons() {
    ProcessInstance discussion = scheduled(start(childId, "2026-12-14T09:00:00Z"));
    complete(discussion, "recordStrategyDiscussion", "sarah", section47("2026-12-14T14:00:00Z", Map.of("attendedHealth", false)));
    assertRefused(completeReply(discussion, "engageAbsentAgency", "tom",
        variables("agencyContact", "Named nurse called", "engagementOutcome", "OVERRIDE")),
        "overrideReason: is required when engagementOutcome is OVERRIDE");
    complete(discussion, "engageAbsentAgency", "tom", variables("agencyContact", "Named nurse called twice",
        "engagementOutcome", "RECONVENE"));
    assertThat(discussion).isWaitingAt("scheduleStrategyDiscussion");
    assertThat(breachesOf(discussion)).isEmpty();

    complete(discussion, "scheduleStrategyDiscussion", "tom", variables("discussionAt", "2026-12-14T15:00:00Z", "format", "MEETING"));
    complete(discussion, "recordStrategyDiscussion", "sarah", section47("2026-12-14T15:00:00Z", Map.of("attendedHealth", false)));
    complete(discussion, "engageAbsentAgency", "tom", variables("agencyContact", "Escalated to designated nurse",
        "engagementOutcome", "OVERRIDE", "overrideReason", "Child at immediate risk; health to be briefed today"));
    assertThat(discussion).isWaitingAt("approveStrategyDecision");
    assertThat(breachesOf(discussion)).singleElement().satisfies(breach -> {
      assertThat(breach.getCode()).isEqualTo(BreachCode.STRATEGY_AGENCY_ABSENT);
      assertThat(breach.getDueAt()).isEqualTo(Instant.parse("2026-12-14T15:00:00Z"));
      assertThat(breach.getDoneBy()).isEqualTo("tom");
      assertThat(breach.getReason()).contains("attendedHealth").contains("Child at immediate risk");
    });
    assertThat(discussions.findById(discussion.getId()).orElseThrow().isAgencyOverride()).isTrue();
  }

  @ParameterizedTest(name = "section 47 without {0} is refused")
  @CsvSource({"s47Type", "safetyPlan", "safetyPlanOwner", "safetyPlanReviewBy", "legalActionNeeded", "familyInformed"})
  void aSection47DecisionNeedsItsSafetyPlanAndNothingIsWrittenWithout(String field) {
    ProcessInstance discussion = scheduled(start(childId, "2026-12-14T09:00:00Z"));
    Map<String, Object> answers = section47("2026-12-14T14:00:00Z", Map.of());
    variablesOf(answers).remove(field);
    assertRefused(completeReply(discussion, "recordStrategyDiscussion", "sarah", answers),
        field + ": is required when decision is SECTION_47");
    assertThat(discussion).isWaitingAt("recordStrategyDiscussion");
    assertThat(variable(discussion, "decision")).isNull();
    assertThat(variable(discussion, "heldAt")).isNull();
  }

  @Test
  void familyNotInformedNeedsAReasonAndAReviewDateBeforeTheDiscussionIsRefused() {
    ProcessInstance discussion = scheduled(start(childId, "2026-12-14T09:00:00Z"));
    assertRefused(completeReply(discussion, "recordStrategyDiscussion", "sarah",
        section47("2026-12-14T14:00:00Z", Map.of("familyInformed", false))), "familyNotInformedReason: is required");
    assertRefused(completeReply(discussion, "recordStrategyDiscussion", "sarah",
        section47("2026-12-14T14:00:00Z", Map.of("safetyPlanReviewBy", "2026-12-01"))),
        "safetyPlanReviewBy: must not be before the discussion");
    assertRefused(completeReply(discussion, "recordStrategyDiscussion", "sarah",
        section47("2026-12-14T08:00:00Z", Map.of())), "heldAt: must not be before referralReceivedAt");
  }

  @Test
  void theRecorderCannotApproveTheirOwnDecisionAndARejectionGoesBack() {
    ProcessInstance discussion = scheduled(start(childId, "2026-12-14T09:00:00Z"));
    complete(discussion, "recordStrategyDiscussion", WorkflowFixture.DUAL_ROLE_USER, section47("2026-12-14T14:00:00Z", Map.of()));
    assertRefused(completeReply(discussion, "approveStrategyDecision", WorkflowFixture.DUAL_ROLE_USER,
        variables("decisionApproved", true, "managerRationale", "Fine")), "four eyes");
    complete(discussion, "approveStrategyDecision", "tom", variables("decisionApproved", false,
        "managerRationale", "Safety plan owner must be named"));
    assertThat(discussion).isWaitingAt("recordStrategyDiscussion");
    assertThat(variable(discussion, "managerRationale")).isEqualTo("Safety plan owner must be named");
  }

  @ParameterizedTest(name = "{0} ends at {1}")
  @CsvSource({"SECTION_17, endEvent_section17", "NO_FURTHER_ACTION, endEvent_noFurtherAction", "EARLY_HELP, endEvent_earlyHelp"})
  void decisionsOtherThanSection47EndTheDiscussion(String decision, String end) {
    ProcessInstance discussion = scheduled(start(childId, "2026-12-14T09:00:00Z"));
    Map<String, Object> answers = section47("2026-12-14T14:00:00Z", Map.of("decision", decision));
    for (String s47Field : List.of("s47Type", "safetyPlan", "safetyPlanOwner", "safetyPlanReviewBy", "legalActionNeeded", "familyInformed")) {
      variablesOf(answers).remove(s47Field);
    }
    complete(discussion, "recordStrategyDiscussion", "sarah", answers);
    complete(discussion, "approveStrategyDecision", "tom", variables("decisionApproved", true, "managerRationale", "Agreed"));
    assertThat(discussion).isEnded().hasPassed(end);
  }

  @Test
  void noFurtherActionAfterAnEnquiryNeedsFullReasonsAndAManagersSignOffBeforeTheCaseCloses() {
    ProcessInstance discussion = approvedSection47(start(childId, "2026-12-14T09:00:00Z"), "2026-12-14T14:00:00Z");
    assertRefused(completeReply(discussion, "recordS47Outcome", WorkflowFixture.DUAL_ROLE_USER,
        variables("s47Outcome", "NO_FURTHER_ACTION")), "nfaReasons: is required when s47Outcome is NO_FURTHER_ACTION");
    assertRefused(completeReply(discussion, "recordS47Outcome", WorkflowFixture.DUAL_ROLE_USER,
        variables("s47Outcome", "NO_FURTHER_ACTION", "nfaReasons", "Concerns not substantiated")),
        "nfaReasons: must give the reasons in at least 50 characters");
    assertThat(variable(discussion, "nfaReasons")).as("refused, so nothing written").isNull();
    assertThat(discussion).isWaitingAt("recordS47Outcome");
    String reasons = "Concerns not substantiated: injuries explained by the GP, school reports no worries.";
    complete(discussion, "recordS47Outcome", WorkflowFixture.DUAL_ROLE_USER,
        variables("s47Outcome", "NO_FURTHER_ACTION", "nfaReasons", reasons));
    assertThat(discussion).isWaitingAt("approveS47Closure").hasPassed("endEvent_icpcNotRequired");

    // Four eyes: who recorded the outcome cannot sign off the closure.
    assertRefused(completeReply(discussion, "approveS47Closure", WorkflowFixture.DUAL_ROLE_USER,
        variables("closureApproved", true, "managerRationale", "Agreed")), "four eyes");
    complete(discussion, "approveS47Closure", "tom",
        variables("closureApproved", false, "managerRationale", "Check with health first"));
    assertThat(discussion).isWaitingAt("recordS47Outcome");
    complete(discussion, "recordS47Outcome", "sarah", variables("s47Outcome", "NO_FURTHER_ACTION", "nfaReasons",
        reasons + " Health visitor confirms no concerns."));
    complete(discussion, "approveS47Closure", "tom", variables("closureApproved", true, "managerRationale", "Agreed"));
    assertThat(discussion).isEnded().hasPassed("endEvent_closedNoFurtherAction").hasNotPassed("endEvent_enquiryConcluded");
    assertThat(breachesOf(discussion)).isEmpty();
  }

  @Test
  void noConferenceNeedsItsReasonAndLateDecisionsNeedALateReason() {
    ProcessInstance discussion = approvedSection47(start(childId, "2026-12-14T09:00:00Z"), "2026-12-14T14:00:00Z");
    clockAt(Instant.parse("2027-01-08T09:00:00Z"));
    assertRefused(completeReply(discussion, "recordS47Outcome", "sarah", variables("s47Outcome", "ICPC_NOT_REQUIRED")),
        "icpcNotRequiredReason: is required when s47Outcome is ICPC_NOT_REQUIRED");
    assertRefused(completeReply(discussion, "recordS47Outcome", "sarah",
        variables("s47Outcome", "ICPC_NOT_REQUIRED", "icpcNotRequiredReason", "Concerns not substantiated")),
        "lateReason: is required because this step was due by 2027-01-07T23:59:00Z");
    complete(discussion, "recordS47Outcome", "sarah", variables("s47Outcome", "ICPC_NOT_REQUIRED",
        "icpcNotRequiredReason", "Concerns not substantiated", "lateReason", "Police interview delayed"));
    assertThat(discussion).isEnded().hasPassed("endEvent_icpcNotRequired");
    assertThat(breachesOf(discussion)).singleElement().satisfies(breach -> {
      assertThat(breach.getCode()).isEqualTo(BreachCode.ICPC_NOT_WITHIN_15WD);
      assertThat(breach.getReason()).isEqualTo("Police interview delayed");
    });
    assertThat(discussions.findById(discussion.getId()).orElseThrow().getIcpcNotRequiredReason())
        .isEqualTo("Concerns not substantiated");
  }

  @Test
  void atTheDeadlineOneBreachAndAManagerTaskAndTheLateConferenceNeedsAReason() {
    ProcessInstance discussion = approvedSection47(start(childId, "2026-12-14T09:00:00Z"), "2026-12-14T14:00:00Z");
    complete(discussion, "recordS47Outcome", "sarah", variables("s47Outcome", "ICPC_REQUIRED"));
    clockAt(Instant.parse("2027-01-08T00:00:00Z"));
    String timer = engine.getManagementService().createJobQuery().processInstanceId(discussion.getId()).timers()
        .activityId("startEvent_icpcDeadlinePassed").singleResult().getId();
    engine.getManagementService().executeJob(timer);
    assertThat(breachesOf(discussion)).singleElement().satisfies(breach -> assertThat(breach.getDoneAt()).isNull());
    complete(discussion, "escalateOverdueIcpc", "tom", variables("managerAction", "Conference booked for 11 January"));

    clockAt(Instant.parse("2027-01-11T17:00:00Z"));
    assertRefused(completeReply(discussion, "recordIcpc", "sarah", variables("icpcHeldOn", "2027-01-11", "childProtectionPlan", true, "initialCategoryOfAbuse", "NEGLECT")),
        "lateReason: is required");
    complete(discussion, "recordIcpc", "sarah", variables("icpcHeldOn", "2027-01-11", "childProtectionPlan", true, "initialCategoryOfAbuse", "NEGLECT",
        "lateReason", "Chair unavailable over Christmas"));
    assertThat(breachesOf(discussion)).singleElement().satisfies(breach -> {
      assertThat(breach.getTaskKey()).isEqualTo("recordIcpc");
      assertThat(breach.getDoneAt()).isEqualTo(Instant.parse("2027-01-11T00:00:00Z"));
      assertThat(breach.getReason()).isEqualTo("Chair unavailable over Christmas");
    });
    assertThat(discussion).isEnded().hasPassed("endEvent_icpcEscalated", "endEvent_planStarted");
  }

  @Test
  void theRecorderCannotOverrideTheAbsentAgencyThemselves() {
    ProcessInstance discussion = scheduled(start(childId, "2026-12-14T09:00:00Z"));
    complete(discussion, "recordStrategyDiscussion", WorkflowFixture.DUAL_ROLE_USER,
        section47("2026-12-14T14:00:00Z", Map.of("attendedPolice", false)));
    assertRefused(completeReply(discussion, "engageAbsentAgency", WorkflowFixture.DUAL_ROLE_USER, variables(
        "agencyContact", "Police called", "engagementOutcome", "OVERRIDE", "overrideReason", "Urgent")), "four eyes");
    assertThat(breachesOf(discussion)).isEmpty();
  }

  @Test
  void aLinkToAMissingEpisodeMustNameAnEpisodeOfTheSameChild() {
    assertRefused(api.post("/engine-rest/process-definition/key/strategyDiscussion/start", "tom",
        variables("childId", childId, "referralReceivedAt", "2026-12-14T09:00:00Z", "concern", "x",
            "missingEpisodeId", "not-an-episode")), "missingEpisodeId: must name a missing episode of the same child");
  }

  @Test
  void startIsRefusedWithoutAConcernOrWithAFutureReferral() {
    long before = discussions.count();
    assertRefused(api.post("/engine-rest/process-definition/key/strategyDiscussion/start", "sarah",
        variables("childId", childId, "referralReceivedAt", "2026-12-14T09:00:00Z")), "concern: is required");
    assertRefused(api.post("/engine-rest/process-definition/key/strategyDiscussion/start", "tom",
        variables("childId", childId, "referralReceivedAt", "2026-12-15T09:00:00Z", "concern", "x")),
        "referralReceivedAt: must not be in the future");
    assertThat(discussions.count()).isEqualTo(before);
  }

  // --- steps ---

  private ProcessInstance start(String child, String referralReceivedAt) {
    return startProcess("strategyDiscussion", "tom", variables("childId", child, "referralReceivedAt", referralReceivedAt,
        "concern", "Bruising reported by school", "urgent", true));
  }

  private ProcessInstance scheduled(ProcessInstance discussion) {
    complete(discussion, "scheduleStrategyDiscussion", "tom", variables("discussionAt", "2026-12-14T14:00:00Z", "format", "MEETING"));
    return discussion;
  }

  private ProcessInstance approvedSection47(ProcessInstance discussion, String heldAt) {
    complete(discussion, "scheduleStrategyDiscussion", "tom", variables("discussionAt", heldAt, "format", "MEETING"));
    String reviewBy = Instant.parse(heldAt).atZone(java.time.ZoneId.of("Europe/London")).toLocalDate().plusDays(7).toString();
    complete(discussion, "recordStrategyDiscussion", "sarah", section47(heldAt, Map.of("safetyPlanReviewBy", reviewBy)));
    complete(discussion, "approveStrategyDecision", "tom", variables("decisionApproved", true, "managerRationale", "Agreed"));
    return discussion;
  }

  /** A section 47 decision with every agency present and a full safety plan, with some answers changed. */
  private static Map<String, Object> section47(String heldAt, Map<String, Object> changes) {
    Map<String, Object> answers = new HashMap<>(Map.ofEntries(
        Map.entry("heldAt", heldAt), Map.entry("attendedSocialWorker", true), Map.entry("attendedManager", true),
        Map.entry("attendedPolice", true), Map.entry("attendedHealth", true), Map.entry("attendedPlacementProvider", true),
        Map.entry("attendedEducation", true), Map.entry("informationShared", "School, GP and police records shared"),
        Map.entry("decision", "SECTION_47"), Map.entry("s47Type", "JOINT"), Map.entry("safetyPlan", "Child to stay with aunt"),
        Map.entry("safetyPlanOwner", "Sarah (social worker)"), Map.entry("safetyPlanReviewBy", "2026-12-21"),
        Map.entry("legalActionNeeded", false), Map.entry("familyInformed", true)));
    answers.putAll(changes);
    Object[] flat = new Object[answers.size() * 2];
    int i = 0;
    for (Map.Entry<String, Object> answer : answers.entrySet()) {
      flat[i++] = answer.getKey();
      flat[i++] = answer.getValue();
    }
    return new HashMap<>(variables(flat));
  }

  private List<Breach> breachesOf(ProcessInstance discussion) {
    return breaches.findByProcessInstanceIdOrderByDueAt(discussion.getId());
  }
}
