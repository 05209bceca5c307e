package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;

/**
 * Issue 21's findings on the scope of a practitioner's request, each sent as it was reproduced:
 * a case started at any activity, one message reaching every case, comments and attachments on
 * tasks one cannot see, a task claimed by one worker completed by another.
 */
class CaseScopeGuardTest extends ApplicationTest {

  private static final String LEAVE_AS_NO_FURTHER_ACTION =
      "[{\"type\":\"startBeforeActivity\",\"activityId\":\"endEvent_noFurtherAction\"}]";

  @Test
  void aSocialWorkerCannotStartACaseAtItsEnd() {
    String child = registerChild("Skipped Child");
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("strategyDiscussion").count();
    Map<String, Object> body = referral(child);
    for (Map<String, Object> skipping : List.<Map<String, Object>>of(
        Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "endEvent_noFurtherAction"))),
        Map.of("skipCustomListeners", true), Map.of("skipIoMappings", true))) {
      Map<String, Object> sent = new HashMap<>(body);
      sent.putAll(skipping);
      for (String door : List.of("/engine-rest/process-definition/key/strategyDiscussion/start",
          "/engine-rest/process-definition/key/strategyDiscussion/submit-form")) {
        Reply reply = api.post(door, "sarah", sent);
        assertThat(reply.status()).as(door + " " + skipping.keySet() + ": " + reply.body()).isEqualTo(403);
        assertThat(reply.message()).contains("starts at its start event");
      }
    }
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("strategyDiscussion").count()).as("no case was started").isEqualTo(before);
    // the same start at the start event is the practitioner's to make
    assertThat(api.post("/engine-rest/process-definition/key/strategyDiscussion/start", "sarah", body).status())
        .isEqualTo(200);
  }

  @Test
  void anAdministratorMayStartInsideAndMustSayWhyACaseIsMoved() {
    String child = registerChild("Repaired Child");
    Map<String, Object> body = new HashMap<>(referral(child));
    body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "scheduleStrategyDiscussion")));
    Reply started = api.post("/engine-rest/process-definition/key/strategyDiscussion/start", "admin", body);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().get("id").asText();

    Map<String, Object> move = new HashMap<>(Map.of("instructions", List.of(
        Map.of("type", "cancel", "activityId", "scheduleStrategyDiscussion"),
        Map.of("type", "startBeforeActivity", "activityId", "scheduleStrategyDiscussion"))));
    Reply withoutReason = api.post("/engine-rest/process-instance/" + instance + "/modification", "admin", move);
    assertThat(withoutReason.status()).as(withoutReason.body()).isEqualTo(400);
    assertThat(withoutReason.message()).startsWith("annotation:");
    move.put("annotation", "Scheduling step reopened at the team manager's request (ticket 42)");
    Reply withReason = api.post("/engine-rest/process-instance/" + instance + "/modification", "admin", move);
    assertThat(withReason.status()).as(withReason.body()).isEqualTo(204);
    assertThat(engine.getHistoryService().createUserOperationLogQuery().processInstanceId(instance)
        .operationType("ModifyProcessInstance").list()).extracting(entry -> entry.getAnnotation())
        .contains("Scheduling step reopened at the team manager's request (ticket 42)");
  }

  @Test
  void aMessageReachesOneNamedCaseOnly() {
    ProcessInstance first = missingEpisode("EP-SCOPE-1");
    ProcessInstance second = missingEpisode("EP-SCOPE-2");
    Map<String, Object> returned = Map.of("returnedAt", Map.of("value", Instant.now().toString(), "type", "String"));

    Reply toAll = api.post("/engine-rest/message", "sarah", Map.of("messageName", "ChildReturned", "all", true,
        "processVariables", returned));
    assertThat(toAll.status()).as(toAll.body()).isEqualTo(403);
    Reply toNone = api.post("/engine-rest/message", "sarah", Map.of("messageName", "ChildReturned",
        "processVariables", returned));
    assertThat(toNone.status()).as(toNone.body()).isEqualTo(400);
    assertThat(toNone.message()).contains("businessKey");
    Reply withVariables = api.post("/engine-rest/message", "sarah", Map.of("messageName", "ChildReturned",
        "businessKey", "EP-SCOPE-1", "processVariables", returned, "resultEnabled", true,
        "variablesInResultEnabled", true));
    assertThat(withVariables.status()).as(withVariables.body()).isEqualTo(403);
    Reply smuggled = api.post("/engine-rest/message", "sarah", Map.of("messageName", "ChildReturned",
        "businessKey", "EP-SCOPE-1", "processVariables", returned,
        "processVariablesToTriggeredScope", Map.of("repeatMissing", Map.of("value", false, "type", "Boolean"))));
    assertThat(smuggled.status()).as(smuggled.body()).isEqualTo(400);
    assertThat(smuggled.message()).contains("repeatMissing");
    for (ProcessInstance episode : List.of(first, second)) {
      assertThat(task(episode, "recordReturn")).as("still missing: nothing was correlated").isNotNull();
    }

    Reply one = api.post("/engine-rest/message", "sarah", Map.of("messageName", "ChildReturned",
        "businessKey", "EP-SCOPE-1", "processVariables", returned, "resultEnabled", true));
    assertThat(one.status()).as(one.body()).isEqualTo(200);
    assertThat(task(first, "recordReturn")).isNull();
    assertThat(task(second, "recordReturn")).as("the other child is still missing").isNotNull();
  }

  @Test
  void commentsAndAttachmentsAreAsVisibleAsTheirTask() {
    ProcessInstance episode = missingEpisode("EP-NOTES");
    String taskId = task(episode, "assessMissingRisk").getId();
    assertThat(api.get("/engine-rest/task/" + taskId, "pam").status()).isEqualTo(404);

    assertThat(api.get("/engine-rest/task/" + taskId + "/comment", "pam").status()).isEqualTo(404);
    assertThat(api.post("/engine-rest/task/" + taskId + "/comment/create", "pam", Map.of("message", "seen")).status())
        .isEqualTo(404);
    assertThat(api.get("/engine-rest/task/" + taskId + "/attachment", "pam").status()).isEqualTo(404);
    assertThat(attach(taskId, "pam", "https://example.org/report").status()).isEqualTo(404);
    assertThat(engine.getTaskService().getTaskComments(taskId)).isEmpty();
    assertThat(engine.getTaskService().getTaskAttachments(taskId)).isEmpty();

    assertThat(api.post("/engine-rest/task/" + taskId + "/comment/create", "sarah", Map.of("message", "Police informed"))
        .status()).isEqualTo(200);
    assertThat(api.get("/engine-rest/task/" + taskId + "/comment", "sam").json()).hasSize(1);
    assertThat(attach(taskId, "sarah", "https://records.council.example/case/1").status()).isEqualTo(200);
    assertThat(engine.getTaskService().getTaskComments(taskId)).hasSize(1);
  }

  @Test
  void anAttachmentLinksOnlyToAnHttpsAddress() {
    ProcessInstance episode = missingEpisode("EP-LINKS");
    String taskId = task(episode, "assessMissingRisk").getId();
    for (String url : List.of("javascript:alert(document.cookie)", "JavaScript:alert(1)", " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "http://plain.example/", "vbscript:x", "https:relative")) {
      Reply reply = attach(taskId, "sarah", url);
      assertThat(reply.status()).as(url + ": " + reply.body()).isEqualTo(400);
      assertThat(reply.message()).startsWith("url:");
    }
    assertThat(engine.getTaskService().getTaskAttachments(taskId)).isEmpty();
  }

  @Test
  void aTaskClaimedByOneWorkerIsNotCompletedByAnother() {
    ProcessInstance episode = missingEpisode("EP-CLAIMED");
    String taskId = task(episode, "assessMissingRisk").getId();
    assertThat(api.post("/engine-rest/task/" + taskId + "/claim", "sarah", Map.of("userId", "sarah")).status())
        .isEqualTo(204);

    Reply bySam = completeReply(episode, "assessMissingRisk", "sam", lowRiskAssessment());
    assertThat(bySam.status()).as(bySam.body()).isEqualTo(409);
    assertThat(bySam.message()).contains("claimed by sarah");
    complete(episode, "assessMissingRisk", "sarah", lowRiskAssessment());
  }

  /** An answer typed as a Java object would have the server build whatever class the caller names. */
  @Test
  void anAnswerIsAPlainValueNeverAnObjectTheServerWouldBuild() {
    ProcessInstance episode = missingEpisode("EP-OBJECT");
    for (String type : List.of("Object", "Json", "Xml", "Bytes", "File", "object")) {
      Map<String, Object> answers = new HashMap<>(lowRiskAssessment());
      @SuppressWarnings("unchecked")
      Map<String, Object> variables = new HashMap<>((Map<String, Object>) answers.get("variables"));
      variables.put("riskSummary", Map.of("type", type, "value", "{\"url\":\"jdbc:h2:mem:x\"}",
          "valueInfo", Map.of("objectTypeName", "org.h2.jdbcx.JdbcDataSource", "serializationDataFormat", "application/json")));
      answers.put("variables", variables);
      Reply reply = completeReply(episode, "assessMissingRisk", "sarah", answers);
      assertThat(reply.status()).as(type + ": " + reply.body()).isEqualTo(400);
      assertThat(reply.message()).contains("riskSummary: must be a plain value");
    }
  }

  private Map<String, Object> referral(String child) {
    return variables("childId", child, "referralReceivedAt", Instant.now().minusSeconds(3600).toString(),
        "concern", "Bruising seen at school");
  }

  private Reply attach(String taskId, String user, String url) {
    String boundary = "----opencsc" + System.nanoTime();
    StringBuilder form = new StringBuilder();
    for (String[] part : List.of(new String[] {"attachment-name", "Report"}, new String[] {"attachment-type", "link"},
        new String[] {"url", url})) {
      form.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(part[0])
          .append("\"\r\n\r\n").append(part[1]).append("\r\n");
    }
    form.append("--").append(boundary).append("--\r\n");
    return api.send(api.request("/engine-rest/task/" + taskId + "/attachment/create", user)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8)));
  }
}
