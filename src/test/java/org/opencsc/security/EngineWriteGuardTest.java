package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.net.http.HttpRequest;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;

/** Practitioners change a case only through its steps, even where engine permissions would allow more. */
class EngineWriteGuardTest extends ApplicationTest {

  @Test
  void aSocialWorkerCannotSetVariablesMoveTheCaseOrItsTimers() {
    String child = registerChild("Guard Child");
    Reply started = api.post("/engine-rest/process-definition/key/workflowFixture/start", "sarah",
        variables("childId", child, "workDueAt", "2030-01-01T10:00:00Z"));
    String instance = started.json().get("id").asText();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();

    assertForbidden(api.put("/engine-rest/process-instance/" + instance + "/variables/workDueAt", "sarah",
        Map.of("value", "2031-01-01T10:00:00Z", "type", "String")));
    assertForbidden(api.put("/engine-rest/task/" + task + "/variables/summary", "sarah",
        Map.of("value", "written without completing", "type", "String")));
    assertForbidden(api.post("/engine-rest/process-instance/" + instance + "/modification", "sarah",
        Map.of("instructions", java.util.List.of(Map.of("type", "startBeforeActivity", "activityId", "signOffWork")))));
    assertForbidden(api.put("/engine-rest/job/" + timer.getId() + "/duedate", "sarah",
        Map.of("duedate", "2031-01-01T10:00:00.000+0000")));
    assertForbidden(api.post("/engine-rest/task/" + task + "/bpmnError", "sarah", Map.of("errorCode", "x")));
    assertForbidden(api.send(api.request("/engine-rest/process-instance/" + instance, "sarah").DELETE()));

    assertThat(engine.getRuntimeService().getVariable(instance, "workDueAt")).isEqualTo("2030-01-01T10:00:00Z");
    assertThat(engine.getTaskService().getVariable(task, "summary")).isNull();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey("doWork").count())
        .isEqualTo(1);
  }

  @Test
  void theStepsThemselvesAndReadsStillWork() {
    String child = registerChild("Steps Child");
    Reply started = api.post("/engine-rest/process-definition/key/workflowFixture/start", "sarah",
        variables("childId", child, "workDueAt", "2030-01-01T10:00:00Z"));
    assertThat(started.status()).isEqualTo(200);
    String instance = started.json().get("id").asText();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    assertThat(api.post("/engine-rest/task/" + task + "/claim", "sarah", Map.of("userId", "sarah")).status()).isEqualTo(204);
    assertThat(api.post("/engine-rest/process-instance/count", "sarah", Map.of()).status()).isEqualTo(200);
    assertThat(api.get("/engine-rest/task/" + task + "/variables", "sarah").status()).isEqualTo(200);
    assertThat(api.post("/engine-rest/task/" + task + "/complete", "sarah",
        variables("summary", "Seen", "outcome", "A")).status()).isEqualTo(204);
  }

  @Test
  void anAdministratorMayRepairACase() {
    String child = registerChild("Repair Child");
    String instance = api.post("/engine-rest/process-definition/key/workflowFixture/start", "sarah",
        variables("childId", child, "workDueAt", "2030-01-01T10:00:00Z")).json().get("id").asText();
    Reply reply = api.put("/engine-rest/process-instance/" + instance + "/variables/note", "admin",
        Map.of("value", "Data correction agreed with the team manager", "type", "String"));
    assertThat(reply.status()).isEqualTo(204);
  }

  private static void assertForbidden(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(403);
  }

}
