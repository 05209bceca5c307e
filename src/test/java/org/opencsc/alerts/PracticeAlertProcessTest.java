package org.opencsc.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.ApplicationTest;
import org.opencsc.WorkflowFixture;
import org.opencsc.engine.Breach;
import org.opencsc.engine.BreachRepository;
import org.opencsc.rules.BreachCode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An IRO's alert through the engine and its REST API: the team manager, then the service
 * manager, then the head of service respond, each within their stage's working days (across the
 * August bank holiday), each response judged by an IRO who did not give it, and after the third
 * stage the IRO's recorded decision on a Cafcass referral.
 */
class PracticeAlertProcessTest extends ApplicationTest {

  @Autowired
  private BreachRepository breaches;
  @Autowired
  private PracticeAlertRepository alerts;

  private String childId;

  @BeforeEach
  void child() {
    clockAt(Instant.parse("2025-08-21T10:00:00Z"));
    childId = registerChild("Ira Challenged");
  }

  @AfterEach
  void deleteOpenCases() {
    deleteTheOpenCasesThisTestStarted();
  }

  @Test
  void eachStageGoesToItsGroupWithItsDeadlineUntilTheIroDecidesOnCafcass() {
    ProcessInstance alert = raise("iris");
    assertThat(stageGroups(alert)).containsExactly("team-managers");
    // Thursday 21 August 2025: 22, 26-29 August (25 August is the bank holiday).
    assertThat(variable(alert, "stageResponseDueAt")).isEqualTo("2025-08-29T23:59:00+01:00");
    assertThat(task(alert, "respondToAlert").getName()).contains("stage 1").contains("team managers");
    complete(alert, "respondToAlert", "tom", variables("response", "Contact plan revised; placement meeting on 5 September"));

    clockAt(Instant.parse("2025-08-22T10:00:00Z"));
    complete(alert, "decideAlertResolved", "iris", variables("resolved", false,
        "iroRationale", "The revised plan still delays sibling contact"));
    assertThat(stageGroups(alert)).containsExactly("service-managers");
    // Friday 22 August: 26-29 August and 1 September.
    assertThat(variable(alert, "stageResponseDueAt")).isEqualTo("2025-09-01T23:59:00+01:00");
    complete(alert, "respondToAlert", "sean", variables("response", "Sibling contact fortnightly from September"));
    complete(alert, "decideAlertResolved", "ivan", variables("resolved", false, "iroRationale", "Not yet started"));

    assertThat(stageGroups(alert)).containsExactly("heads-of-service");
    // Stage 3: 10 working days from Friday 22 August.
    assertThat(variable(alert, "stageResponseDueAt")).isEqualTo("2025-09-08T23:59:00+01:00");
    complete(alert, "respondToAlert", "hal", variables("response", "Contact starts this week; I will review it myself"));
    complete(alert, "decideAlertResolved", "iris", variables("resolved", false, "iroRationale", "Still not happening"));

    assertThat(alert).isWaitingAt("recordCafcassReferralDecision");
    assertRefused(completeReply(alert, "recordCafcassReferralDecision", "iris", variables("referToCafcass", true)),
        "cafcassReasons: is required");
    complete(alert, "recordCafcassReferralDecision", "iris", variables("referToCafcass", true,
        "cafcassReasons", "Three stages have not secured contact the court ordered"));
    assertThat(alert).isEnded().hasPassed("endEvent_cafcassDecided");
    PracticeAlert record = alerts.findById(alert.getId()).orElseThrow();
    assertThat(record.getRaisedBy()).isEqualTo("iris");
    assertThat(record.getStage()).isEqualTo(3);
    assertThat(record.getResolved()).isFalse();
    assertThat(record.getReferToCafcass()).isTrue();
    assertThat(breachesOf(alert)).isEmpty();

    // The dashboard's alerts: who raised it, the stage reached, days open, how it ended.
    var figures = api.get("/api/compliance/alerts", "tom").json();
    var row = java.util.stream.StreamSupport.stream(figures.spliterator(), false)
        .filter(r -> r.get("processInstanceId").asText().equals(alert.getId())).findFirst().orElseThrow();
    assertThat(row.get("raisedBy").asText()).isEqualTo("iris");
    assertThat(row.get("stage").asInt()).isEqualTo(3);
    assertThat(row.get("daysOpen").asInt()).isEqualTo(1);
    assertThat(row.get("outcome").asText()).isEqualTo("REFERRED_TO_CAFCASS");
    assertThat(api.get("/api/compliance/alerts", "ada").status()).isEqualTo(403);
  }

  @Test
  void aResolvedAlertEndsAndOnlyAnIroWhoDidNotRespondMayJudgeIt() {
    ProcessInstance alert = raise("iris");
    assertRefused(completeReply(alert, "respondToAlert", "sean", variables("response", "x")),
        "this stage of the alert is for the stage's managers");
    complete(alert, "respondToAlert", WorkflowFixture.MANAGER_AND_IRO, variables("response", "Plan updated today"));
    assertRefused(completeReply(alert, "decideAlertResolved", WorkflowFixture.MANAGER_AND_IRO,
        variables("resolved", true, "iroRationale", "Fine")), "a manager who responded to the alert may not decide");
    complete(alert, "decideAlertResolved", "ivan", variables("resolved", true, "iroRationale", "Plan now sound"));
    assertThat(alert).isEnded().hasPassed("endEvent_resolved");
    assertThat(alerts.findById(alert.getId()).orElseThrow().getResolved()).isTrue();
  }

  @Test
  void eachMissedStageIsABreachAndALateResponseGivesItsReason() {
    ProcessInstance alert = raise("iris");
    clockAt(Instant.parse("2025-08-30T09:00:00Z"));
    engine.getManagementService().executeJob(timer(alert, "boundaryEvent_responseLate").getId());
    assertRefused(completeReply(alert, "respondToAlert", "tom", variables("response", "Sorry")), "lateReason");
    complete(alert, "respondToAlert", "tom", variables("response", "Plan revised", "lateReason", "On leave"));
    complete(alert, "decideAlertResolved", "iris", variables("resolved", false, "iroRationale", "Not enough"));
    clockAt(Instant.parse("2025-09-10T09:00:00Z"));
    engine.getManagementService().executeJob(timer(alert, "boundaryEvent_responseLate").getId());
    assertThat(breachesOf(alert)).extracting(Breach::getCode)
        .containsExactly(BreachCode.ALERT_RESPONSE_LATE, BreachCode.ALERT_RESPONSE_LATE);
  }

  @Test
  void onlyAnIroRaisesAnAlert() {
    // A social worker does not read the IROs' process at all: the engine answers that there is none.
    assertThat(api.post("/engine-rest/process-definition/key/practiceAlert/start", "sarah", alertStart()).status())
        .isEqualTo(404);
    assertThat(api.post("/engine-rest/process-definition/key/practiceAlert/start", "tom", alertStart()).status())
        .as("a manager reads it, but may not raise an alert").isEqualTo(403);
    assertRefused(api.post("/engine-rest/process-definition/key/practiceAlert/start", "iris",
        variables("childId", childId, "concern", "Drift")), "changeSought: is required");
  }

  private ProcessInstance raise(String iro) {
    return startProcess("practiceAlert", iro, alertStart());
  }

  private Map<String, Object> alertStart() {
    return variables("childId", childId, "concern", "No sibling contact for 4 months despite the care plan",
        "changeSought", "Fortnightly sibling contact", "changeBy", "2025-09-30");
  }

  private List<String> stageGroups(ProcessInstance alert) {
    return engine.getTaskService().getIdentityLinksForTask(task(alert, "respondToAlert").getId()).stream()
        .map(IdentityLink::getGroupId).filter(group -> group != null).toList();
  }

  private List<Breach> breachesOf(ProcessInstance alert) {
    return breaches.findByProcessInstanceIdOrderByDueAt(alert.getId());
  }
}
