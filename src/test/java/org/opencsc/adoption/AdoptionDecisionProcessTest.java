package org.opencsc.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencsc.Api;
import org.opencsc.ApplicationTest;
import org.opencsc.WorkflowFixture;
import org.opencsc.engine.Breach;
import org.opencsc.engine.BreachRepository;
import org.opencsc.rules.BreachCode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The adoption decision through the engine REST API: a complete report, every paper read, the
 * decision maker's own reasons, no panel member deciding, and the 7/2/5 working days.
 */
class AdoptionDecisionProcessTest extends ApplicationTest {

  static final String OWN_REASONS = "Having read every paper, I am satisfied adoption meets Ayo's lifelong needs.";

  @Autowired
  private BreachRepository breaches;
  @Autowired
  private AdoptionDecisionRepository decisions;

  private String childId;

  @BeforeEach
  void child() {
    clockAt(Instant.parse("2027-05-20T10:00:00Z"));
    childId = registerChild("Ayo");
  }

  @Test
  void panelRouteDecidedAndNotifiedInTimeAcrossTheSpringBankHoliday() {
    ProcessInstance decision = approvedReport(start("SHOULD_BE_PLACED", "PANEL"));
    clockAt(Instant.parse("2027-05-27T16:00:00Z"));
    complete(decision, "recordPanelRecommendation", "pam", panel("2027-05-26", true, "pete,ada2", "2027-05-27T15:00:00Z"));
    // Thursday 27 May: 28 May, then 1-4 and 7-8 June (31 May is the spring bank holiday).
    assertThat(variable(decision, "admDecisionDueAt")).isEqualTo("2027-06-08T23:59:00+01:00");
    assertThat(task(decision, "makeAgencyDecision").getDueDate()).isEqualTo(Date.from(Instant.parse("2027-06-08T22:59:00Z")));

    clockAt(Instant.parse("2027-06-04T09:00:00Z"));
    complete(decision, "makeAgencyDecision", "ada", agencyDecision(true, Map.of()));
    // Friday 4 June: oral by Tuesday 8 June, written by Friday 11 June.
    assertThat(variable(decision, "oralNoticeDueAt")).isEqualTo("2027-06-08T23:59:00+01:00");
    assertThat(variable(decision, "writtenNoticeDueAt")).isEqualTo("2027-06-11T23:59:00+01:00");
    clockAt(Instant.parse("2027-06-07T12:00:00Z"));
    complete(decision, "notifyDecisionOrally", "sarah",
        variables("notifiedOrallyAt", "2027-06-07T11:00:00Z", "personsNotified", "Birth mother; foster carers"));
    complete(decision, "notifyDecisionInWriting", "sarah", variables("writtenNoticeSentAt", "2027-06-07T11:30:00Z"));
    assertThat(decision).as("the child's adoption plan is under way").isWaitingAt(PLAN_MILESTONES);
    assertThat(breachesOf(decision)).isEmpty();

    AdoptionDecision record = decisions.findById(decision.getId()).orElseThrow();
    assertThat(record.getAdmDecidedBy()).isEqualTo("ada");
    assertThat(record.getAdmDecidedAt()).isEqualTo(Instant.parse("2027-06-04T09:00:00Z"));
    assertThat(record.getPanelRecommendsApproval()).isTrue();
    assertThat(record.getDepartsFromPanel()).isFalse();
    assertThat(record.getOralNoticeAt()).isEqualTo(Instant.parse("2027-06-07T11:00:00Z"));
    assertThat(record.getWrittenNoticeAt()).isEqualTo(Instant.parse("2027-06-07T11:30:00Z"));
  }

  /**
   * Annex A List 10: after the decision to place, the case keeps the plan's milestones as the court
   * and the agency reach them, each once, each refused with a date before the step it follows or
   * still to come; the adoption order ends the plan.
   */
  @Test
  void theAdoptionPlanKeepsEachMilestoneOnceUntilTheAdoptionOrder() {
    ProcessInstance decision = decidedToPlace();
    clockAt(Instant.parse("2027-09-20T10:00:00Z"));
    assertRefused(milestone(decision, "PlacementOrderMade", "placementOrderOn", "2027-05-19"),
        "placementOrderOn: must not be before the decision (decidedAt) or in the future");
    assertRefused(milestone(decision, "PlacementOrderMade", "placementOrderOn", "2027-09-21"),
        "placementOrderOn: must not be before the decision (decidedAt) or in the future");
    assertRefused(milestone(decision, "PlacementOrderMade", "placementOrderOn", "10/07/2027"), "placementOrderOn");
    assertThat(variable(decision, "placementOrderOn")).as("refused, so nothing written").isNull();
    assertThat(milestone(decision, "PlacementOrderMade", "placementOrderOn", "2027-07-12").status()).isEqualTo(204);
    assertThat(milestone(decision, "PlacementOrderMade", "placementOrderOn", "2027-07-13").status())
        .as("recorded once: nothing waits for a second placement order").isEqualTo(400);
    assertThat(milestone(decision, "ChildPlacedForAdoption", "placedForAdoptionOn", "2027-09-01").status()).isEqualTo(204);
    assertThat(decision).isWaitingAt("catchEvent_adoptionOrderMade");

    clockAt(Instant.parse("2028-03-20T10:00:00Z"));
    assertRefused(milestone(decision, "AdoptionOrderMade", "adoptionOrderOn", "2027-08-31"),
        "adoptionOrderOn: must not be before the placement (placedForAdoptionOn) or in the future");
    assertThat(milestone(decision, "AdoptionOrderMade", "adoptionOrderOn", "2028-03-14").status()).isEqualTo(204);
    assertThat(decision).isEnded().hasPassed("endEvent_childAdopted");

    AdoptionDecision record = decisions.findById(decision.getId()).orElseThrow();
    assertThat(record.getPlacementOrderOn()).isEqualTo("2027-07-12");
    assertThat(record.getPlacedForAdoptionOn()).isEqualTo("2027-09-01");
    assertThat(record.getAdoptionOrderOn()).isEqualTo("2028-03-14");
    assertThat(record.getNoLongerToBePlacedOn()).isNull();
  }

  @Test
  void aDecisionNoLongerToPlaceEndsThePlanWithItsReason() {
    ProcessInstance decision = decidedToPlace();
    clockAt(Instant.parse("2027-11-20T10:00:00Z"));
    assertRefused(noLongerToBePlaced(decision, "2027-11-19", "RD9"), "noLongerToBePlacedReason: must be one of RD1, RD2, RD3, RD4");
    assertRefused(noLongerToBePlaced(decision, "2027-11-21", "RD2"), "noLongerToBePlacedOn: must not be before");
    assertThat(decision).isWaitingAt(PLAN_MILESTONES);
    assertThat(noLongerToBePlaced(decision, "2027-11-19", "RD2").status()).isEqualTo(204);
    assertThat(decision).isEnded().hasPassed("endEvent_planChanged").hasNotPassed("endEvent_childAdopted");
    AdoptionDecision record = decisions.findById(decision.getId()).orElseThrow();
    assertThat(record.getNoLongerToBePlacedOn()).isEqualTo("2027-11-19");
    assertThat(record.getNoLongerToBePlacedReason()).isEqualTo("RD2");
    assertThat(milestone(decision, "AdoptionOrderMade", "adoptionOrderOn", "2027-11-20").status())
        .as("the plan has ended").isEqualTo(400);
  }

  @Test
  void aDecisionNotToPlaceEndsWithItsNotices() {
    ProcessInstance decision = decidedAndTold(false);
    assertThat(decision).isEnded().hasPassed("endEvent_decisionNotified").hasNotPassed("subProcess_adoptionPlan");
  }

  @ParameterizedTest(name = "a report without {0} is refused")
  @ValueSource(strings = {"cprChildAndFamily", "siblingCount", "cprHealthSummary", "cprWishesAndFeelings", "cprContact",
      "cprChronology", "cprOptionsAnalysis"})
  void everySectionOfTheReportIsRequired(String section) {
    ProcessInstance decision = start("SHOULD_BE_PLACED", "PANEL");
    Map<String, Object> report = report(0);
    variablesOf(report).remove(section);
    assertRefused(completeReply(decision, "prepareChildPermanenceReport", "sarah", report), section + ": is required");
    assertThat(decision).isWaitingAt("prepareChildPermanenceReport");
    assertThat(variable(decision, "cprChildAndFamily")).isNull();
  }

  @Test
  void siblingsAreRequiredWhenTheChildHasAnyAndNotOtherwise() {
    ProcessInstance decision = start("SHOULD_BE_PLACED", "PANEL");
    assertRefused(completeReply(decision, "prepareChildPermanenceReport", "sarah", report(2)),
        "cprSiblings: is required when siblingCount is more than 0");
    Map<String, Object> withSiblings = report(2);
    variablesOf(withSiblings).put("cprSiblings", Map.of("value", "Two half-brothers placed together; contact valued", "type", "String"));
    complete(decision, "prepareChildPermanenceReport", "sarah", withSiblings);
    assertThat(decision).isWaitingAt("qualityAssureCpr");

    ProcessInstance noSiblings = start("SHOULD_BE_PLACED", "PANEL");
    complete(noSiblings, "prepareChildPermanenceReport", "sarah", report(0));
    assertThat(noSiblings).isWaitingAt("qualityAssureCpr");
  }

  @Test
  void theManagerSendsAReportBackAndCannotApproveTheirOwn() {
    ProcessInstance decision = start("SHOULD_BE_PLACED", "PANEL");
    complete(decision, "prepareChildPermanenceReport", WorkflowFixture.DUAL_ROLE_USER, report(0));
    assertRefused(completeReply(decision, "qualityAssureCpr", WorkflowFixture.DUAL_ROLE_USER,
        variables("cprApproved", true, "managerRationale", "Fine")), "four eyes");
    complete(decision, "qualityAssureCpr", "tom", variables("cprApproved", false, "managerRationale", "Medical summary missing the paediatric report"));
    assertThat(decision).isWaitingAt("prepareChildPermanenceReport");
    assertThat(variable(decision, "managerRationale")).isEqualTo("Medical summary missing the paediatric report");
  }

  @ParameterizedTest(name = "unread {0} is refused")
  @ValueSource(strings = {"readCpr", "readHealthSummary", "readLegalAdvice", "readPanelMinutes", "readPanelRecommendation"})
  void theDecisionMakerMustConfirmEveryPaperRead(String paper) {
    ProcessInstance decision = atDecision();
    assertRefused(completeReply(decision, "makeAgencyDecision", "ada", agencyDecision(true, Map.of(paper, false))),
        paper + ": must be true");
    Map<String, Object> missing = agencyDecision(true, Map.of());
    variablesOf(missing).remove(paper);
    assertRefused(completeReply(decision, "makeAgencyDecision", "ada", missing), paper + ": is required");
    assertThat(decision).isWaitingAt("makeAgencyDecision");
  }

  @Test
  void aPanelMemberCannotMakeTheDecisionAndReasonsMustBeTheirOwn() {
    ProcessInstance decision = approvedReport(start("SHOULD_BE_PLACED", "PANEL"));
    complete(decision, "recordPanelRecommendation", "pam", panel("2027-05-19", true, "pete, ada", "2027-05-20T09:00:00Z"));
    assertRefused(completeReply(decision, "makeAgencyDecision", "ada", agencyDecision(true, Map.of())),
        "a member of the panel (panelMembers) may not make the agency decision");
    assertThat(decision).isWaitingAt("makeAgencyDecision");

    ProcessInstance other = atDecision();
    assertRefused(completeReply(other, "makeAgencyDecision", "ada", agencyDecision(true, Map.of("admReasons", "Agree with panel."))),
        "admReasons: must be at least 50 characters");
  }

  @Test
  void departingFromThePanelNeedsReasonsAgreeingDoesNot() {
    ProcessInstance decision = atDecision();
    assertRefused(completeReply(decision, "makeAgencyDecision", "ada", agencyDecision(false, Map.of())),
        "departureReasons: is required when the decision differs from the panel's recommendation");
    complete(decision, "makeAgencyDecision", "ada", agencyDecision(false,
        Map.of("departureReasons", "The birth father's new evidence was not before the panel")));
    assertThat(decisions.findById(decision.getId()).orElseThrow().getDepartsFromPanel()).isTrue();
  }

  @Test
  void theDirectRouteRunsFromTheReportsApprovalAndIsOnlyForShouldBePlaced() {
    assertRefused(api.post("/engine-rest/process-definition/key/adoptionDecision/start", "sarah",
        variables("childId", childId, "decisionType", "ADOPTER_APPROVAL", "route", "DIRECT")),
        "route: DIRECT is only for a SHOULD_BE_PLACED decision");
    ProcessInstance decision = start("SHOULD_BE_PLACED", "DIRECT");
    complete(decision, "prepareChildPermanenceReport", "sarah", report(0));
    clockAt(Instant.parse("2027-05-21T10:00:00Z"));
    complete(decision, "qualityAssureCpr", "tom", variables("cprApproved", true, "managerRationale", "Complete"));
    // Friday 21 May: 24-28 May, then 1 and 2 June (31 May is a bank holiday).
    assertThat(variable(decision, "admDecisionDueAt")).isEqualTo("2027-06-02T23:59:00+01:00");
    Map<String, Object> direct = agencyDecision(true, Map.of());
    variablesOf(direct).remove("readPanelMinutes");
    variablesOf(direct).remove("readPanelRecommendation");
    complete(decision, "makeAgencyDecision", "ada", direct);
    assertThat(decision).isWaitingAt("notifyDecisionOrally", "notifyDecisionInWriting");
  }

  @Test
  void aLateDecisionIsABreachEscalatedToServiceManagersAndNeedsAReason() {
    ProcessInstance decision = atDecision();
    // Final minutes Thursday 20 May 2027: due Tuesday 1 June (31 May is a bank holiday).
    assertThat(variable(decision, "admDecisionDueAt")).isEqualTo("2027-06-01T23:59:00+01:00");
    clockAt(Instant.parse("2027-06-03T00:00:00Z"));
    engine.getManagementService().executeJob(timer(decision, "startEvent_decisionOverdue").getId());
    assertThat(breachesOf(decision)).singleElement().satisfies(breach -> assertThat(breach.getCode()).isEqualTo(BreachCode.ADM_DECISION_LATE));
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(decision, "escalateOverdueAgencyDecision").getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("service-managers"));

    assertRefused(completeReply(decision, "makeAgencyDecision", "ada", agencyDecision(true, Map.of())), "lateReason: is required");
    Map<String, Object> late = agencyDecision(true, Map.of("lateReason", "Decision maker on leave"));
    complete(decision, "makeAgencyDecision", "ada", late);
    assertThat(breachesOf(decision)).singleElement().satisfies(breach -> assertThat(breach.getReason()).isEqualTo("Decision maker on leave"));
    // The escalation ends with the decision, so the case goes on to the notices.
    assertThat(decision).isWaitingAt("notifyDecisionOrally", "notifyDecisionInWriting");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(decision.getId())
        .taskDefinitionKey("escalateOverdueAgencyDecision").count()).isZero();
  }

  @Test
  void lateNoticesAreBreachesEachWithItsCode() {
    ProcessInstance decision = atDecision();
    complete(decision, "makeAgencyDecision", "ada", agencyDecision(true, Map.of()));
    clockAt(Instant.parse("2027-06-12T09:00:00Z"));
    engine.getManagementService().executeJob(timer(decision, "boundaryEvent_oralNoticeLate").getId());
    engine.getManagementService().executeJob(timer(decision, "boundaryEvent_writtenNoticeLate").getId());
    assertThat(breachesOf(decision)).extracting(Breach::getCode)
        .containsExactlyInAnyOrder(BreachCode.ADM_NOTIFY_ORAL_LATE, BreachCode.ADM_NOTIFY_WRITTEN_LATE);
    assertRefused(completeReply(decision, "notifyDecisionOrally", "sarah",
        variables("notifiedOrallyAt", "2027-05-19T09:00:00Z", "personsNotified", "Mother")), "notifiedOrallyAt: must not be before the decision");
    complete(decision, "notifyDecisionOrally", "sarah", variables("notifiedOrallyAt", "2027-06-11T09:00:00Z",
        "personsNotified", "Mother", "lateReason", "Mother could not be reached"));
    complete(decision, "notifyDecisionInWriting", "sarah", variables("writtenNoticeSentAt", "2027-06-12T08:00:00Z",
        "lateReason", "Letter waited for the oral notice"));
    assertThat(decision).isWaitingAt(PLAN_MILESTONES);
    assertThat(breachesOf(decision)).hasSize(2).allSatisfy(breach -> assertThat(breach.getReason()).isNotBlank());
  }

  @Test
  void mindedNotToApproveAdoptersGivesFortyWorkingDaysFromTheNoticeBeforeTheFinalDecision() {
    ProcessInstance decision = approvedReport(start("ADOPTER_APPROVAL", "PANEL"));
    complete(decision, "recordPanelRecommendation", "pam", panel("2027-05-19", false, "pete", "2027-05-20T09:00:00Z"));
    complete(decision, "makeAgencyDecision", "ada", agencyDecision(false, Map.of()));
    assertThat(decision).isWaitingAt("sendQualifyingDeterminationNotice");
    assertThat(decisions.findById(decision.getId()).orElseThrow().isQualifyingDetermination()).isTrue();

    clockAt(Instant.parse("2027-05-24T12:00:00Z"));
    assertRefused(completeReply(decision, "sendQualifyingDeterminationNotice", "sarah",
        variables("qdNoticeSentAt", "2027-05-19T09:00:00Z")), "qdNoticeSentAt: must not be before the agency decision");
    assertThat(variable(decision, "qdNoticeSentAt")).as("refused, so nothing written").isNull();
    complete(decision, "sendQualifyingDeterminationNotice", "sarah", variables("qdNoticeSentAt", "2027-05-24T09:00:00Z"));
    assertThat(decision).isWaitingAt("recordRepresentations");
    // Monday 24 May 2027 is day 1; 40 working days (31 May, the spring bank holiday, skipped)
    // end on Monday 19 July, not on the 16th as they would from the decision.
    assertThat(variable(decision, "representationsEndAt")).isEqualTo("2027-07-19T23:59:00+01:00");
    assertThat(variable(decision, "representationsDueAt")).isEqualTo("2027-07-19T23:59:00+01:00");
    assertThat(task(decision, "recordRepresentations").getDueDate())
        .isEqualTo(Date.from(Instant.parse("2027-07-19T22:59:00Z")));

    clockAt(Instant.parse("2027-07-20T09:00:00Z"));
    engine.getManagementService().executeJob(timer(decision, "boundaryEvent_representationPeriodOver").getId());
    assertThat(decision).isWaitingAt("makeFinalAgencyDecision");
    assertRefused(completeReply(decision, "makeFinalAgencyDecision", "ada", variables("finalApproves", false,
        "finalReasons", "Still no.")), "finalReasons: must be at least 50 characters");
    complete(decision, "makeFinalAgencyDecision", "ada", variables("finalApproves", false, "finalReasons", OWN_REASONS));
    assertThat(variable(decision, "oralNoticeDueAt")).isEqualTo("2027-07-22T23:59:00+01:00");
    assertThat(decision).isWaitingAt("notifyDecisionOrally", "notifyDecisionInWriting");
  }

  @Test
  void anApplicationToTheIrmPausesTheFinalDecisionUntilItsRecommendationIsInAndRead() {
    ProcessInstance decision = qualifyingNoticeSent(approvedReport(start("ADOPTER_APPROVAL", "PANEL")));
    Api.Reply early = api.post("/engine-rest/message", "sarah", Map.of("messageName", "IrmApplicationMade",
        "processInstanceId", decision.getId(), "processVariables",
        Map.of("irmAppliedAt", Map.of("value", "2027-05-19T09:00:00Z", "type", "String"))));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.message()).contains("irmAppliedAt: must not be before qdNoticeSentAt");
    assertThat(decision).as("refused, so nothing changed").isWaitingAt("recordRepresentations");
    assertThat(variable(decision, "irmAppliedAt")).isNull();
    Api.Reply applied = api.post("/engine-rest/message", "sarah", Map.of("messageName", "IrmApplicationMade",
        "processInstanceId", decision.getId(), "processVariables",
        Map.of("irmAppliedAt", Map.of("value", "2027-05-20T10:00:00Z", "type", "String"))));
    assertThat(applied.status()).as(applied.body()).isEqualTo(204);
    assertThat(decision).isWaitingAt("recordIrmRecommendation").hasPassed("boundaryEvent_irmApplicationMade");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(decision.getId()).timers().count())
        .as("no timer forces a decision while the IRM sits").isZero();

    assertRefused(completeReply(decision, "recordIrmRecommendation", "pam", variables("irmRecommendation", "APPROVE",
        "irmRecommendationReceivedAt", "2027-05-20T09:00:00Z")), "irmRecommendationReceivedAt: must not be before irmAppliedAt");
    complete(decision, "recordIrmRecommendation", "pam", variables("irmRecommendation", "APPROVE",
        "irmRecommendationReceivedAt", "2027-05-20T10:00:00Z"));
    assertThat(decision).isWaitingAt("makeFinalAgencyDecision");
    assertRefused(completeReply(decision, "makeFinalAgencyDecision", "ada",
        variables("finalApproves", true, "finalReasons", OWN_REASONS)),
        "readIrmRecommendation: is required when the adopters applied to the IRM");
    assertRefused(completeReply(decision, "makeFinalAgencyDecision", "ada",
        variables("readIrmRecommendation", false, "finalApproves", true, "finalReasons", OWN_REASONS)),
        "readIrmRecommendation: must be true");
    complete(decision, "makeFinalAgencyDecision", "ada",
        variables("readIrmRecommendation", true, "finalApproves", true, "finalReasons", OWN_REASONS));
    assertThat(decision).isWaitingAt("notifyDecisionOrally", "notifyDecisionInWriting");
  }

  @Test
  void theReportsAuthorCannotMakeEitherDecision() {
    String author = WorkflowFixture.AUTHOR_AND_DECISION_MAKER;
    ProcessInstance decision = start("ADOPTER_APPROVAL", "PANEL");
    complete(decision, "prepareChildPermanenceReport", author, report(0));
    complete(decision, "qualityAssureCpr", "tom", variables("cprApproved", true, "managerRationale", "Complete"));
    complete(decision, "recordPanelRecommendation", "pam", panel("2027-05-19", false, "pete", "2027-05-20T09:00:00Z"));
    assertRefused(completeReply(decision, "makeAgencyDecision", author, agencyDecision(false, Map.of())), "four eyes");
    complete(decision, "makeAgencyDecision", "ada", agencyDecision(false, Map.of()));
    complete(decision, "sendQualifyingDeterminationNotice", "sarah", variables("qdNoticeSentAt", "2027-05-20T10:00:00Z"));
    complete(decision, "recordRepresentations", "ada", variables("representationsReceived", false));
    assertRefused(completeReply(decision, "makeFinalAgencyDecision", author,
        variables("finalApproves", false, "finalReasons", OWN_REASONS)), "four eyes");
  }

  @Test
  void representationsReceivedEarlyGoStraightToTheFinalDecision() {
    ProcessInstance decision = qualifyingNoticeSent(approvedReport(start("ADOPTER_APPROVAL", "PANEL")));
    assertRefused(completeReply(decision, "recordRepresentations", "ada", variables("representationsReceived", true)),
        "representationsSummary: is required");
    complete(decision, "recordRepresentations", "ada", variables("representationsReceived", true,
        "representationsSummary", "Adopters provided new references"));
    assertThat(decision).isWaitingAt("makeFinalAgencyDecision");
  }

  // --- steps ---

  /** Panel, a decision minded not to approve, and the notice sent at once. */
  private ProcessInstance qualifyingNoticeSent(ProcessInstance decision) {
    complete(decision, "recordPanelRecommendation", "pam", panel("2027-05-19", false, "pete", "2027-05-20T09:00:00Z"));
    complete(decision, "makeAgencyDecision", "ada", agencyDecision(false, Map.of()));
    complete(decision, "sendQualifyingDeterminationNotice", "sarah", variables("qdNoticeSentAt", "2027-05-20T10:00:00Z"));
    return decision;
  }

  private ProcessInstance start(String decisionType, String route) {
    return startProcess("adoptionDecision", "sarah", variables("childId", childId, "decisionType", decisionType, "route", route));
  }

  static final String[] PLAN_MILESTONES = {"catchEvent_placementOrderMade", "catchEvent_placedForAdoption",
      "catchEvent_adoptionOrderMade"};

  /** Decided on the direct route on 20 May 2027 that Ayo should be placed for adoption, and told. */
  private ProcessInstance decidedToPlace() {
    ProcessInstance decision = decidedAndTold(true);
    assertThat(decision).isWaitingAt(PLAN_MILESTONES);
    return decision;
  }

  /** Decided on the direct route on 20 May 2027 whether Ayo should be placed for adoption, and told. */
  private ProcessInstance decidedAndTold(boolean toPlace) {
    ProcessInstance decision = approvedReport(start("SHOULD_BE_PLACED", "DIRECT"));
    complete(decision, "makeAgencyDecision", "ada", variables("readCpr", true, "readHealthSummary", true,
        "readLegalAdvice", true, "admApproves", toPlace, "admReasons", OWN_REASONS));
    complete(decision, "notifyDecisionOrally", "sarah",
        variables("notifiedOrallyAt", "2027-05-20T10:00:00Z", "personsNotified", "Birth mother; foster carers"));
    complete(decision, "notifyDecisionInWriting", "sarah", variables("writtenNoticeSentAt", "2027-05-20T10:00:00Z"));
    return decision;
  }

  private Api.Reply milestone(ProcessInstance decision, String messageName, String field, String on) {
    return api.post("/engine-rest/message", "sarah", Map.of("messageName", messageName,
        "processInstanceId", decision.getId(), "processVariables", Map.of(field, Map.of("value", on, "type", "String"))));
  }

  private Api.Reply noLongerToBePlaced(ProcessInstance decision, String on, String reason) {
    return api.post("/engine-rest/message", "sarah", Map.of("messageName", "DecidedNoLongerToPlace",
        "processInstanceId", decision.getId(), "processVariables", Map.of(
            "noLongerToBePlacedOn", Map.of("value", on, "type", "String"),
            "noLongerToBePlacedReason", Map.of("value", reason, "type", "String"))));
  }

  private ProcessInstance approvedReport(ProcessInstance decision) {
    complete(decision, "prepareChildPermanenceReport", "sarah", report(0));
    complete(decision, "qualityAssureCpr", "tom", variables("cprApproved", true, "managerRationale", "Complete and evidenced"));
    return decision;
  }

  /** At the decision maker, after a panel that recommended approval; due 1 June 2027 23:59. */
  private ProcessInstance atDecision() {
    ProcessInstance decision = approvedReport(start("SHOULD_BE_PLACED", "PANEL"));
    complete(decision, "recordPanelRecommendation", "pam", panel("2027-05-19", true, "pete", "2027-05-20T09:00:00Z"));
    return decision;
  }

  private static Map<String, Object> report(int siblings) {
    return variables("cprChildAndFamily", "Ayo, 3, lives with foster carers", "siblingCount", siblings,
        "cprHealthSummary", "Medical adviser: healthy, speech therapy", "cprWishesAndFeelings", "Too young; parents oppose",
        "cprContact", "Letterbox contact twice a year", "cprChronology", "2024-2027 events", "cprOptionsAnalysis", "Adoption best");
  }

  private static Map<String, Object> panel(String date, boolean recommends, String members, String minutesAt) {
    return variables("panelDate", date, "panelRecommendsApproval", recommends, "panelMembers", members,
        "finalMinutesReceivedAt", minutesAt);
  }

  private static Map<String, Object> agencyDecision(boolean approves, Map<String, Object> changes) {
    Map<String, Object> answers = new HashMap<>(Map.of("readCpr", true, "readHealthSummary", true, "readLegalAdvice", true,
        "readPanelMinutes", true, "readPanelRecommendation", true, "admApproves", approves, "admReasons", OWN_REASONS));
    answers.putAll(changes);
    Object[] flat = new Object[answers.size() * 2];
    int i = 0;
    for (Map.Entry<String, Object> answer : answers.entrySet()) {
      flat[i++] = answer.getKey();
      flat[i++] = answer.getValue();
    }
    return variables(flat);
  }

  private List<Breach> breachesOf(ProcessInstance decision) {
    return breaches.findByProcessInstanceIdOrderByDueAt(decision.getId());
  }
}
