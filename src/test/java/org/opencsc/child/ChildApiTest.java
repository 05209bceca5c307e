package org.opencsc.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /api/children}: register, read with cases, refuse bad input naming the field. */
class ChildApiTest extends ApplicationTest {

  @Autowired
  private ChildRepository children;

  @Test
  void registeredChildCanBeReadWithItsCases() {
    String id = registerChild("Amira Khan");
    Reply start = api.post("/engine-rest/process-definition/key/workflowFixture/start", "sarah",
        variables("childId", id, "workDueAt", "2030-01-01T10:00:00Z"));
    assertThat(start.status()).isEqualTo(200);

    Reply reply = api.get("/api/children/" + id, "tom");
    assertThat(reply.status()).isEqualTo(200);
    JsonNode child = reply.json();
    assertThat(child.get("name").asText()).isEqualTo("Amira Khan");
    assertThat(child.get("dateOfBirth").asText()).isEqualTo("2012-04-01");
    assertThat(child.get("lookedAfter").asBoolean()).isTrue();
    assertThat(child.get("disabled").asBoolean()).isFalse();
    assertThat(child.get("openCases")).hasSize(1);
    assertThat(child.get("openCases").get(0).get("process").asText()).isEqualTo("workflowFixture");
    assertThat(child.get("closedCases")).isEmpty();
    assertThat(child.get("breaches")).isEmpty();
  }

  @Test
  void unknownChildIs404() {
    assertThat(api.get("/api/children/no-such-child", "sarah").status()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0}={1} is refused")
  @CsvSource(delimiter = '|', value = {
      "name|<absent>|name: is required",
      "name|'   '|name: is required",
      "dateOfBirth|<absent>|dateOfBirth: is required",
      "dateOfBirth|01/04/2012|dateOfBirth: must be a date such as",
      "dateOfBirth|2012-02-30|dateOfBirth: must be a date such as",
      "dateOfBirth|2999-01-01|dateOfBirth: must not be in the future",
      "lookedAfter|yes|lookedAfter: must be true or false",
      "nickname|Mo|nickname: is not a field of a child"})
  void badInputIs400NamingTheFieldAndWritesNothing(String field, String value, String message) {
    long before = children.count();
    Map<String, Object> body = new HashMap<>(Map.of("name", "Mo Field", "dateOfBirth", "2012-04-01"));
    if ("<absent>".equals(value)) {
      body.remove(field);
    } else {
      body.put(field, value);
    }
    Reply reply = api.post("/api/children", "sarah", body);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains(message);
    assertThat(children.count()).isEqualTo(before);
  }

  @Test
  void tooLongNameAndNonJsonAreRefused() {
    Reply longName = api.post("/api/children", "sarah",
        Map.of("name", "x".repeat(201), "dateOfBirth", "2012-04-01"));
    assertThat(longName.status()).isEqualTo(400);
    assertThat(longName.message()).contains("name: must be at most 200 characters");
    Reply notJson = api.post("/api/children", "sarah", "not json");
    assertThat(notJson.status()).isEqualTo(400);
  }
}
