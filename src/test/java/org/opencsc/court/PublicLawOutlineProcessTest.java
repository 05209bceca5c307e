package org.opencsc.court;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.Api;
import org.opencsc.ApplicationTest;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.Breach;
import org.opencsc.engine.BreachRepository;
import org.opencsc.rules.BreachCode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case under the Public Law Outline through the engine and its REST API: the letter, the meeting
 * within 10 working days, the manager's reviews, a service manager at 16 weeks, issue, the 26
 * weeks and an extension the court ordered moving them (into British Summer Time), and the breach
 * when the 26 weeks pass.
 */
class PublicLawOutlineProcessTest extends ApplicationTest {

  @Autowired
  private BreachRepository breaches;
  @Autowired
  private PloCaseRepository cases;
  @Autowired
  private PloExtensionRepository extensions;

  private String childId;

  @BeforeEach
  void child() {
    clockAt(Instant.parse("2025-06-02T15:00:00Z"));
    childId = registerChild("Pat Proceedings");
  }

  @AfterEach
  void deleteOpenCases() {
    deleteTheOpenCasesThisTestStarted();
  }

  @Test
  void preProceedingsThenIssueAndAnExtensionMovesTheTwentySixWeeksVisibly() {
    ProcessInstance plo = startProcess("publicLawOutline", "tom", variables("childId", childId, "legalGatewayOn", "2025-06-02"));
    assertThat(plo).isWaitingAt("sendLetterBeforeProceedings");
    clockAt(Instant.parse("2025-06-03T15:00:00Z"));
    assertRefused(completeReply(plo, "sendLetterBeforeProceedings", "sarah", variables("letterSentOn", "2025-06-01")),
        "letterSentOn: must not be before the legal gateway meeting");
    complete(plo, "sendLetterBeforeProceedings", "sarah", variables("letterSentOn", "2025-06-03"));
    // Tuesday 3 June: 10 working days on is Tuesday 17 June.
    assertThat(variable(plo, "preProceedingsMeetingDueAt")).isEqualTo("2025-06-17T23:59:00+01:00");

    clockAt(Instant.parse("2025-06-16T15:00:00Z"));
    complete(plo, "holdPreProceedingsMeeting", "sarah", variables("meetingHeldOn", "2025-06-16", "parentsAttended", true,
        "meetingNotes", "Both parents with their solicitor; plan agreed"));
    assertThat(variable(plo, "preProceedingsReviewDueAt")).isEqualTo("2025-07-28T23:59:00+01:00");
    clockAt(Instant.parse("2025-07-20T15:00:00Z"));
    complete(plo, "decidePreProceedingsOutcome", "tom", variables("ploDecision", "CONTINUE",
        "decisionReasons", "Some progress; parenting assessment under way"));
    assertThat(variable(plo, "preProceedingsReviewDueAt")).isEqualTo("2025-08-31T23:59:00+01:00");

    // 16 weeks from the gateway meeting: a service manager looks at why.
    assertThat(timer(plo, "boundaryEvent_longPreProceedings").getDuedate()).isEqualTo(Date.from(Instant.parse("2025-09-21T23:00:00Z")));
    clockAt(Instant.parse("2025-09-22T09:00:00Z"));
    engine.getManagementService().executeJob(timer(plo, "boundaryEvent_longPreProceedings").getId());
    complete(plo, "reviewLongPreProceedings", "sean", variables("serviceManagerAction", "Issue this month"));
    complete(plo, "decidePreProceedingsOutcome", "tom", variables("ploDecision", "ISSUE",
        "decisionReasons", "No change in the home; the threshold is met"));
    assertThat(plo).isWaitingAt("catchEvent_proceedingsIssued");

    clockAt(Instant.parse("2025-10-02T09:00:00Z"));
    assertRefused(issued(plo, "2025-05-30"), "issuedOn: must not be before the legal gateway meeting");
    assertThat(issued(plo, "2025-10-01").status()).isEqualTo(204);
    // 26 weeks from Wednesday 1 October 2025: the end of Wednesday 1 April 2026 (British Summer Time).
    assertThat(variable(plo, "plo26WeekDueAt")).isEqualTo("2026-04-01T23:59:00+01:00");
    assertThat(plo).isWaitingAt("recordFinalHearing", "recordExtension", "recordHearing");

    clockAt(Instant.parse("2025-10-20T10:00:00Z"));
    assertRefused(completeReply(plo, "recordHearing", "lee", variables("hearingType", "CASE_MANAGEMENT",
        "hearingOn", "2025-09-30")), "hearingOn: must not be before the proceedings were issued");
    complete(plo, "recordHearing", "lee", variables("hearingType", "CASE_MANAGEMENT", "hearingOn", "2025-10-16"));
    clockAt(Instant.parse("2026-02-20T10:00:00Z"));
    complete(plo, "recordHearing", "lee", variables("hearingType", "ISSUES_RESOLUTION", "hearingOn", "2026-02-19"));

    clockAt(Instant.parse("2026-03-20T10:00:00Z"));
    assertRefused(completeReply(plo, "recordExtension", "lee", variables("extensionWeeks", 9,
        "courtOrderDate", "2026-03-19", "extensionReasons", "Expert report late")), "extensionWeeks: must be from 1 to 8 weeks");
    complete(plo, "recordExtension", "lee", variables("extensionWeeks", 4, "courtOrderDate", "2026-03-19",
        "extensionReasons", "Expert report late; the court extended by 4 weeks"));
    assertThat(variable(plo, "plo26WeekDueAt")).isEqualTo("2026-04-29T23:59:00+01:00");
    Date moved = Date.from(Instant.parse("2026-04-29T22:59:00Z"));
    assertThat(task(plo, "recordFinalHearing").getDueDate()).as("the step's due date moves").isEqualTo(moved);
    assertThat(timer(plo, "boundaryEvent_over26Weeks").getDuedate()).as("and its timer").isEqualTo(moved);
    assertThat(engine.getTaskService().getVariableLocal(task(plo, "recordFinalHearing").getId(), "plo26WeekDueAtInUkTime"))
        .as("and what its form shows").isEqualTo(LondonTime.forReading(moved.toInstant()));
    assertThat(extensions.findByProcessInstanceIdOrderByNewDueAt(plo.getId())).singleElement().satisfies(extension -> {
      assertThat(extension.getWeeks()).isEqualTo(4);
      assertThat(extension.getPreviousDueAt()).isEqualTo(Instant.parse("2026-04-01T22:59:00Z"));
    });
    assertThat(plo).as("another extension may follow").isWaitingAt("recordFinalHearing", "recordExtension", "recordHearing");
    // The dashboard's court work: in proceedings, 24 weeks since issue, the deadline as extended.
    JsonNode figures = ploFigures("tom", plo);
    assertThat(figures.get("stage").asText()).isEqualTo("PROCEEDINGS");
    assertThat(figures.get("weeksSinceIssue").asInt()).isEqualTo(24);
    assertThat(figures.get("dueAt").asText()).isEqualTo("2026-04-29T23:59:00+01:00");
    assertThat(figures.get("extensionWeeks").asInt()).isEqualTo(4);
    assertThat(ploFigures("sarah", plo)).as("the social worker who wrote the letter sees the case").isNotNull();
    assertThat(api.get("/api/compliance/plo", "pam").status()).isEqualTo(403);

    clockAt(Instant.parse("2026-04-20T10:00:00Z"));
    complete(plo, "recordFinalHearing", "lee", variables("finalHearingOn", "2026-04-20", "finalOrder", "Care order"));
    assertThat(plo).isEnded().hasPassed("endEvent_concluded", "endEvent_proceedingsConcluded");
    assertThat(breachesOf(plo)).isEmpty();
    PloCase record = cases.findById(plo.getId()).orElseThrow();
    assertThat(record.getLetterSentOn()).isEqualTo(LocalDate.parse("2025-06-03"));
    assertThat(record.getIssuedOn()).isEqualTo(LocalDate.parse("2025-10-01"));
    assertThat(record.getExtensionWeeks()).isEqualTo(4);
    assertThat(record.getFinalHearingOn()).isEqualTo(LocalDate.parse("2026-04-20"));
    assertThat(record.getCaseManagementHearingOn()).isEqualTo(LocalDate.parse("2025-10-16"));
    assertThat(record.getIssuesResolutionHearingOn()).isEqualTo(LocalDate.parse("2026-02-19"));
  }

  @Test
  void proceedingsOverTwentySixWeeksAreABreachAndTheLateHearingGivesItsReason() {
    ProcessInstance plo = startProcess("publicLawOutline", "lee", variables("childId", childId,
        "legalGatewayOn", "2025-06-02", "gatewayDecision", "ISSUE_PROCEEDINGS"));
    assertThat(plo).isWaitingAt("catchEvent_proceedingsIssued");
    assertThat(issued(plo, "2025-06-02").status()).isEqualTo(204);
    assertThat(variable(plo, "plo26WeekDueAt")).isEqualTo("2025-12-01T23:59:00Z");
    clockAt(Instant.parse("2025-12-02T00:00:00Z"));
    engine.getManagementService().executeJob(timer(plo, "boundaryEvent_over26Weeks").getId());
    assertThat(breachesOf(plo)).extracting(Breach::getCode).containsExactly(BreachCode.PLO_OVER_26_WEEKS);
    clockAt(Instant.parse("2025-12-10T10:00:00Z"));
    assertRefused(completeReply(plo, "recordFinalHearing", "lee", variables("finalHearingOn", "2025-12-09",
        "finalOrder", "Supervision order")), "lateReason");
    complete(plo, "recordFinalHearing", "lee", variables("finalHearingOn", "2025-12-09", "finalOrder", "Supervision order",
        "lateReason", "Final hearing listed late by the court"));
    assertThat(plo).isEnded();
    assertThat(breachesOf(plo)).hasSize(1);
  }

  @Test
  void aManagerOrLegalAdviserOpensTheCaseAtTheGateway() {
    assertThat(api.post("/engine-rest/process-definition/key/publicLawOutline/start", "sarah",
        variables("childId", childId, "legalGatewayOn", "2025-06-02")).status()).isEqualTo(403);
    assertRefused(api.post("/engine-rest/process-definition/key/publicLawOutline/start", "tom",
        variables("childId", childId, "legalGatewayOn", "2025-06-03")), "legalGatewayOn: must not be in the future");
  }

  private Api.Reply issued(ProcessInstance plo, String on) {
    return api.post("/engine-rest/message", "lee", Map.of("messageName", "ProceedingsIssued",
        "processInstanceId", plo.getId(), "processVariables", Map.of("issuedOn", Map.of("value", on, "type", "String"))));
  }

  private JsonNode ploFigures(String user, ProcessInstance plo) {
    Api.Reply reply = api.get("/api/compliance/plo", user);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    for (JsonNode row : reply.json()) {
      if (row.get("processInstanceId").asText().equals(plo.getId())) {
        return row;
      }
    }
    return null;
  }

  private List<Breach> breachesOf(ProcessInstance plo) {
    return breaches.findByProcessInstanceIdOrderByDueAt(plo.getId());
  }
}
