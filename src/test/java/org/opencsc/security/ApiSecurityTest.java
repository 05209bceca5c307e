package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencsc.Api;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;

/** Who may call the APIs: 401 without credentials, 403 outside one's groups, throttled logins. */
class ApiSecurityTest extends ApplicationTest {

  @Test
  void engineRestWithoutCredentialsIs401WithBasicChallenge() {
    Reply reply = api.get("/engine-rest/task?maxResults=10", null);
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.wwwAuthenticate()).startsWith("Basic realm=");
  }

  @Test
  void ourApiWithoutCredentialsIs401() {
    assertThat(api.get("/api/children/anything", null).status()).isEqualTo(401);
    assertThat(api.post("/api/children", null, Map.of("name", "X")).status()).isEqualTo(401);
  }

  @Test
  void wrongPasswordOrUnknownUserIs401() {
    Reply wrong = api.send(api.request("/engine-rest/task?maxResults=10", null)
        .header("Authorization", Api.basic("tina", "not-her-password")).GET());
    assertThat(wrong.status()).isEqualTo(401);
    Reply unknown = api.get("/engine-rest/task?maxResults=10", "nobody");
    assertThat(unknown.status()).isEqualTo(401);
  }

  @Test
  void aKnownUserIsLetIn() {
    assertThat(api.get("/engine-rest/task?maxResults=10", "sarah").status()).isEqualTo(200);
  }

  @Test
  void actingOutsideOnesGroupsIs403() {
    // An analyst reads in Cockpit but does not start cases.
    Reply start = api.post("/engine-rest/process-definition/key/workflowFixture/start", "alex",
        variables("childId", "x"));
    assertThat(start.status()).as(start.body()).isEqualTo(403);
    // Only administrators manage users.
    Reply createUser = api.post("/engine-rest/user/create", "sarah",
        Map.of("profile", Map.of("id", "mallory"), "credentials", Map.of("password", "secret")));
    assertThat(createUser.status()).as(createUser.body()).isEqualTo(403);
    assertThat(engine.getIdentityService().createUserQuery().userId("mallory").count()).isZero();
    // An analyst does not register children or read their records.
    assertThat(api.post("/api/children", "alex", Map.of("name", "X", "dateOfBirth", "2015-01-01"))
        .status()).isEqualTo(403);
    assertThat(api.get("/api/children/x", "alex").status()).isEqualTo(403);
  }

  @Test
  void loginThrottlingRefusesTheRightPasswordJustAfterAWrongOne() {
    clockAt(Instant.parse("2026-11-30T09:00:00Z"));
    Reply wrong = api.send(api.request("/engine-rest/task?maxResults=10", null)
        .header("Authorization", Api.basic("pete", "guess")).GET());
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(api.get("/engine-rest/task?maxResults=10", "pete").status()).isEqualTo(401);
    // After the delay the right password works again.
    clockAt(Instant.parse("2026-11-30T09:01:00Z"));
    assertThat(api.get("/engine-rest/task?maxResults=10", "pete").status()).isEqualTo(200);
  }

  @Test
  void unboundedTaskQueriesAreRefused() {
    Reply reply = api.get("/engine-rest/task", "sarah");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains("An unbound number of results is forbidden");
  }

  @Test
  void queriesAboveTheResultLimitAreRefused() {
    Reply reply = api.get("/engine-rest/task?firstResult=0&maxResults=5000", "sarah");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message()).contains("Max results limit of 2000 exceeded");
  }
}
