package org.opencsc;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of every in-JVM test: the whole application on a random port with the one shared test
 * configuration (in-memory H2, job executor off, authorization on, demo users), so Spring
 * caches a single context and a single engine.
 */
@SpringBootTest(classes = OpenCscApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Metrics are exported as in production (Spring Boot turns exporters off in tests by default).
@AutoConfigureObservability(tracing = false)
@Import({WorkflowFixture.class, MailServer.class})
@MeasuresProcessCoverage
public abstract class ApplicationTest {

  @LocalServerPort
  protected int port;

  @Autowired
  protected ProcessEngine engine;

  protected Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void resetClockAndIdentity() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  /** Moves the engine's clock (deadlines, timers, breaches all read it). */
  protected static void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  // --- a case's steps through the engine REST API, as Tasklist and other systems take them ---

  /** Completes the open task of that key as the user; the test fails unless the API accepts it. */
  protected void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> body) {
    Api.Reply reply = completeReply(instance, taskKey, user, body);
    assertThat(reply.status()).as(taskKey + ": " + reply.body()).isEqualTo(204);
  }

  /**
   * Completes the open task of that key as the user and returns the API's answer. Whenever the
   * API refuses, this also checks that nothing was written: the task is still open and the
   * case's variables are as they were.
   */
  protected Api.Reply completeReply(ProcessInstance instance, String taskKey, String user, Map<String, Object> body) {
    Task open = task(instance, taskKey);
    Map<String, String> before = variablesAsStored(instance);
    Api.Reply reply = api.post("/engine-rest/task/" + open.getId() + "/complete", user, body);
    if (reply.status() >= 400) {
      assertThat(engine.getTaskService().createTaskQuery().taskId(open.getId()).count())
          .as("refused (%s), so %s stays open", reply.status(), taskKey).isEqualTo(1);
      assertThat(variablesAsStored(instance)).as("refused (%s), so nothing is written", reply.status())
          .isEqualTo(before);
    }
    return reply;
  }

  private Map<String, String> variablesAsStored(ProcessInstance instance) {
    Map<String, String> stored = new HashMap<>();
    engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance.getId())
        .disableCustomObjectDeserialization().disableBinaryFetching().list()
        .forEach(variable -> stored.put(variable.getName() + "@" + variable.getExecutionId(),
            String.valueOf(variable.getTypedValue())));
    return stored;
  }

  /** Starts a process through REST as the user and returns the running instance. */
  protected ProcessInstance startProcess(String processKey, String user, Map<String, Object> body) {
    Api.Reply reply = api.post("/engine-rest/process-definition/key/" + processKey + "/start", user, body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    started.add(reply.json().get("id").asText());
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(reply.json().get("id").asText())
        .singleResult();
  }

  private final List<String> started = new java.util.ArrayList<>();

  /**
   * Deletes the cases this test started that are still open (their case-table rows stay), for
   * tests that build many cases in the past: their overdue steps would otherwise fill the team's
   * task list that later tests read.
   */
  protected void deleteTheOpenCasesThisTestStarted() {
    // and the child protection plans their conferences started
    for (String discussion : List.copyOf(started)) {
      engine.getRuntimeService().createProcessInstanceQuery().variableValueEquals("strategyDiscussionId", discussion)
          .list().forEach(plan -> started.add(plan.getId()));
    }
    List<String> open = started.isEmpty() ? List.of() : engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceIds(new java.util.HashSet<>(started)).list().stream().map(ProcessInstance::getId).toList();
    if (!open.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstances(open, "test cases", true, true);
    }
    started.clear();
  }

  protected static void assertRefused(Api.Reply reply, String message) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.message()).contains(message);
  }

  protected Task task(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .singleResult();
  }

  protected Object variable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  protected Job timer(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(activityId).singleResult();
  }

  @SuppressWarnings("unchecked")
  protected static Map<String, Object> variablesOf(Map<String, Object> body) {
    return (Map<String, Object>) body.get("variables");
  }

  /** Sarah reports a newly registered child missing six hours ago; the episode has this business key. */
  protected ProcessInstance missingEpisode(String businessKey) {
    Map<String, Object> body = new HashMap<>(Variables.variables("childId", registerChild("Jo Missing"),
        "episodeType", "MISSING", "missingFrom", Instant.now().minus(Duration.ofHours(6)).toString()));
    body.put("businessKey", businessKey);
    return startProcess("missingEpisode", "sarah", body);
  }

  /** The answers of a low-risk assessment while missing ({@code assessMissingRisk}). */
  protected static Map<String, Object> lowRiskAssessment() {
    return Variables.variables("riskLevel", "LOW", "cseRisk", false, "cceRisk", false, "radicalisationRisk", false,
        "traffickingRisk", false, "riskSummary", "Stayed with a friend");
  }

  /** Registers a child through the API, as a social worker would: looked after since birth. */
  protected String registerChild(String name) {
    Api.Reply reply = api.post("/api/children", "sarah",
        Map.of("name", name, "dateOfBirth", "2012-04-01", "lookedAfter", true, "lookedAfterFrom", "2012-04-01",
            "disabled", false));
    if (reply.status() != 201) {
      throw new IllegalStateException("Could not register child: " + reply);
    }
    return reply.json().get("id").asText();
  }

  /**
   * Registers a child with these details (as a social worker), for the returns' tests; a
   * {@code lookedAfterFrom} makes the child looked after from then (null: not looked after).
   */
  protected String registerChild(Map<String, Object> details) {
    Map<String, Object> body = new HashMap<>(details);
    body.values().removeIf(java.util.Objects::isNull);
    if (body.containsKey("lookedAfterFrom")) {
      body.put("lookedAfter", true);
    }
    Api.Reply reply = api.post("/api/children", "sarah", body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().get("id").asText();
  }

  /** A missing (or away) episode of the child, its return recorded by {@code recordedBy} unless {@code returnedAt} is null. */
  protected ProcessInstance missingEpisode(String child, String type, String from, String returnedAt, String recordedBy) {
    ProcessInstance episode = startProcess("missingEpisode", "sarah",
        Variables.variables("childId", child, "episodeType", type, "missingFrom", from));
    if (returnedAt != null) {
      complete(episode, "recordReturn", recordedBy, Variables.variables("returnedAt", returnedAt));
    }
    return episode;
  }

  /** Adds a looked-after period to a child (or, with {@code to}, ends the open one), as a manager would. */
  protected void lookedAfterPeriod(String child, String from, String to) {
    Map<String, Object> body = new HashMap<>();
    body.put("from", from);
    body.put("to", to);
    Api.Reply reply = api.post("/api/children/" + child + "/looked-after-periods", "tom", body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  /**
   * A strategy discussion held at {@code heldAt} (an instant) that decided a section 47 enquiry,
   * approved; the clock is left three hours after it. The enquiry waits for its outcome.
   */
  protected ProcessInstance sectionFortySevenEnquiry(String child, String heldAt) {
    clockAt(Instant.parse(heldAt).plusSeconds(3 * 3600));
    ProcessInstance discussion = startProcess("strategyDiscussion", "tom", Variables.variables("childId", child,
        "referralReceivedAt", Instant.parse(heldAt).minusSeconds(4 * 3600).toString(), "concern", "Injury"));
    complete(discussion, "scheduleStrategyDiscussion", "tom", Variables.variables("discussionAt", heldAt, "format", "CALLS"));
    complete(discussion, "recordStrategyDiscussion", "sam", Variables.variables("heldAt", heldAt,
        "attendedSocialWorker", true, "attendedManager", true, "attendedPolice", true, "attendedHealth", true,
        "attendedPlacementProvider", true, "educationInvited", true, "informationShared", "Records",
        "decision", "SECTION_47", "s47Type", "SINGLE", "safetyPlan", "Stay with gran", "safetyPlanOwner", "Sam",
        "safetyPlanReviewBy", Instant.parse(heldAt).plusSeconds(7 * 86400).toString().substring(0, 10),
        "legalActionNeeded", false, "familyInformed", true));
    complete(discussion, "approveStrategyDecision", "tina",
        Variables.variables("decisionApproved", true, "managerRationale", "Agreed"));
    return discussion;
  }
}
