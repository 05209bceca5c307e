package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.opencsc.ExpressionProbe;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CVE-2026-109432: Camunda 7.24.0 CE evaluates expressions inside a task query's orQueries even
 * with ad-hoc expressions off. Any expression in a task query is refused on both engine doors.
 */
class ExpressionGuardTest extends ApplicationTest {

  private static final String PAYLOAD = "${execution.getProcessEngineServices().getIdentityService()}";

  @Autowired
  private ExpressionProbe probe;

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
  /**
   * The engine's JSON reader detects UTF-16 and UTF-32 (with or without a byte order mark) and
   * reads them; a guard reading the same bytes as UTF-8 saw no expression. Only UTF-8 passes,
   * and what passes is read as the engine reads it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void aBodyInAnyOtherEncodingIsRefusedOnEveryDoor(String name, byte[] body) {
    for (String door : List.of("/engine-rest/task", "/engine-rest/task/count",
        "/engine-rest/engine/default/task", "/camunda/api/engine/engine/default/task")) {
      Reply reply = api.send(api.request(door, "sarah").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
      assertThat(reply.status()).as(name + " on " + door + ": " + reply.body()).isEqualTo(400);
    }
    assertThat(probe.evaluations()).as("the expression never ran").isZero();
  }

  static Stream<Arguments> encodings() {
    String query = "{\"orQueries\":[{\"assigneeExpression\":\"" + ExpressionProbe.PAYLOAD + "\"}]}";
    byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    return Stream.of(
        Arguments.of("UTF-8", query.getBytes(StandardCharsets.UTF_8)),
        Arguments.of("UTF-8 with BOM", concat(utf8Bom, query.getBytes(StandardCharsets.UTF_8))),
        Arguments.of("UTF-8, \\u0024{ escaped", query.replace("${", "\\u0024{").getBytes(StandardCharsets.UTF_8)),
        Arguments.of("UTF-8, #{", query.replace("${", "#{").getBytes(StandardCharsets.UTF_8)),
        Arguments.of("UTF-16LE", query.getBytes(StandardCharsets.UTF_16LE)),
        Arguments.of("UTF-16BE", query.getBytes(StandardCharsets.UTF_16BE)),
        Arguments.of("UTF-16 with BOM", query.getBytes(StandardCharsets.UTF_16)),
        Arguments.of("UTF-16LE, \\u0024{ escaped", query.replace("${", "\\u0024{").getBytes(StandardCharsets.UTF_16LE)),
        Arguments.of("UTF-32BE", query.getBytes(Charset.forName("UTF-32BE"))),
        Arguments.of("UTF-32LE", query.getBytes(Charset.forName("UTF-32LE"))),
        Arguments.of("UTF-32 with BOM", concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF},
            query.getBytes(Charset.forName("UTF-32BE")))));
  }

  /** The engine's path after decoding: an encoded letter, a doubled slash, a path parameter. */
  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/%74ask", "/engine-rest//task", "/engine-rest/./task",
      "/engine-rest/task/", "/engine-rest/x/../task", "/engine-rest/task;x=1", "/engine-rest/task%2Fcount",
      "/camunda/api/engine/engine/default/%74ask", "/engine-rest/engine/%64efault/task"})
  void theGuardReadsThePathTheEngineReads(String door) {
    Reply reply = api.send(api.request(door, "sarah").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"orQueries\":[{\"assigneeExpression\":\"" + ExpressionProbe.PAYLOAD + "\"}]}")));
    assertThat(reply.status()).as(door + ": " + reply.body()).isBetween(400, 404);
    assertThat(probe.evaluations()).as("the expression never ran").isZero();
  }

  /** A compressed body would be read after the guard has looked at the compressed bytes. */
  @Test
  void aCompressedBodyIsRefused() throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(("{\"orQueries\":[{\"assigneeExpression\":\"" + ExpressionProbe.PAYLOAD + "\"}]}").getBytes(StandardCharsets.UTF_8));
    }
    Reply reply = api.send(api.request("/engine-rest/task", "sarah").header("Content-Type", "application/json")
        .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())));
    assertThat(reply.status()).as(reply.body()).isEqualTo(415);
    assertThat(probe.evaluations()).as("the expression never ran").isZero();
  }

  @Test
  void aUtf8BodyStillWorksWithAndWithoutAByteOrderMark() {
    String query = "{\"orQueries\":[{\"assignee\":\"sarah\"}]}";
    for (byte[] body : List.of(query.getBytes(StandardCharsets.UTF_8),
        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, query.getBytes(StandardCharsets.UTF_8)))) {
      Reply reply = api.send(api.request("/engine-rest/task?maxResults=10", "sarah")
          .header("Content-Type", "application/json; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
