package org.opencsc.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.opencsc.engine.Breach;
import org.opencsc.engine.BreachRepository;
import org.opencsc.rules.BreachCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The escalation ladder's last rung through the engine: a breach still unresolved 5 working days
 * after it was written, or a child's second breach within 90 days, opens one review for service
 * managers, with the case, the breach and what the team manager has done.
 */
class BreachEscalationProcessTest extends ApplicationTest {

  /** A Monday with no bank holiday near: the child returns, and 72 hours later the interview is late. */
  static final Instant RETURNED = Instant.parse("2027-01-11T08:00:00Z");
  static final Instant DEADLINE_PASSED = Instant.parse("2027-01-14T08:00:01Z");

  @Autowired
  private BreachRepository breaches;
  @Autowired
  private BreachEscalations escalations;
  @Autowired
  private JdbcTemplate jdbc;

  private String childId;

  @BeforeEach
  void child() {
    clockAt(RETURNED.plus(Duration.ofHours(1)));
    childId = registerChild("Escalated Child");
  }

  @Test
  void aBreachStillUnresolvedFiveWorkingDaysAfterItWasWrittenGoesToAServiceManagerOnce() {
    ProcessInstance episode = episodeReturnedAt(RETURNED);
    Breach breach = interviewDeadlinePasses(episode);
    ProcessInstance escalation = escalationOf(breach);
    assertThat(escalation).isWaitingAt("timer_continuedBreach");
    // Written on Thursday 14 January: the 5th working day after is Thursday 21 January.
    assertThat(timer(escalation, "timer_continuedBreach").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2027-01-21T23:59:00Z")));
    complete(episode, "escalateOverdueReturnInterview", "tom",
        variables("managerAction", "Asked the advocacy service to see the child today"));

    clockAt(Instant.parse("2027-01-22T00:00:00Z"));
    engine.getManagementService().executeJob(timer(escalation, "timer_continuedBreach").getId());
    assertThat(escalation).isWaitingAt("reviewContinuedBreach");
    Task review = task(escalation, "reviewContinuedBreach");
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .extracting(IdentityLink::getGroupId).containsExactly("service-managers");
    Map<String, Object> shown = engine.getRuntimeService().getVariables(escalation.getId());
    assertThat(shown).containsEntry("breachCode", "RHI_NOT_WITHIN_72H").containsEntry("childId", childId)
        .containsEntry("caseProcessInstanceId", episode.getId()).containsEntry("caseProcess", "Missing from home or care")
        .containsEntry("breachUnresolved", true).containsEntry("repeatBreach", false)
        .containsEntry("teamManagerAction", "Asked the advocacy service to see the child today");
    assertThat(breaches.findById(breach.getId()).orElseThrow().getEscalatedAt())
        .isEqualTo(Instant.parse("2027-01-22T00:00:00Z"));
    JsonNode register = api.get("/api/compliance/breaches?childId=" + childId, "sean").json();
    assertThat(register.get(0).get("escalatedAt").asText()).isEqualTo("2027-01-22T00:00:00Z");

    assertThat(completeReply(escalation, "reviewContinuedBreach", "tom",
        variables("serviceManagerAction", "Not mine to do")).status())
        .as("a team manager does not even see a service manager's review").isEqualTo(404);
    assertRefused(completeReply(escalation, "reviewContinuedBreach", "sean", variables()),
        "serviceManagerAction: is required");
    complete(escalation, "reviewContinuedBreach", "sean",
        variables("serviceManagerAction", "Interview to be held by the duty manager tomorrow; weekly report to me"));
    assertThat(escalation).isEnded().hasPassed("endEvent_reviewed");

    // Once per breach: the interview done late later changes the breach, not the number of reviews.
    clockAt(Instant.parse("2027-01-25T10:00:00Z"));
    complete(episode, "offerReturnInterview", "sarah", variables("rhiOffered", true,
        "rhiOfferedAt", "2027-01-25T09:00:00Z", "rhiAccepted", false, "rhiDeclineReason", "Did not want to talk",
        "lateReason", "Child could not be found"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey("breach-" + breach.getId()).count()).isEqualTo(1);
    assertThat(breaches.findById(breach.getId()).orElseThrow().getEscalationId()).isEqualTo(escalation.getId());
  }

  @Test
  void aBreachResolvedWithinFiveWorkingDaysIsNotEscalated() {
    ProcessInstance episode = episodeReturnedAt(RETURNED);
    Breach breach = interviewDeadlinePasses(episode);
    ProcessInstance escalation = escalationOf(breach);
    clockAt(Instant.parse("2027-01-15T10:00:00Z"));
    complete(episode, "offerReturnInterview", "sarah", variables("rhiOffered", true,
        "rhiOfferedAt", "2027-01-15T09:00:00Z", "rhiAccepted", false, "rhiDeclineReason", "Did not want to talk",
        "lateReason", "The child was away with family until today"));

    clockAt(Instant.parse("2027-01-22T00:00:00Z"));
    engine.getManagementService().executeJob(timer(escalation, "timer_continuedBreach").getId());
    assertThat(escalation).isEnded().hasPassed("endEvent_resolved").hasNotPassed("reviewContinuedBreach");
    assertThat(breaches.findById(breach.getId()).orElseThrow().getEscalatedAt()).isNull();
  }

  @Test
  void aChildsSecondBreachWithin90DaysGoesToAServiceManagerAtOnce() {
    Breach first = interviewDeadlinePasses(episodeReturnedAt(RETURNED));

    Instant again = Instant.parse("2027-04-09T08:00:00Z"); // 85 days after the first breach was written
    clockAt(again.plus(Duration.ofHours(1)));
    Breach second = interviewNotOffered(episodeReturnedAt(again));
    ProcessInstance escalation = escalationOf(second);
    assertThat(escalation).isWaitingAt("reviewContinuedBreach");
    Map<String, Object> shown = engine.getRuntimeService().getVariables(escalation.getId());
    assertThat(shown).containsEntry("repeatBreach", true).containsEntry("breachCode", "RHI_NOT_OFFERED")
        .containsEntry("earlierBreaches", "RHI_NOT_WITHIN_72H (" + "2027-01-14T08:00:01Z" + ")")
        .containsEntry("teamManagerAction", CheckBreachDelegate.NO_ACTION);
    // The first breach keeps its own rung: its 5 working days passed long ago, so it is due now.
    assertThat(escalationOf(first)).isWaitingAt("timer_continuedBreach");
  }

  @Test
  void aBreachMoreThan90DaysAfterTheChildsLastIsNotARepeat() {
    interviewDeadlinePasses(episodeReturnedAt(RETURNED));

    Instant later = Instant.parse("2027-04-15T08:00:00Z"); // 91 days after the first breach was written
    clockAt(later.plus(Duration.ofHours(1)));
    Breach second = interviewNotOffered(episodeReturnedAt(later));
    ProcessInstance escalation = escalationOf(second);
    assertThat(escalation).isWaitingAt("timer_continuedBreach");
    assertThat(engine.getRuntimeService().getVariable(escalation.getId(), "repeatBreach")).isEqualTo(false);
    // Not offered is resolved when it is written (the step is done): no review after 5 working days either.
    clockAt(later.plus(Duration.ofDays(10)));
    engine.getManagementService().executeJob(timer(escalation, "timer_continuedBreach").getId());
    assertThat(escalation).isEnded().hasPassed("endEvent_resolved");
  }

  @Test
  void anOpenBreachWrittenBeforeEscalationExistedIsWatchedOnceAtStartUp() {
    Breach breach = interviewDeadlinePasses(episodeReturnedAt(RETURNED));
    // As a breach written by the previous release: no escalation case, none recorded.
    engine.getRuntimeService().deleteProcessInstance(escalationOf(breach).getId(), "written before escalation");
    jdbc.update("update breach set escalation_id = null where id = ?", breach.getId());

    escalations.watchOpenBreaches();
    String watchedBy = breaches.findById(breach.getId()).orElseThrow().getEscalationId();
    assertThat(watchedBy).isNotNull();
    assertThat(escalationOf(breach)).isWaitingAt("timer_continuedBreach");
    escalations.watchOpenBreaches();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("breach-" + breach.getId()).count()).isEqualTo(1);
    assertThat(breaches.findById(breach.getId()).orElseThrow().getEscalationId()).isEqualTo(watchedBy);
  }

  @Test
  void nobodyStartsAnEscalationByHand() {
    Breach breach = interviewDeadlinePasses(episodeReturnedAt(RETURNED));
    // Social workers do not see the process; managers see it but may not start it.
    Map<String, Integer> expected = Map.of("sarah", 404, "tom", 403, "sean", 403);
    expected.forEach((user, status) -> {
      Reply reply = api.post("/engine-rest/process-definition/key/breachEscalation/start", user,
          variables("breachId", String.valueOf(breach.getId())));
      assertThat(reply.status()).as(user + ": " + reply.body()).isEqualTo(status);
    });
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("breachEscalation").processInstanceBusinessKey("breach-" + breach.getId()).count())
        .isEqualTo(1);
  }

  // --- breaches from real cases: missing episodes whose return interview is late or not offered ---

  private ProcessInstance episodeReturnedAt(Instant returnedAt) {
    ProcessInstance episode = startProcess("missingEpisode", "sarah", variables("childId", childId,
        "episodeType", "MISSING", "missingFrom", returnedAt.minus(Duration.ofHours(12)).toString()));
    complete(episode, "recordReturn", "sam", variables("returnedAt", returnedAt.toString()));
    return episode;
  }

  /** 72 hours pass with no interview: RHI_NOT_WITHIN_72H, still open. */
  private Breach interviewDeadlinePasses(ProcessInstance episode) {
    clockAt(DEADLINE_PASSED);
    engine.getManagementService().executeJob(timer(episode, "startEvent_72HoursPassed").getId());
    return breaches.findByProcessInstanceIdOrderByDueAt(episode.getId()).stream()
        .filter(breach -> breach.getCode() == BreachCode.RHI_NOT_WITHIN_72H).findFirst().orElseThrow();
  }

  /** The worker records that no interview was offered: RHI_NOT_OFFERED, done when written. */
  private Breach interviewNotOffered(ProcessInstance episode) {
    complete(episode, "offerReturnInterview", "sarah",
        variables("rhiOffered", false, "rhiNotOfferedReason", "Child moved out of area"));
    return breaches.findByProcessInstanceIdOrderByDueAt(episode.getId()).stream()
        .filter(breach -> breach.getCode() == BreachCode.RHI_NOT_OFFERED).findFirst().orElseThrow();
  }

  private ProcessInstance escalationOf(Breach breach) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("breach-" + breach.getId()).singleResult();
  }
}
