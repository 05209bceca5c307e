package org.opencsc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.opencsc.WorkflowFixture;
import org.opencsc.rules.BreachCode;
import org.opencsc.rules.FieldType;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared machinery every process relies on, driven through the real engine and its REST
 * API with the fixture process: rules refuse with 400 and write nothing, four eyes, deadlines
 * as due dates and timers, and one breach per late step.
 */
class WorkflowMachineryTest extends ApplicationTest {

  private static final String START = "/engine-rest/process-definition/key/workflowFixture/start";
  private static final String DUE = "2026-12-01T17:00:00Z";

  @Autowired
  private BreachRepository breaches;

  @Autowired
  private CompletedStepRepository steps;

  private String childId;

  @BeforeEach
  void child() {
    clockAt(Instant.parse("2026-11-30T09:00:00Z"));
    childId = registerChild("Fixture Child");
  }

  @Test
  void startWithoutChildIsRefusedWith400AndNoInstance() {
    long before = instanceCount();
    Reply reply = api.post(START, "sarah", variables("workDueAt", DUE));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains("childId").contains("is required");
    assertThat(instanceCount()).isEqualTo(before);
  }

  @Test
  void startForUnknownChildIsRefusedWith400() {
    long before = instanceCount();
    Reply reply = api.post(START, "sarah", variables("childId", "no-such-child", "workDueAt", DUE));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains("childId").contains("must name a child registered");
    assertThat(instanceCount()).isEqualTo(before);
  }

  @Test
  void startWithBadDateNamesTheFieldAndFormat() {
    Reply reply = api.post(START, "sarah", variables("childId", childId, "workDueAt", "01/12/2026"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains("workDueAt").contains("must be a date-time such as");
  }

  @Test
  void deadlineVariableIsTheTaskDueDate() {
    ProcessInstance instance = start();
    assertThat(task(instance).getDueDate()).isEqualTo(Date.from(Instant.parse(DUE)));
  }

  @Test
  void completionMissingARequiredFieldIsRefusedAndWritesNothing() {
    ProcessInstance instance = start();
    Task task = task(instance);
    Reply reply = api.post("/engine-rest/task/" + task.getId() + "/complete", "sarah",
        variables("outcome", "A"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains("summary: is required");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "outcome")).isNull();
  }

  @Test
  void conditionalRequirementAndEnumAreEnforcedOnSubmitFormToo() {
    ProcessInstance instance = start();
    Task task = task(instance);
    Reply missingReason = api.post("/engine-rest/task/" + task.getId() + "/submit-form", "sarah",
        variables("summary", "Seen at home", "outcome", "B"));
    assertThat(missingReason.status()).isEqualTo(400);
    // submit-form is a form's door: the field by its label (this fixture has no form: its name in words).
    assertThat(missingReason.message()).contains("\u201creason\u201d is required when outcome is B");
    assertThat(missingReason.json().get("problems").findValuesAsText("field")).containsExactly("reason");

    Reply badCode = api.post("/engine-rest/task/" + task.getId() + "/complete", "sarah",
        variables("summary", "Seen at home", "outcome", "C"));
    assertThat(badCode.status()).isEqualTo(400);
    assertThat(badCode.message()).contains("outcome: must be one of A, B");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void completionRecordsWhoAndWhen() {
    ProcessInstance instance = start();
    completeWork(instance, "sarah");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "doWorkCompletedBy"))
        .isEqualTo("sarah");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "doWorkCompletedAt"))
        .isEqualTo("2026-11-30T09:00:00Z");
    assertThat(instance).isWaitingAt("signOffWork");
  }

  @Test
  void fourEyesTheWorkerCannotSignOffTheirOwnWork() {
    ProcessInstance instance = start();
    completeWork(instance, WorkflowFixture.DUAL_ROLE_USER);
    Task signOff = task(instance);
    Reply own = api.post("/engine-rest/task/" + signOff.getId() + "/complete",
        WorkflowFixture.DUAL_ROLE_USER, variables("approved", true, "managerRationale", "Fine"));
    assertThat(own.status()).isEqualTo(400);
    assertThat(own.message()).contains("four eyes").contains("doWork");
    assertThat(engine.getTaskService().createTaskQuery().taskId(signOff.getId()).count()).isEqualTo(1);
    assertThat(instance).isWaitingAt("signOffWork");

    Reply other = api.post("/engine-rest/task/" + signOff.getId() + "/complete", "tom",
        variables("approved", true, "managerRationale", "Fine"));
    assertThat(other.status()).isEqualTo(204);
    assertThat(instance).isEnded();
  }

  @Test
  void aCompletionCannotCarryVariablesThatAreNotTheTasks() {
    ProcessInstance instance = start();
    Task task = task(instance);
    // Moving the deadline, or claiming someone else did the work, while completing a task.
    Reply forged = api.post("/engine-rest/task/" + task.getId() + "/complete", "sarah",
        variables("summary", "Seen", "outcome", "A", "workDueAt", "2030-01-01T00:00:00Z", "doWorkCompletedBy", "sam"));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.message()).contains("workDueAt: is not a field of task doWork")
        .contains("doWorkCompletedBy: is not a field of task doWork");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "workDueAt")).isEqualTo(DUE);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "doWorkCompletedBy")).isNull();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "summary")).isNull();
    assertThat(instance).isWaitingAt("doWork");
    assertThat(steps.findByProcessInstanceIdOrderByCompletedAt(instance.getId())).isEmpty();
    // A value the form merely shows may come back unchanged.
    Reply unchanged = api.post("/engine-rest/task/" + task.getId() + "/submit-form", "sarah",
        variables("summary", "Seen", "outcome", "A", "workDueAt", DUE));
    assertThat(unchanged.status()).as(unchanged.body()).isEqualTo(204);
  }

  @Test
  void startMayCarryOnlyTheStartFields() {
    Reply reply = api.post(START, "sarah", variables("childId", childId, "workDueAt", DUE, "doWorkCompletedBy", "x"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains("doWorkCompletedBy: is not a field of the start of workflowFixture");
  }

  @Test
  void aReopenedTaskNeedsFreshAnswers() {
    ProcessInstance instance = start();
    completeWork(instance, "sarah");
    Reply rejected = api.post("/engine-rest/task/" + task(instance).getId() + "/complete", "tom",
        variables("approved", false, "managerRationale", "Please see the child alone"));
    assertThat(rejected.status()).isEqualTo(204);
    assertThat(instance).isWaitingAt("doWork");
    // The manager's rationale stays visible to the worker; the old answers do not count again.
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "managerRationale"))
        .isEqualTo("Please see the child alone");
    Reply reused = api.post("/engine-rest/task/" + task(instance).getId() + "/complete", "sarah",
        variables());
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.message()).contains("summary: is required").contains("outcome: is required");
  }

  /**
   * The engine keeps case-audit history (ADR 0008): no record of every variable change, of
   * identity links or of timers created and deleted; instead each completion's step record keeps
   * what was recorded, so answers a reopened task cleared are still there, with who and when.
   */
  @Test
  void eachCompletionKeepsItsAnswersInTheStepRecordNotInTheEngineVariableLog() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getName())
        .isEqualTo(CaseHistoryLevel.NAME);
    ProcessInstance instance = start();
    completeWork(instance, "sarah");
    clockAt(Instant.parse("2026-11-30T10:00:00Z"));
    api.post("/engine-rest/task/" + task(instance).getId() + "/complete", "tom",
        variables("approved", false, "managerRationale", "Please see the child alone"));
    clockAt(Instant.parse("2026-11-30T11:00:00Z"));
    // as Tasklist submits it
    Reply again = api.post("/engine-rest/task/" + task(instance).getId() + "/submit-form", "sarah",
        variables("summary", "Child seen alone", "outcome", "B", "reason", "Asked to be seen at school"));
    assertThat(again.status()).as(again.body()).isEqualTo(204);
    assertThat(instance).isWaitingAt("signOffWork");

    assertThat(steps.findByProcessInstanceIdOrderByCompletedAt(instance.getId()))
        .extracting(CompletedStep::getTaskKey, CompletedStep::getCompletedBy, CompletedStep::getAnswers)
        .containsExactly(
            tuple("doWork", "sarah", "{\"summary\":\"Child seen at home\",\"outcome\":\"A\"}"),
            tuple("signOffWork", "tom", "{\"approved\":false,\"managerRationale\":\"Please see the child alone\"}"),
            tuple("doWork", "sarah",
                "{\"summary\":\"Child seen alone\",\"outcome\":\"B\",\"reason\":\"Asked to be seen at school\"}"));
    Reply child = api.get("/api/children/" + childId, "sarah");
    assertThat(child.json().get("timeline").get(0).get("answers").get("summary").asText())
        .isEqualTo("Child seen at home");

    // not for this case, nor for any other the tests ran
    HistoryService history = engine.getHistoryService();
    assertThat(history.createHistoricDetailQuery().count()).isZero();
    assertThat(history.createHistoricIdentityLinkLogQuery().count()).isZero();
    assertThat(history.createHistoricJobLogQuery().creationLog().count()).isZero();
    assertThat(history.createHistoricJobLogQuery().deletionLog().count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("summary").singleResult().getValue()).isEqualTo("Child seen alone");
    assertThat(history.createUserOperationLogQuery().processInstanceId(instance.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
        .extracting(UserOperationLogEntry::getUserId).containsOnly("sarah", "tom").hasSizeGreaterThanOrEqualTo(3);
  }

  /**
   * The longest text the rules let through is stored by the engine (its text column holds 4,000
   * characters: longer answers used to pass the rules and fail in the database with a 500) and
   * kept whole in the step record, even made of characters JSON must escape.
   */
  @Test
  void theLongestAnswerTheRulesAllowIsStoredAndKeptWhole() {
    ProcessInstance instance = start();
    Reply tooLong = api.post("/engine-rest/task/" + task(instance).getId() + "/complete", "sarah",
        variables("summary", "x".repeat(FieldType.MAX_TEXT_LENGTH + 1), "outcome", "A"));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.message()).contains("summary: must be at most 4000 characters");
    assertThat(instance).isWaitingAt("doWork");
    assertThat(steps.findByProcessInstanceIdOrderByCompletedAt(instance.getId())).isEmpty();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "summary")).isNull();

    String longest = "\u0001".repeat(FieldType.MAX_TEXT_LENGTH);
    Reply reply = api.post("/engine-rest/task/" + task(instance).getId() + "/complete", "sarah",
        variables("summary", longest, "outcome", "A"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    String answers = steps.findByProcessInstanceIdOrderByCompletedAt(instance.getId()).get(0).getAnswers();
    assertThat(answers.length()).isGreaterThan(6 * FieldType.MAX_TEXT_LENGTH);
    assertThat(api.get("/api/children/" + childId, "sarah").json().get("timeline").get(0).get("answers")
        .get("summary").asText()).isEqualTo(longest);
  }

  @Test
  void aLateReasonIsPlainTextLikeEveryOtherAnswer() {
    ProcessInstance instance = start();
    clockAt(Instant.parse("2026-12-02T10:00:00Z"));
    Reply markup = completeReply(instance, "doWork", "sarah", variables("summary", "Seen", "outcome", "A",
        "lateReason", "Off sick <img src=x onerror=alert(1)>"));
    assertThat(markup.status()).as(markup.body()).isEqualTo(400);
    assertThat(markup.message()).contains("lateReason: must be plain text");
    assertThat(breachesOf(instance)).isEmpty();
    assertThat(steps.findByProcessInstanceIdOrderByCompletedAt(instance.getId())).isEmpty();
  }

  @Test
  void lateCompletionNeedsAReasonAndWritesOneBreach() {
    ProcessInstance instance = start();
    clockAt(Instant.parse("2026-12-02T10:00:00Z"));
    Task task = task(instance);
    Reply noReason = api.post("/engine-rest/task/" + task.getId() + "/complete", "sarah",
        variables("summary", "Seen", "outcome", "A"));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.message()).contains("lateReason: is required because this step was due by "
        + "2026-12-01T17:00:00Z");
    assertThat(breachesOf(instance)).isEmpty();

    Reply withReason = api.post("/engine-rest/task/" + task.getId() + "/complete", "sarah",
        variables("summary", "Seen", "outcome", "A", "lateReason", "Child was in hospital"));
    assertThat(withReason.status()).isEqualTo(204);
    List<Breach> recorded = breachesOf(instance);
    assertThat(recorded).singleElement().satisfies(breach -> {
      assertThat(breach.getCode()).isEqualTo(BreachCode.RHI_NOT_WITHIN_72H);
      assertThat(breach.getChildId()).isEqualTo(childId);
      assertThat(breach.getDueAt()).isEqualTo(Instant.parse(DUE));
      assertThat(breach.getDoneAt()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
      assertThat(breach.getDoneBy()).isEqualTo("sarah");
      assertThat(breach.getReason()).isEqualTo("Child was in hospital");
    });
  }

  @Test
  void deadlineTimerWritesTheBreachOnceEvenIfItsJobRunsTwice() {
    ProcessInstance instance = start();
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse(DUE)));
    clockAt(Instant.parse("2026-12-01T17:00:01Z"));
    engine.getManagementService().executeJob(timer.getId());
    assertThat(breachesOf(instance)).singleElement()
        .satisfies(breach -> assertThat(breach.getDoneAt()).isNull());

    // A job retried after a lost acknowledgement runs the same code again: still one row.
    engine.getRuntimeService().createProcessInstanceModification(instance.getId())
        .startBeforeActivity("serviceTask_recordBreach").execute();
    assertThat(breachesOf(instance)).hasSize(1);

    // Done late afterwards: the same row gets when, who and why.
    clockAt(Instant.parse("2026-12-02T08:00:00Z"));
    Reply late = api.post("/engine-rest/task/" + task(instance).getId() + "/complete", "sam",
        variables("summary", "Seen", "outcome", "A", "lateReason", "Strike day"));
    assertThat(late.status()).isEqualTo(204);
    assertThat(breachesOf(instance)).singleElement().satisfies(breach -> {
      assertThat(breach.getDoneBy()).isEqualTo("sam");
      assertThat(breach.getReason()).isEqualTo("Strike day");
    });
  }

  @Test
  void aFailingDeadlineJobIsRetriedThenBecomesAnIncidentAndRunsOnceWhenRepaired() {
    ProcessInstance instance = start();
    ManagementService management = engine.getManagementService();
    String jobId = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult().getId();
    engine.getRuntimeService().removeVariable(instance.getId(), "workDueAt"); // what the breach needs is gone
    Instant now = Instant.parse("2026-12-01T17:00:01Z");
    for (int attempt = 1; attempt <= 5; attempt++) {
      clockAt(now);
      assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("workDueAt is not set");
      Job failed = management.createJobQuery().jobId(jobId).singleResult();
      assertThat(failed.getRetries()).as("retries left after attempt %d", attempt).isEqualTo(5 - attempt);
      assertThat(failed.getExceptionMessage()).contains("Deadline variable workDueAt is not set");
      assertThat(breachesOf(instance)).as("a failed attempt keeps nothing").isEmpty();
      if (attempt < 5) {
        assertThat(failed.getDuedate()).as("tried again in 5 minutes").isEqualTo(Date.from(now.plusSeconds(300)));
        now = now.plusSeconds(300);
      }
    }
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getIncidentMessage()).contains("workDueAt is not set");
    assertThat(incident.getActivityId()).isEqualTo("timer_workDue");

    // An operator repairs the case and retries the job from Cockpit.
    engine.getRuntimeService().setVariable(instance.getId(), "workDueAt", DUE);
    management.setJobRetries(jobId, 1);
    management.executeJob(jobId);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(breachesOf(instance)).singleElement()
        .satisfies(breach -> assertThat(breach.getDueAt()).isEqualTo(Instant.parse(DUE)));
  }

  @Test
  void refusedLateCompletionLeavesNoBreach() {
    ProcessInstance instance = start();
    clockAt(Instant.parse("2026-12-03T10:00:00Z"));
    Reply reply = api.post("/engine-rest/task/" + task(instance).getId() + "/complete", "sarah",
        variables("outcome", "A", "lateReason", "Busy"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(breachesOf(instance)).isEmpty();
  }

  private ProcessInstance start() {
    Reply reply = api.post(START, "sarah", variables("childId", childId, "workDueAt", DUE));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(reply.json().get("id").asText()).singleResult();
  }

  private void completeWork(ProcessInstance instance, String user) {
    Reply reply = api.post("/engine-rest/task/" + task(instance).getId() + "/complete", user,
        variables("summary", "Child seen at home", "outcome", "A"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }

  private Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private long instanceCount() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(WorkflowFixture.PROCESS_KEY).count();
  }

  private List<Breach> breachesOf(ProcessInstance instance) {
    return breaches.findByProcessInstanceIdOrderByDueAt(instance.getId());
  }
}
