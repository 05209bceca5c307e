package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;

/**
 * CVE-2026-109432: Camunda 7.24.0 CE evaluates expressions inside a task query's orQueries even
 * with ad-hoc expressions off. Any expression in a task query is refused on both engine doors.
 */
class ExpressionGuardTest extends ApplicationTest {

  private static final String PAYLOAD = "${execution.getProcessEngineServices().getIdentityService()}";

  @Test
  void expressionInsideOrQueriesIsRefused() {
    Reply reply = api.post("/engine-rest/task?maxResults=10", "sarah",
        Map.of("orQueries", List.of(Map.of("assigneeExpression", PAYLOAD))));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains("orQueries[0].assigneeExpression")
        .contains("expressions are not allowed");
  }

  @Test
  void expressionHiddenByJsonEscapesIsRefused() {
    Reply reply = api.post("/engine-rest/task/count", "sarah",
        "{\"orQueries\":[{\"candidateGroupExpression\":\"\\u0024{currentUser()}\"}]}");
    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void expressionInQueryParameterIsRefused() {
    Reply reply = api.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D", "sarah");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains("query parameter assigneeExpression");
  }

  @Test
  void evenAnAdministratorsAdHocQueryGetsNoExpressions() {
    Reply reply = api.post("/engine-rest/task?maxResults=10", "admin",
        Map.of("orQueries", List.of(Map.of("assigneeExpression", "#{currentUser()}"))));
    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void tasklistsEngineApiIsGuardedToo() {
    Reply reply = api.post("/camunda/api/engine/engine/default/task", null,
        Map.of("orQueries", List.of(Map.of("assigneeExpression", PAYLOAD))));
    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void plainQueriesStillWork() {
    Reply reply = api.post("/engine-rest/task?maxResults=10", "sarah",
        Map.of("orQueries", List.of(Map.of("assignee", "sarah", "candidateGroup", "social-workers"))));
    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void onlyAdministratorsStoreFiltersWithExpressions() {
    Map<String, Object> filter = Map.of("resourceType", "Task", "name", "Mine",
        "query", Map.of("assigneeExpression", "${currentUser()}"));
    Reply bySocialWorker = api.post("/engine-rest/filter/create", "sarah", filter);
    assertThat(bySocialWorker.status()).isEqualTo(400);
    assertThat(bySocialWorker.message()).contains("query.assigneeExpression");

    Reply byAdmin = api.post("/engine-rest/filter/create", "admin", filter);
    assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
    String filterId = byAdmin.json().get("id").asText();

    // Changing a stored filter is storing it again.
    Reply update = api.put("/engine-rest/filter/" + filterId, "sarah", filter);
    assertThat(update.status()).isEqualTo(400);
    // Running it with an extending query is an ad-hoc query: no expressions from anyone.
    Reply extending = api.post("/engine-rest/filter/" + filterId + "/list", "admin",
        Map.of("orQueries", List.of(Map.of("assigneeExpression", PAYLOAD))));
    assertThat(extending.status()).isEqualTo(400);
  }

  @Test
  void practitionersMayStoreFiltersWithoutExpressions() {
    Reply reply = api.post("/engine-rest/filter/create", "sam", Map.of("resourceType", "Task",
        "name", "Social work tasks", "query", Map.of("candidateGroup", "social-workers")));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }
}
