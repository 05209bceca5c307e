package org.opencsc.fostering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.opencsc.WorkflowFixture;
import org.opencsc.engine.Breach;
import org.opencsc.engine.BreachRepository;
import org.opencsc.rules.BreachCode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Private fostering through the engine REST API: eligibility at its edges, the first visit in 7
 * working days, visits 6 then 12 weeks apart from the actual visit, reviews, and the two ends.
 */
class PrivateFosteringProcessTest extends ApplicationTest {

  static final Instant NOW = Instant.parse("2026-12-17T12:00:00Z");

  @Autowired
  private BreachRepository breaches;
  @Autowired
  private PrivateFosteringRepository register;
  @Autowired
  private PrivateFosteringStepRepository steps;

  @BeforeEach
  void clock() {
    clockAt(NOW);
  }

  @ParameterizedTest(name = "born {0}, disabled {1}, {2} days, {3}: privately fostered {4}")
  @CsvSource({
      // The arrangement starts on 2027-01-10.
      "2011-01-11, false, 60, FAMILY_FRIEND, true",   // 15 years 364 days
      "2011-01-10, false, 60, FAMILY_FRIEND, false",  // 16 that day
      "2009-06-01, true, 60, FAMILY_FRIEND, true",    // disabled and 17
      "2009-01-10, true, 60, FAMILY_FRIEND, false",   // disabled and 18 that day
      "2015-05-05, false, 27, FAMILY_FRIEND, false",
      "2015-05-05, false, 28, FAMILY_FRIEND, true",
      "2015-05-05, false, 60, GRANDPARENT, false",
      "2015-05-05, false, 60, SIBLING, false",
      "2015-05-05, false, 60, AUNT_UNCLE, false",
      "2015-05-05, false, 60, STEP_PARENT, false",
      "2015-05-05, false, 60, OTHER_RELATIVE, true",
      "2015-05-05, false, 60, OTHER, true"})
  void eligibilityFollowsTheChildrenAct(String born, boolean disabled, int days, String relationship, boolean fostered) {
    String child = child(born, disabled);
    ProcessInstance arrangement = start(child, "2026-12-17T09:00:00Z", "2027-01-10", days, relationship);
    assertThat(variable(arrangement, "privatelyFostered")).isEqualTo(fostered);
    assertThat(register.findById(arrangement.getId()).orElseThrow().getPrivatelyFostered()).isEqualTo(fostered);
    if (fostered) {
      assertThat(arrangement).isWaitingAt("initialVisit", "assessArrangement", "timer_reviewOpens");
    } else {
      assertThat(arrangement).isWaitingAt("confirmNotPrivateFostering");
      assertRefused(completeReply(arrangement, "confirmNotPrivateFostering", "tom", variables()),
          "notPrivateFosteringReason: is required");
      complete(arrangement, "confirmNotPrivateFostering", "tom",
          variables("notPrivateFosteringReason", "Checked: " + variable(arrangement, "eligibilityReason")));
      assertThat(arrangement).isEnded().hasPassed("endEvent_notPrivateFostering");
    }
  }

  @Test
  void firstVisitIsDueSevenWorkingDaysAfterNotificationOverChristmas() {
    ProcessInstance arrangement = start(child("2015-05-05", false), "2026-12-17T10:00:00Z", "2026-12-20", 90, "FAMILY_FRIEND");
    // Thursday 17 December: 18, 21-24, then 29 and 30 December (25 and 28 are bank holidays).
    assertThat(variable(arrangement, "firstVisitDueAt")).isEqualTo("2026-12-30T23:59:00Z");
    assertThat(task(arrangement, "initialVisit").getDueDate()).isEqualTo(Date.from(Instant.parse("2026-12-30T23:59:00Z")));
    assertThat(variable(arrangement, "assessmentDueAt")).isEqualTo("2027-01-28T10:00:00Z");
  }

  @Test
  void aLateFirstVisitWritesOneBreachAndNeedsAReason() {
    ProcessInstance arrangement = start(child("2015-05-05", false), "2026-12-17T10:00:00Z", "2026-12-20", 90, "FAMILY_FRIEND");
    clockAt(Instant.parse("2026-12-31T09:00:00Z"));
    engine.getManagementService().executeJob(timer(arrangement, "boundaryEvent_firstVisitLate").getId());
    assertThat(breachesOf(arrangement)).singleElement().satisfies(breach ->
        assertThat(breach.getCode()).isEqualTo(BreachCode.PF_FIRST_VISIT_LATE));
    complete(arrangement, "escalateLateFirstVisit", "tom", variables("managerAction", "Visit booked for today"));
    assertRefused(completeReply(arrangement, "initialVisit", "sarah", visit("2026-12-31T08:00:00Z", true)), "lateReason: is required");
    Map<String, Object> late = visit("2026-12-31T08:00:00Z", true);
    variablesOf(late).put("lateReason", Map.of("value", "Carer away over Christmas", "type", "String"));
    complete(arrangement, "initialVisit", "sarah", late);
    assertThat(breachesOf(arrangement)).singleElement().satisfies(breach -> {
      assertThat(breach.getDoneAt()).isEqualTo(Instant.parse("2026-12-31T08:00:00Z"));
      assertThat(breach.getReason()).isEqualTo("Carer away over Christmas");
    });
  }

  @Test
  void visitsAreSixWeeksApartForAYearFromWhenTheCouncilKnewThenTwelveEachDueByTheEndOfItsDay() {
    // Started 5 January 2026, notified a year late: the first year of our knowledge starts now.
    clockAt(Instant.parse("2027-01-04T18:00:00Z"));
    ProcessInstance arrangement = start(child("2015-05-05", false), "2027-01-04T09:00:00Z", "2026-01-05", 900, "FAMILY_FRIEND");
    complete(arrangement, "initialVisit", "sarah", visit("2027-01-04T10:00:00Z", true));
    assertThat(variable(arrangement, "nextVisitDueAt")).isEqualTo("2027-02-15T23:59:00Z");

    clockAt(Instant.parse("2027-01-05T18:00:00Z"));
    complete(arrangement, "statutoryVisit", "sarah", visit("2027-01-05T11:00:00Z", false));
    // The arrangement's first anniversary, but not a year since we knew: still 6 weeks.
    assertThat(variable(arrangement, "nextVisitDueAt")).isEqualTo("2027-02-16T23:59:00Z");
    assertThat(task(arrangement, "statutoryVisit").getDueDate())
        .isEqualTo(Date.from(Instant.parse("2027-02-16T23:59:00Z")));

    // Visited late in the day it was due: on time.
    clockAt(Instant.parse("2027-02-16T23:30:00Z"));
    complete(arrangement, "statutoryVisit", "sarah", visit("2027-02-16T22:00:00Z", true));
    assertThat(breachesOf(arrangement)).isEmpty();

    // Still the first year: 6 weeks, due by the end of the day on the UK clock (summer time).
    clockAt(Instant.parse("2027-03-28T18:00:00Z"));
    complete(arrangement, "statutoryVisit", "sarah", visit("2027-03-28T10:00:00Z", true));
    assertThat(variable(arrangement, "nextVisitDueAt")).isEqualTo("2027-05-09T23:59:00+01:00");
    assertThat(steps.findByProcessInstanceIdOrderByDoneAt(arrangement.getId()))
        .extracting(PrivateFosteringStep::isOnTime).containsExactly(true, true, true, true);
  }

  @Test
  void aYearAfterTheCouncilWasNotifiedVisitsAreTwelveWeeksApart() {
    clockAt(Instant.parse("2027-01-04T18:00:00Z"));
    ProcessInstance arrangement = start(child("2015-05-05", false), "2027-01-04T09:00:00Z", "2026-01-05", 900, "FAMILY_FRIEND");
    complete(arrangement, "initialVisit", "sarah", visit("2027-01-04T10:00:00Z", true));
    clockAt(Instant.parse("2028-01-04T18:00:00Z"));
    Map<String, Object> late = visit("2028-01-04T10:00:00Z", true);
    variablesOf(late).put("lateReason", Map.of("value", "Worker off sick", "type", "String"));
    complete(arrangement, "statutoryVisit", "sarah", late);
    assertThat(variable(arrangement, "nextVisitDueAt")).isEqualTo("2028-03-28T23:59:00+01:00");
  }

  @Test
  void anOverdueVisitIsABreachAndTheCycleContinuesFromWhenItHappened() {
    ProcessInstance arrangement = start(child("2015-05-05", false), "2026-12-17T10:00:00Z", "2026-12-20", 400, "OTHER");
    complete(arrangement, "initialVisit", "sarah", visit("2026-12-17T11:00:00Z", true));
    assertThat(variable(arrangement, "nextVisitDueAt")).isEqualTo("2027-01-28T23:59:00Z");
    clockAt(Instant.parse("2027-01-29T09:00:00Z"));
    engine.getManagementService().executeJob(timer(arrangement, "boundaryEvent_visitOverdue").getId());
    assertThat(breachesOf(arrangement)).singleElement().satisfies(breach ->
        assertThat(breach.getCode()).isEqualTo(BreachCode.PF_VISIT_OVERDUE));
    assertRefused(completeReply(arrangement, "escalateOverdueVisit", "tina", variables()), "managerAction: is required");
    complete(arrangement, "escalateOverdueVisit", "tina", variables("managerAction", "Covering worker allocated"));
    assertThat(arrangement).isWaitingAt("statutoryVisit");

    clockAt(Instant.parse("2027-02-02T18:00:00Z"));
    Map<String, Object> late = visit("2027-02-02T10:00:00Z", true);
    variablesOf(late).put("lateReason", Map.of("value", "Worker off sick", "type", "String"));
    complete(arrangement, "statutoryVisit", "sam", late);
    assertThat(variable(arrangement, "nextVisitDueAt")).isEqualTo("2027-03-16T23:59:00Z");
    assertThat(breachesOf(arrangement)).singleElement().satisfies(breach -> assertThat(breach.getDoneBy()).isEqualTo("sam"));
    assertThat(steps.findByProcessInstanceIdOrderByDoneAt(arrangement.getId()))
        .extracting(PrivateFosteringStep::isOnTime).containsExactly(true, false);
  }

  @Test
  void manyVisitsKeepExactlyOneOpenVisitAndOneTimer() {
    ProcessInstance arrangement = start(child("2015-05-05", false), "2026-12-17T10:00:00Z", "2026-12-20", 900, "OTHER");
    Instant at = Instant.parse("2026-12-17T11:00:00Z");
    complete(arrangement, "initialVisit", "sarah", visit(at.toString(), true));
    for (int i = 1; i <= 12; i++) {
      at = at.plusSeconds(35L * 24 * 3600);
      clockAt(at.plusSeconds(3600));
      complete(arrangement, "statutoryVisit", i % 2 == 0 ? "sarah" : "sam", visit(at.toString(), true));
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(arrangement.getId())
          .taskDefinitionKey("statutoryVisit").count()).isEqualTo(1);
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(arrangement.getId())
          .activityId("boundaryEvent_visitOverdue").count()).isEqualTo(1);
    }
    assertThat(steps.findByProcessInstanceIdOrderByDoneAt(arrangement.getId())).hasSize(13)
        .allSatisfy(step -> assertThat(step.isOnTime()).isTrue());
    assertThat(breachesOf(arrangement)).isEmpty();
  }

  @Test
  void theCarersNoticeEndsTheArrangementAndEverythingOpen() {
    ProcessInstance arrangement = start(child("2015-05-05", false), "2026-12-17T10:00:00Z", "2026-12-15", 90, "OTHER", "PF-1");
    Reply early = api.post("/engine-rest/message", "sarah", Map.of("messageName", "PrivateFosteringEnded", "businessKey", "PF-1",
        "processVariables", Map.of("endedAt", Map.of("value", "2026-12-01T10:00:00Z", "type", "String"),
            "endReason", Map.of("value", "Returned home", "type", "String"))));
    assertRefused(early, "endedAt: must not be before arrangementStart");
    assertRefused(api.post("/engine-rest/message", "sarah", Map.of("messageName", "PrivateFosteringEnded", "businessKey", "PF-1",
        "processVariables", Map.of("endedAt", Map.of("value", "2026-12-17T10:30:00Z", "type", "String")))),
        "endReason: is required");
    assertThat(arrangement).isWaitingAt("initialVisit", "assessArrangement", "timer_reviewOpens");

    Reply ended = api.post("/engine-rest/message", "sarah", Map.of("messageName", "PrivateFosteringEnded", "businessKey", "PF-1",
        "processVariables", Map.of("endedAt", Map.of("value", "2026-12-17T10:30:00Z", "type", "String"),
            "endReason", Map.of("value", "Returned to mother", "type", "String"),
            "nowLivingWith", Map.of("value", "Mother", "type", "String"))));
    assertThat(ended.status()).as(ended.body()).isEqualTo(204);
    assertThat(arrangement).isEnded().hasPassed("endEvent_arrangementEnded");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(arrangement.getId()).count()).isZero();
    PrivateFostering record = register.findById(arrangement.getId()).orElseThrow();
    assertThat(record.getEndReason()).isEqualTo("Returned to mother");
    assertThat(record.getNowLivingWith()).isEqualTo("Mother");
  }

  @Test
  void aVisitAskedForByMessageIsDueWithinFiveWorkingDaysAndALateOneIsABreach() {
    ProcessInstance arrangement = start(child("2015-05-05", false), "2026-12-17T10:00:00Z", "2026-12-15", 90, "OTHER", "PF-REQ");
    assertThat(arrangement).isWaitingAt("recordVisitRequest");
    Reply requested = requestVisit("PF-REQ", "2026-12-17T11:00:00Z", "The child, by text to the duty line");
    assertThat(requested.status()).as(requested.body()).isEqualTo(204);

    // Thursday 17 December: Friday 18, Monday 21 to Thursday 24 (Christmas Day is after).
    Task visit = task(arrangement, "requestedVisit");
    assertThat(visit.getDueDate()).isEqualTo(java.util.Date.from(Instant.parse("2026-12-24T23:59:00Z")));
    assertThat(engine.getTaskService().getVariable(visit.getId(), "requestedBy")).isEqualTo("The child, by text to the duty line");
    assertThat(arrangement).isWaitingAt("recordVisitRequest", "requestedVisit", "initialVisit");

    clockAt(Instant.parse("2026-12-29T09:00:00Z"));
    engine.getManagementService().executeJob(timer(arrangement, "boundaryEvent_requestedVisitLate").getId());
    assertThat(breachesOf(arrangement)).singleElement().satisfies(breach -> {
      assertThat(breach.getCode()).isEqualTo(BreachCode.PF_REQUESTED_VISIT_LATE);
      assertThat(breach.getDueAt()).isEqualTo(Instant.parse("2026-12-24T23:59:00Z"));
    });
    Map<String, Object> late = visit("2026-12-29T08:30:00Z", true);
    assertRefused(completeReply(arrangement, "requestedVisit", "sam", late), "lateReason: is required");
    variablesOf(late).put("lateReason", Map.of("value", "Office closed over Christmas", "type", "String"));
    complete(arrangement, "requestedVisit", "sam", late);
    assertThat(breachesOf(arrangement)).singleElement().satisfies(breach -> assertThat(breach.getDoneBy()).isEqualTo("sam"));
    assertThat(arrangement).isWaitingAt("recordVisitRequest", "initialVisit").hasPassed("endEvent_requestedVisitDone");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(arrangement.getId())
        .taskDefinitionKey("requestedVisit").count()).isZero();
  }

  @Test
  void aVisitRequestTakenByPhoneOpensTheSameVisitAndEachRequestKeepsItsOwnDeadline() {
    ProcessInstance arrangement = start(child("2015-05-05", false), "2026-12-17T10:00:00Z", "2026-12-15", 90, "OTHER", "PF-PHONE");
    assertRefused(completeReply(arrangement, "recordVisitRequest", "sarah", variables("requestedAt", "2026-12-17T09:00:00Z",
        "requestedBy", "Carer")), "requestedAt: must not be before notifiedAt or in the future");
    complete(arrangement, "recordVisitRequest", "sarah", variables("requestedAt", "2026-12-17T11:00:00Z",
        "requestedBy", "The carer, Mrs Lovelace, by phone"));
    assertThat(arrangement).isWaitingAt("recordVisitRequest", "requestedVisit");

    // A second request, from another system, before the first visit: its own deadline, the first's unchanged.
    clockAt(Instant.parse("2027-01-04T12:00:00Z"));
    assertThat(requestVisit("PF-PHONE", "2027-01-04T10:00:00Z", "The child's mother").status()).isEqualTo(204);
    List<Task> visits = engine.getTaskService().createTaskQuery().processInstanceId(arrangement.getId())
        .taskDefinitionKey("requestedVisit").orderByDueDate().asc().list();
    assertThat(visits).extracting(Task::getDueDate).containsExactly(
        java.util.Date.from(Instant.parse("2026-12-24T23:59:00Z")), java.util.Date.from(Instant.parse("2027-01-11T23:59:00Z")));
    assertThat(engine.getTaskService().getVariable(visits.get(1).getId(), "requestedBy")).isEqualTo("The child's mother");
    assertThat(engine.getTaskService().getVariable(visits.get(0).getId(), "requestedBy"))
        .isEqualTo("The carer, Mrs Lovelace, by phone");

    // Seen alone as on every statutory visit; not before the request.
    Map<String, Object> notAlone = visit("2027-01-04T11:00:00Z", false);
    variablesOf(notAlone).remove("notSeenAloneReason");
    assertRefused(api.post("/engine-rest/task/" + visits.get(1).getId() + "/complete", "sam", notAlone),
        "notSeenAloneReason: is required when seenAlone is false");
    assertRefused(api.post("/engine-rest/task/" + visits.get(1).getId() + "/complete", "sam", visit("2027-01-04T09:00:00Z", true)),
        "visitedAt: must not be before the request (requestedAt)");
    assertThat(api.post("/engine-rest/task/" + visits.get(1).getId() + "/complete", "sam",
        visit("2027-01-04T11:00:00Z", true)).status()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(arrangement.getId())
        .taskDefinitionKey("requestedVisit").singleResult().getId()).isEqualTo(visits.get(0).getId());
    assertThat(breachesOf(arrangement)).isEmpty();
  }

  @Test
  void aBadVisitRequestIsRefusedAndOpensNothing() {
    ProcessInstance arrangement = start(child("2015-05-05", false), "2026-12-17T10:00:00Z", "2026-12-15", 90, "OTHER", "PF-BAD");
    assertRefused(requestVisit("PF-BAD", "2026-12-18T11:00:00Z", "The child"),
        "requestedAt: must not be before notifiedAt or in the future");
    assertRefused(api.post("/engine-rest/message", "sarah", Map.of("messageName", "PrivateFosteringVisitRequested",
        "businessKey", "PF-BAD", "processVariables", Map.of("requestedAt", Map.of("value", "2026-12-17T11:00:00Z",
            "type", "String")))), "requestedBy: is required");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(arrangement.getId())
        .taskDefinitionKey("requestedVisit").count()).isZero();
    assertThat(variable(arrangement, "requestedAt")).isNull();
  }

  private Reply requestVisit(String businessKey, String requestedAt, String requestedBy) {
    return api.post("/engine-rest/message", "sarah", Map.of("messageName", "PrivateFosteringVisitRequested",
        "businessKey", businessKey, "processVariables", Map.of("requestedAt", Map.of("value", requestedAt, "type", "String"),
            "requestedBy", Map.of("value", requestedBy, "type", "String"))));
  }

  @Test
  void theArrangementEndsWhenTheChildTurnsSixteen() {
    ProcessInstance arrangement = start(child("2011-02-01", false), "2026-12-17T10:00:00Z", "2026-12-20", 300, "OTHER");
    Job birthday = timer(arrangement, "startEvent_ageLimitReached");
    assertThat(birthday.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-02-01T00:00:00Z")));
    clockAt(Instant.parse("2027-02-01T00:00:01Z"));
    engine.getManagementService().executeJob(birthday.getId());
    assertThat(arrangement).isEnded().hasPassed("endEvent_agedOut");
    assertThat(register.findById(arrangement.getId()).orElseThrow().getEndReason()).isEqualTo("The child turned 16");
  }

  @Test
  void suitabilityWithRequirementsAndFourEyesAndAProhibitionEndsIt() {
    ProcessInstance arrangement = start(child("2015-05-05", false), "2026-12-17T10:00:00Z", "2026-12-20", 90, "OTHER");
    complete(arrangement, "assessArrangement", WorkflowFixture.DUAL_ROLE_USER, assessment());
    assertRefused(completeReply(arrangement, "decideSuitability", WorkflowFixture.DUAL_ROLE_USER,
        variables("suitability", "SUITABLE", "managerRationale", "Fine")), "four eyes");
    assertRefused(completeReply(arrangement, "decideSuitability", "tom",
        variables("suitability", "REQUIREMENTS", "managerRationale", "Fine")), "requirements: is required when suitability is REQUIREMENTS");
    complete(arrangement, "decideSuitability", "tom",
        variables("suitability", "PROHIBIT", "managerRationale", "Carer has a relevant conviction"));
    assertThat(arrangement).isEnded().hasPassed("endEvent_prohibited");
    PrivateFostering record = register.findById(arrangement.getId()).orElseThrow();
    assertThat(record.getSuitability()).isEqualTo("PROHIBIT");
    assertThat(record.getEndReason()).contains("Carer has a relevant conviction");
  }

  @Test
  void suitableWithRequirementsKeepsTheArrangementGoing() {
    ProcessInstance arrangement = start(child("2015-05-05", false), "2026-12-17T10:00:00Z", "2026-12-20", 90, "OTHER");
    complete(arrangement, "assessArrangement", "sarah", assessment());
    complete(arrangement, "decideSuitability", "tom", variables("suitability", "REQUIREMENTS",
        "requirements", "Arrange weekly contact with mother", "managerRationale", "Good care otherwise"));
    assertThat(arrangement).hasPassed("endEvent_suitable").isWaitingAt("initialVisit", "timer_reviewOpens");
    assertThat(register.findById(arrangement.getId()).orElseThrow().getSuitabilityRequirements())
        .isEqualTo("Arrange weekly contact with mother");
  }

  @Test
  void reviewsOpenTwoWeeksBeforeEverySixMonthsAndFollowTheLastReview() {
    ProcessInstance arrangement = start(child("2015-05-05", false), "2026-12-17T10:00:00Z", "2026-12-20", 400, "OTHER");
    assertThat(variable(arrangement, "reviewDueAt")).isEqualTo("2027-06-20T23:59:00+01:00");
    Job opens = timer(arrangement, "timer_reviewOpens");
    assertThat(opens.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-06-05T23:00:00Z")));
    clockAt(Instant.parse("2027-06-10T09:00:00Z"));
    engine.getManagementService().executeJob(opens.getId());
    assertRefused(completeReply(arrangement, "reviewArrangement", "tom", variables("reviewNotes", "Settled")),
        "managerRationale: is required");
    complete(arrangement, "reviewArrangement", "tom", variables("reviewNotes", "Settled at school", "managerRationale", "Continue"));
    assertThat(variable(arrangement, "reviewDueAt")).isEqualTo("2027-12-10T23:59:00Z");
  }

  @Test
  void badNotificationsAndVisitsAreRefusedAndWriteNothing() {
    String child = child("2015-05-05", false);
    long before = register.count();
    Map<String, Object> body = notification(child, "2026-12-17T09:00:00Z", "2026-12-20", 60, "COUSIN");
    assertRefused(api.post("/engine-rest/process-definition/key/privateFostering/start", "sarah", body),
        "carerRelationship: must be one of");
    Map<String, Object> noCarer = notification(child, "2026-12-17T09:00:00Z", "2026-12-20", 60, "OTHER");
    variablesOf(noCarer).remove("carerName");
    assertRefused(api.post("/engine-rest/process-definition/key/privateFostering/start", "sarah", noCarer),
        "carerName: is required");
    assertThat(register.count()).isEqualTo(before);

    ProcessInstance arrangement = start(child, "2026-12-17T09:00:00Z", "2026-12-20", 60, "OTHER");
    Map<String, Object> notAlone = visit("2026-12-17T11:00:00Z", false);
    variablesOf(notAlone).remove("notSeenAloneReason");
    assertRefused(completeReply(arrangement, "initialVisit", "sarah", notAlone), "notSeenAloneReason: is required when seenAlone is false");
    assertThat(variable(arrangement, "visitedAt")).isNull();
    assertThat(steps.findByProcessInstanceIdOrderByDoneAt(arrangement.getId())).isEmpty();
  }

  // --- steps ---

  private String child(String born, boolean disabled) {
    Reply reply = api.post("/api/children", "sarah", Map.of("name", "Fostered Child", "dateOfBirth", born,
        "lookedAfter", false, "disabled", disabled));
    return reply.json().get("id").asText();
  }

  private static Map<String, Object> notification(String child, String notifiedAt, String arrangementStart, int days,
      String relationship) {
    return variables("childId", child, "notifiedAt", notifiedAt, "notificationType", "STARTED",
        "arrangementStart", arrangementStart, "intendedDurationDays", days, "carerName", "Mrs Ada Lovelace",
        "carerRelationship", relationship);
  }

  private ProcessInstance start(String child, String notifiedAt, String arrangementStart, int days, String relationship) {
    return start(child, notifiedAt, arrangementStart, days, relationship, null);
  }

  private ProcessInstance start(String child, String notifiedAt, String arrangementStart, int days, String relationship,
      String businessKey) {
    Map<String, Object> body = new HashMap<>(notification(child, notifiedAt, arrangementStart, days, relationship));
    if (businessKey != null) {
      body.put("businessKey", businessKey);
    }
    return startProcess("privateFostering", "sarah", body);
  }

  private static Map<String, Object> visit(String visitedAt, boolean seenAlone) {
    return variables("visitedAt", visitedAt, "seenAlone", seenAlone, "notSeenAloneReason",
        seenAlone ? null : "Child asked for the carer to stay", "householdSeen", true, "visitReport", "Warm home; child settled");
  }

  private static Map<String, Object> assessment() {
    return variables("dbsChecksDone", true, "accommodationSuitable", true, "healthNeedsMet", true,
        "educationArranged", true, "contactArranged", false, "assessmentSummary", "Good care; contact to be arranged");
  }

  private List<Breach> breachesOf(ProcessInstance arrangement) {
    return breaches.findByProcessInstanceIdOrderByDueAt(arrangement.getId());
  }
}
