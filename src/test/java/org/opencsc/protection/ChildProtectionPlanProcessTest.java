package org.opencsc.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencsc.Variables.participants;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.Api;
import org.opencsc.ApplicationTest;
import org.opencsc.engine.Breach;
import org.opencsc.engine.BreachRepository;
import org.opencsc.rules.BreachCode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The child protection plan through the engine and its REST API: started by the conference in a
 * strategy discussion, the first core group within 10 working days, visits every 10 working days
 * from the last, reviews within 3 months then every 6 with a second manager's sign-off, and the
 * plan ended only by a review, a transfer out or the child turning 18. Deadlines are checked
 * across the August bank holiday and Christmas.
 */
class ChildProtectionPlanProcessTest extends ApplicationTest {

  static final String EVERYONE = "Sarah Jones|Social worker|SOCIAL_CARE";
  static final String POLICE = "DS Khan|Detective Sergeant|POLICE";
  static final String HEALTH = "Dr Lee|Named doctor|HEALTH";

  @Autowired
  private BreachRepository breaches;
  @Autowired
  private ChildProtectionPlanRepository plans;

  private String childId;

  @BeforeEach
  void child() {
    clockAt(Instant.parse("2025-08-21T15:00:00Z"));
    childId = registerChild("Kit Protected");
  }

  @AfterEach
  void deleteOpenPlans() {
    List<String> open = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ChildProtectionPlanRules.PROCESS_KEY).variableValueEquals("childId", childId).list()
        .stream().map(ProcessInstance::getId).toList();
    if (!open.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstances(open, "test cases", true, true);
    }
    deleteTheOpenCasesThisTestStarted();
  }

  @Test
  void theConferenceStartsThePlanAndItsClocksRunAcrossTheAugustBankHoliday() {
    ProcessInstance discussion = sectionFortySevenEnquiry(childId, "2025-08-04T10:00:00Z");
    clockAt(Instant.parse("2025-08-21T15:00:00Z"));
    complete(discussion, "recordS47Outcome", "sam", variables("s47Outcome", "ICPC_REQUIRED"));
    assertRefused(completeReply(discussion, "recordIcpc", "sam",
        variables("icpcHeldOn", "2025-08-21", "childProtectionPlan", true)),
        "initialCategoryOfAbuse: is required when childProtectionPlan is true");
    complete(discussion, "recordIcpc", "sam",
        variables("icpcHeldOn", "2025-08-21", "childProtectionPlan", true, "initialCategoryOfAbuse", "NEGLECT"));
    assertThat(discussion).isEnded().hasPassed("throwEvent_startPlan", "endEvent_planStarted");

    ProcessInstance plan = planOf(childId);
    assertThat(variable(discussion.getId(), "childProtectionPlanId")).isEqualTo(plan.getId());
    assertThat(variable(plan, "strategyDiscussionId")).isEqualTo(discussion.getId());
    assertThat(plan).isWaitingAt("holdCoreGroup", "recordCppVisit", "recordReviewConference");
    // Thursday 21 August: 22, 26-29 August (25 August is the bank holiday), 1-5 September.
    assertThat(variable(plan, "coreGroupDueAt")).isEqualTo("2025-09-05T23:59:00+01:00");
    assertThat(variable(plan, "nextCppVisitDueAt")).isEqualTo("2025-09-05T23:59:00+01:00");
    assertThat(variable(plan, "reviewDueAt")).isEqualTo("2025-11-21T23:59:00Z");
    assertThat(variable(plan, "cppStartDate")).isEqualTo("2025-08-21");
    ChildProtectionPlan record = plans.findById(plan.getId()).orElseThrow();
    assertThat(record.getInitialCategory()).isEqualTo("NEGLECT");
    assertThat(record.getLatestCategory()).isEqualTo("NEGLECT");
    assertThat(record.getStrategyDiscussionId()).isEqualTo(discussion.getId());
  }

  @Test
  void aLateFirstCoreGroupIsABreachAndNeedsItsReason() {
    ProcessInstance plan = transferredIn("2025-08-21", null, "PHYSICAL");
    assertRefused(completeReply(plan, "holdCoreGroup", "sarah", variables("coreGroupHeldOn", "2025-08-22",
        "planOutcomes", "Safe sleep; school attendance")), "attendees: is required");
    clockAt(Instant.parse("2025-09-05T22:59:00Z"));
    assertThat(timer(plan, "boundaryEvent_coreGroupLate").getDuedate())
        .isEqualTo(java.util.Date.from(Instant.parse("2025-09-05T22:59:00Z")));
    engine.getManagementService().executeJob(timer(plan, "boundaryEvent_coreGroupLate").getId());
    assertThat(breachCodes(plan)).containsExactly(BreachCode.CORE_GROUP_NOT_WITHIN_10WD);

    clockAt(Instant.parse("2025-09-09T10:00:00Z"));
    Map<String, Object> coreGroup = variables("coreGroupHeldOn", "2025-09-08", "planOutcomes", "Safe sleep; school attendance");
    variablesOf(coreGroup).put("attendees", participants(EVERYONE, HEALTH));
    assertRefused(completeReply(plan, "holdCoreGroup", "sarah", coreGroup), "lateReason");
    variablesOf(coreGroup).put("lateReason", Map.of("value", "Health visitor on leave", "type", "String"));
    complete(plan, "holdCoreGroup", "sarah", coreGroup);
    assertThat(breachCodes(plan)).containsExactly(BreachCode.CORE_GROUP_NOT_WITHIN_10WD);
    assertThat(plans.findById(plan.getId()).orElseThrow().getCoreGroupHeldOn()).isEqualTo(LocalDate.parse("2025-09-08"));
  }

  @Test
  void eachVisitSetsTheNextTenWorkingDaysOnAcrossChristmasAndAMissedOneIsABreach() {
    clockAt(Instant.parse("2025-12-12T10:00:00Z"));
    ProcessInstance plan = transferredIn("2025-12-12", null, "EMOTIONAL");
    // Friday 12 December: the first visit by the end of Tuesday 30 December.
    assertThat(variable(plan, "nextCppVisitDueAt")).isEqualTo("2025-12-30T23:59:00Z");
    clockAt(Instant.parse("2025-12-22T16:00:00Z"));
    assertRefused(completeReply(plan, "recordCppVisit", "sarah", variables("visitedAt", "2025-12-22T11:00:00Z",
        "seenAlone", false)), "notSeenAloneReason: is required when seenAlone is false");
    assertRefused(completeReply(plan, "recordCppVisit", "sarah", variables("visitedAt", "2025-12-11T11:00:00Z",
        "seenAlone", true)), "visitedAt: must not be before the conference");
    complete(plan, "recordCppVisit", "sarah", variables("visitedAt", "2025-12-22T11:00:00Z", "seenAlone", false,
        "notSeenAloneReason", "Child asleep; seen with mother, to be seen alone at school"));
    // Monday 22 December: 23, 24, 29, 30, 31 December, 2, 5, 6, 7, 8 January.
    assertThat(variable(plan, "nextCppVisitDueAt")).isEqualTo("2026-01-08T23:59:00Z");
    assertThat(task(plan, "recordCppVisit").getDueDate()).isEqualTo(java.util.Date.from(Instant.parse("2026-01-08T23:59:00Z")));
    ChildProtectionPlan record = plans.findById(plan.getId()).orElseThrow();
    assertThat(record.getLastSeenAlone()).isFalse();

    clockAt(Instant.parse("2026-01-09T00:00:00Z"));
    engine.getManagementService().executeJob(timer(plan, "boundaryEvent_visitOverdue").getId());
    assertThat(breachCodes(plan)).containsExactly(BreachCode.CPP_VISIT_OVERDUE);
    assertRefused(completeReply(plan, "recordCppVisit", "sarah", variables("visitedAt", "2025-12-21T11:00:00Z",
        "seenAlone", true, "lateReason", "Snow")), "visitedAt: must not be before the conference (icpcHeldOn) or the last visit");
  }

  @Test
  void reviewsNeedTheAgenciesOrAReasonAndASecondManagerAndCome6MonthsApart() {
    ProcessInstance plan = transferredIn("2025-08-21", null, "NEGLECT");
    clockAt(Instant.parse("2025-11-20T16:00:00Z"));
    Map<String, Object> review = review("2025-11-20", "CHANGE_CATEGORY", POLICE, HEALTH);
    assertRefused(completeReply(plan, "recordReviewConference", "tom", review),
        "latestCategoryOfAbuse: is required when reviewDecision is CHANGE_CATEGORY");
    variablesOf(review).put("latestCategoryOfAbuse", Map.of("value", "EMOTIONAL", "type", "String"));
    assertRefused(completeReply(plan, "recordReviewConference", "tom", review),
        "agencyAbsenceReason: is required when police, health or social care did not attend");
    variablesOf(review).put("attendees", participants(EVERYONE, POLICE, HEALTH));
    complete(plan, "recordReviewConference", "tom", review);

    assertRefused(completeReply(plan, "approvePlanOutcomes", "tom",
        variables("outcomesApproved", true, "managerRationale", "Fine")), "four eyes");
    complete(plan, "approvePlanOutcomes", "tina", variables("outcomesApproved", false,
        "managerRationale", "Outcomes need measurable targets"));
    assertThat(plan).isWaitingAt("recordReviewConference", "holdCoreGroup", "recordCppVisit");
    complete(plan, "recordReviewConference", "tom", review);
    complete(plan, "approvePlanOutcomes", "tina", variables("outcomesApproved", true, "managerRationale", "Clear plan"));
    // Reviewed on Thursday 20 November: the next by the end of 20 May 2026.
    assertThat(variable(plan, "reviewDueAt")).isEqualTo("2026-05-20T23:59:00+01:00");
    assertThat(plans.findById(plan.getId()).orElseThrow().getLatestCategory()).isEqualTo("EMOTIONAL");
    assertThat(breachCodes(plan)).doesNotContain(BreachCode.RCPC_LATE);

    // A social-care absence without a reason is refused; with the manager's recorded reason it stands.
    clockAt(Instant.parse("2026-05-21T00:00:00Z"));
    engine.getManagementService().executeJob(timer(plan, "boundaryEvent_reviewLate").getId());
    assertThat(breachCodes(plan)).contains(BreachCode.RCPC_LATE);
    Map<String, Object> second = review("2026-05-27", "END_PLAN", POLICE, HEALTH);
    variablesOf(second).put("lateReason", Map.of("value", "Chair ill", "type", "String"));
    clockAt(Instant.parse("2026-05-27T15:00:00Z"));
    assertRefused(completeReply(plan, "recordReviewConference", "tom", second), "cppEndReason: is required when reviewDecision is END_PLAN");
    variablesOf(second).put("cppEndReason", Map.of("value", "Risks reduced; child in need plan", "type", "String"));
    variablesOf(second).put("agencyAbsenceReason", Map.of("value", "Social worker's report read in", "type", "String"));
    complete(plan, "recordReviewConference", "tom", second);
    complete(plan, "approvePlanOutcomes", "tina", variables("outcomesApproved", true, "managerRationale", "Agreed"));
    assertThat(plan).isEnded().hasPassed("endEvent_planEndedByReview", "endEvent_planEnded");
    ChildProtectionPlan record = plans.findById(plan.getId()).orElseThrow();
    assertThat(record.getCppEndDate()).isEqualTo(LocalDate.parse("2026-05-27"));
    assertThat(record.getCppEndReason()).isEqualTo("Risks reduced; child in need plan");
    assertThat(record.getLastReviewOn()).isEqualTo(LocalDate.parse("2026-05-27"));
  }

  @Test
  void onePlanAtATimeAndATransferInKeepsItsStart() {
    Api.Reply future = api.post("/engine-rest/process-definition/key/childProtectionPlan/start", "tom",
        variables("childId", childId, "icpcHeldOn", "2025-08-22", "initialCategoryOfAbuse", "NEGLECT"));
    assertRefused(future, "icpcHeldOn: must not be in the future");
    Api.Reply after = api.post("/engine-rest/process-definition/key/childProtectionPlan/start", "tom",
        variables("childId", childId, "icpcHeldOn", "2025-08-20", "cppStartDate", "2025-08-21",
            "initialCategoryOfAbuse", "NEGLECT"));
    assertRefused(after, "cppStartDate: must not be after icpcHeldOn");
    ProcessInstance plan = transferredIn("2025-08-20", "2025-03-03", "SEXUAL");
    assertThat(plans.findById(plan.getId()).orElseThrow().getCppStartDate()).isEqualTo(LocalDate.parse("2025-03-03"));
    assertThat(variable(plan, "longPlanReviewAt")).isEqualTo("2027-03-03T00:00:00Z");
    Api.Reply second = api.post("/engine-rest/process-definition/key/childProtectionPlan/start", "tom",
        variables("childId", childId, "icpcHeldOn", "2025-08-21", "initialCategoryOfAbuse", "NEGLECT"));
    assertRefused(second, "childId: already has a child protection plan in force");
  }

  @Test
  void twoYearsOfPlanGoToAServiceManagerAndATransferOutEndsIt() {
    ProcessInstance plan = transferredIn("2025-08-20", "2025-03-03", "MULTIPLE");
    clockAt(Instant.parse("2027-03-03T09:00:00Z"));
    engine.getManagementService().executeJob(timer(plan, "boundaryEvent_planOverTwoYears").getId());
    assertThat(plan).isWaitingAt("reviewPlanOverTwoYears");
    complete(plan, "reviewPlanOverTwoYears", "sean", variables("serviceManagerAction", "Legal planning meeting booked"));

    Api.Reply early = transferOut(plan, "2025-03-02");
    assertRefused(early, "transferredOutOn: must not be before the plan started (cppStartDate)");
    assertThat(transferOut(plan, "2027-03-01").status()).isEqualTo(204);
    assertThat(plan).isEnded().hasPassed("endEvent_transferredOut");
    ChildProtectionPlan record = plans.findById(plan.getId()).orElseThrow();
    assertThat(record.getCppEndDate()).isEqualTo(LocalDate.parse("2027-03-01"));
    assertThat(record.getCppEndReason()).isEqualTo("Transferred out to Leeds City Council");
  }

  @Test
  void thePlanEndsWhenTheChildTurnsEighteen() {
    ProcessInstance plan = transferredIn("2025-08-21", null, "NEGLECT");
    // Born 1 April 2012: 18 on 1 April 2030, midnight UK time (BST).
    assertThat(timer(plan, "boundaryEvent_turnedEighteen").getDuedate())
        .isEqualTo(java.util.Date.from(Instant.parse("2030-03-31T23:00:00Z")));
    clockAt(Instant.parse("2030-04-01T08:00:00Z"));
    engine.getManagementService().executeJob(timer(plan, "boundaryEvent_turnedEighteen").getId());
    assertThat(plan).isEnded().hasPassed("endEvent_turnedEighteen");
    assertThat(plans.findById(plan.getId()).orElseThrow().getCppEndDate()).isEqualTo(LocalDate.parse("2030-04-01"));
  }

  // --- helpers ---

  /** A plan recorded in Tasklist by a manager (transferred in, or started by hand), as of the clock. */
  private ProcessInstance transferredIn(String icpcHeldOn, String cppStartDate, String category) {
    Map<String, Object> start = cppStartDate == null
        ? variables("childId", childId, "icpcHeldOn", icpcHeldOn, "initialCategoryOfAbuse", category)
        : variables("childId", childId, "icpcHeldOn", icpcHeldOn, "cppStartDate", cppStartDate,
            "initialCategoryOfAbuse", category);
    return startProcess("childProtectionPlan", "tom", start);
  }

  private Map<String, Object> review(String heldOn, String decision, String... attendees) {
    Map<String, Object> review = variables("reviewHeldOn", heldOn, "reviewDecision", decision);
    variablesOf(review).put("attendees", participants(attendees));
    return review;
  }

  private Api.Reply transferOut(ProcessInstance plan, String on) {
    Map<String, Object> processVariables = new HashMap<>();
    processVariables.put("transferredOutOn", Map.of("value", on, "type", "String"));
    processVariables.put("receivingAuthority", Map.of("value", "Leeds City Council", "type", "String"));
    return api.post("/engine-rest/message", "sarah", Map.of("messageName", "ChildProtectionPlanTransferredOut",
        "processInstanceId", plan.getId(), "processVariables", processVariables));
  }

  private ProcessInstance planOf(String child) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ChildProtectionPlanRules.PROCESS_KEY)
        .variableValueEquals("childId", child).singleResult();
  }

  private Object variable(String processInstanceId, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(name).singleResult().getValue();
  }

  private List<BreachCode> breachCodes(ProcessInstance plan) {
    return breaches.findByProcessInstanceIdOrderByDueAt(plan.getId()).stream().map(Breach::getCode).toList();
  }
}
