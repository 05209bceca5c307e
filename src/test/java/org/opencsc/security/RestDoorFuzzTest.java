package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.opencsc.ExpressionProbe;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A fuzz pass over the doors to the engine and our API (issue 21): generated bodies in every
 * encoding the engine's JSON reader accepts, deep nesting, numbers no type holds, unknown and
 * repeated fields, expressions hidden anywhere, cut-off documents. No door may answer with a
 * server error, and no expression may ever be evaluated. The bodies come from a fixed seed, so a
 * failure repeats; {@code -Dfuzz.seed} and {@code -Dfuzz.bodies} try others.
 */
class RestDoorFuzzTest extends ApplicationTest {

  private static final long SEED = Long.getLong("fuzz.seed", 20261205L);
  private static final int BODIES = Integer.getInteger("fuzz.bodies", 40);

  /** Field names the doors know, so generated bodies reach past the first check. */
  private static final List<String> KNOWN = List.of("variables", "orQueries", "assigneeExpression",
      "candidateGroupExpression", "dueBeforeExpression", "processVariables", "processVariablesLocal",
      "processVariablesToTriggeredScope", "businessKey", "processInstanceId", "messageName", "all",
      "resultEnabled", "variablesInResultEnabled", "startInstructions", "skipCustomListeners", "query",
      "resourceType", "name", "value", "type", "childId", "dateOfBirth", "lookedAfter", "disabled", "riskLevel",
      "riskSummary", "withVariablesInReturn", "sorting", "maxResults", "firstResult", "correlationKeys");
  private static final List<String> EXPRESSIONS = List.of(ExpressionProbe.PAYLOAD, "#{expressionProbe.touch()}",
      "\\u0024{expressionProbe.touch()}", "x ${expressionProbe.touch()} y", "\\u0023{expressionProbe.touch()}");
  private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
      StandardCharsets.UTF_16BE, StandardCharsets.UTF_16, Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE"));

  @Autowired
  private ExpressionProbe probe;

  @Test
  void noGeneratedBodyGetsAServerErrorOrAnEvaluatedExpression() {
    ProcessInstance episode = missingEpisode("EP-FUZZ");
    String openTask = task(episode, "assessMissingRisk").getId();
    List<String> doors = List.of("/engine-rest/task?maxResults=5", "/engine-rest/task/count",
        "/engine-rest/filter/create", "/engine-rest/process-definition/key/missingEpisode/start",
        "/engine-rest/process-definition/key/strategyDiscussion/start",
        "/engine-rest/process-definition/key/privateFostering/submit-form",
        "/engine-rest/process-definition/key/adoptionDecision/start", "/engine-rest/message",
        "/engine-rest/task/" + openTask + "/complete", "/engine-rest/task/" + openTask + "/submit-form",
        "/engine-rest/process-instance?maxResults=5", "/engine-rest/history/process-instance?maxResults=5",
        "/engine-rest/variable-instance?maxResults=5", "/api/children",
        "/camunda/api/engine/engine/default/task?maxResults=5");
    int before = probe.evaluations();
    Random random = new Random(SEED);
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (String door : doors) {
      for (int i = 0; i < BODIES; i++) {
        byte[] body = body(random);
        Reply reply = api.send(api.request(door, door.startsWith("/camunda") ? null : "sarah")
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        statuses.merge(reply.status(), 1, Integer::sum);
        assertThat(reply.status()).as("%s with body %s: %s", door, printable(body), reply.body())
            .isBetween(200, 499);
        assertThat(reply.body()).as(door).doesNotContainIgnoringCase("SQL");
        assertThat(probe.evaluations()).as("%s with body %s evaluated an expression", door, printable(body))
            .isEqualTo(before);
      }
    }
    System.out.printf("Fuzz: %d bodies at %d doors, answers %s, 0 server errors, 0 expressions evaluated (seed %d)%n",
        BODIES * doors.size(), doors.size(), statuses, SEED);
  }

  /** A JSON document, sometimes broken, in one of the encodings the engine's reader would detect. */
  private static byte[] body(Random random) {
    String json = switch (random.nextInt(10)) {
      case 0 -> "[".repeat(2000 + random.nextInt(4000));
      case 1 -> {
        String whole = value(random, 0);
        yield whole.substring(0, random.nextInt(whole.length() + 1));
      }
      case 2 -> "{\"orQueries\":[{\"assignee\":\"sarah\"}],\"orQueries\":[{\"assigneeExpression\":\""
          + pick(random, EXPRESSIONS) + "\"}]}";
      default -> object(random, 0);
    };
    Charset encoding = random.nextInt(3) == 0 ? pick(random, ENCODINGS) : StandardCharsets.UTF_8;
    byte[] bytes = json.getBytes(encoding);
    if (encoding == StandardCharsets.UTF_8 && random.nextInt(8) == 0) {
      byte[] withBom = Arrays.copyOf(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 3 + bytes.length);
      System.arraycopy(bytes, 0, withBom, 3, bytes.length);
      return withBom;
    }
    return bytes;
  }

  private static String object(Random random, int depth) {
    List<String> fields = new ArrayList<>();
    int size = random.nextInt(depth == 0 ? 6 : 4);
    for (int i = 0; i < size; i++) {
      String name = random.nextInt(4) == 0 ? "x" + Integer.toHexString(random.nextInt()) : pick(random, KNOWN);
      fields.add(quote(name) + ":" + value(random, depth + 1));
    }
    return "{" + String.join(",", fields) + "}";
  }

  private static String value(Random random, int depth) {
    int choice = depth > 12 ? 4 + random.nextInt(6) : random.nextInt(10);
    return switch (choice) {
      case 0, 1 -> object(random, depth);
      case 2 -> {
        List<String> items = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          items.add(value(random, depth + 1));
        }
        yield "[" + String.join(",", items) + "]";
      }
      case 3 -> quote(pick(random, EXPRESSIONS));
      case 4 -> pick(random, List.of("1e400", "-1e400", "123456789012345678901234567890", "-0", "9223372036854775808",
          "0.0000000000000000000000001", "1E-400", "2147483648"));
      case 5 -> pick(random, List.of("true", "false", "null"));
      case 6 -> quote(pick(random, List.of("", "2026-12-05T09:00:00Z", "2026-13-45", "social-workers", "<script>x</script>",
          "a".repeat(5000), "\\u0000", "\\ud800", "é€😀", "MISSING", "LOW")));
      case 7 -> quote("x".repeat(random.nextInt(100)));
      case 8 -> "{\"value\":" + value(random, depth + 1) + ",\"type\":" + quote(pick(random,
          List.of("String", "Boolean", "Integer", "Long", "Double", "Date", "Json", "Object", "Bytes", "File", "Null", "Xml")))
          + "}";
      default -> String.valueOf(random.nextInt());
    };
  }

  private static String quote(String text) {
    return "\"" + text.replace("\"", "\\\"") + "\"";
  }

  private static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private static String printable(byte[] body) {
    String text = new String(body, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "·");
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
