package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.opencsc.Variables;

/**
 * Tasklist's own door to the engine API ({@code /camunda/api/engine}), as the browser uses it
 * after logging in: the same guards and the same answers as {@code /engine-rest}.
 */
class TasklistDoorTest extends ApplicationTest {

  private static final String DOOR = "/camunda/api/engine/engine/default";

  @Test
  void aRefusedStepIsA400NamingTheFieldByItsLabelNotAServerError() {
    ProcessInstance episode = missingEpisode("EP-TASKLIST-DOOR");
    String taskId = task(episode, "assessMissingRisk").getId();
    Browser sarah = login("sarah");

    Reply refused = sarah.post(DOOR + "/task/" + taskId + "/submit-form",
        Variables.variables("riskLevel", "LOW", "riskSummary", "Stayed with a friend"));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    // The person at the form reads its labels; systems still get each field's name in "problems".
    assertThat(refused.message()).contains("\u201cChild sexual exploitation\u201d is required")
        .doesNotContain("cseRisk").doesNotContain("ENGINE-").doesNotContain(taskId);
    assertThat(refused.json().get("problems").findValuesAsText("field")).contains("cseRisk");
    assertThat(task(episode, "assessMissingRisk")).as("refused, so the step stays open").isNotNull();

    assertThat(sarah.post(DOOR + "/task/" + taskId + "/submit-form", lowRiskAssessment()).status()).isEqualTo(204);
    Reply again = sarah.post(DOOR + "/task/" + taskId + "/submit-form", lowRiskAssessment());
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.message()).contains("already completed by sarah");
  }

  @Test
  void aClaimedStepAndAPractitionersStartInsideAreRefusedHereToo() {
    ProcessInstance episode = missingEpisode("EP-TASKLIST-CLAIM");
    String taskId = task(episode, "assessMissingRisk").getId();
    assertThat(api.post("/engine-rest/task/" + taskId + "/claim", "sarah", Map.of("userId", "sarah")).status())
        .isEqualTo(204);
    Browser sam = login("sam");
    Reply bySam = sam.post(DOOR + "/task/" + taskId + "/submit-form", lowRiskAssessment());
    assertThat(bySam.status()).as(bySam.body()).isEqualTo(409);

    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("strategyDiscussion").latestVersion().singleResult().getId();
    Reply inside = sam.post(DOOR + "/process-definition/" + definition + "/submit-form", Map.of("variables", Map.of(),
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "endEvent_noFurtherAction"))));
    assertThat(inside.status()).as(inside.body()).isEqualTo(403);
  }

  private Browser login(String user) {
    String session = api.webappLogin(user, "tasklist").session();
    Reply page = api.send(api.request("/camunda/app/tasklist/default/", null).header("Cookie", "JSESSIONID=" + session));
    return new Browser(session, page.cookie("XSRF-TOKEN"));
  }

  /** What Tasklist sends: the session cookie and Camunda's CSRF token. */
  private final class Browser {
    private final String session;
    private final String token;

    Browser(String session, String token) {
      this.session = session;
      this.token = token;
    }

    Reply post(String path, Object body) {
      return api.send(api.request(path, null).header("Content-Type", "application/json")
          .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + token).header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }
  }

  private static String json(Object body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
