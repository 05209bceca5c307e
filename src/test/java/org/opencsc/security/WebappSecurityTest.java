package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.opencsc.rules.Groups;

/**
 * The webapps: admin setup closed for good (CVE-2026-77226), hardened cookies, app access per
 * group, no engine version for anonymous visitors, a bad CSRF token refused without a log-out, and
 * no error page of its own (issue 21).
 */
class WebappSecurityTest extends ApplicationTest {

  @Test
  void adminSetupEndpointIsClosedAndCreatesNobody() {
    Reply reply = api.send(api.request("/camunda/api/admin/setup/default/user/create", null)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}")));
    assertThat(reply.status()).isEqualTo(403);
    IdentityService identity = engine.getIdentityService();
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void camundaAdminAlwaysHasADirectMember() {
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count())
        .isPositive();
  }

  /**
   * Operaton keeps an admin group of its own (operaton-admin); its setup page opens and its
   * webapps send every page there while that group has no direct member. On every engine, each
   * admin group the engine knows has exactly camunda-admin's members.
   */
  @Test
  void everyAdminGroupOfTheEngineHasTheMembersOfCamundaAdmin() {
    IdentityService identity = engine.getIdentityService();
    List<String> adminGroups = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getAdminGroups();
    assertThat(adminGroups).contains(Groups.CAMUNDA_ADMIN);
    List<String> administrators = members(identity, Groups.CAMUNDA_ADMIN);
    assertThat(administrators).isNotEmpty();
    for (String group : adminGroups) {
      assertThat(members(identity, group)).as(group).containsExactlyInAnyOrderElementsOf(administrators);
    }
  }

  private static List<String> members(IdentityService identity, String group) {
    return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList();
  }

  @Test
  void tasklistLoginSetsSecureSameSiteCookiesOutsideTheDemoProfile() {
    Reply reply = login("sarah", "tasklist");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.cookies()).isNotEmpty().allSatisfy(cookie -> assertThat(cookie)
        .containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Strict"));
  }

  @Test
  void eachGroupReachesOnlyItsApplications() {
    assertThat(login("sarah", "tasklist").status()).isEqualTo(200);
    assertThat(login("sarah", "cockpit").status()).isEqualTo(403);
    assertThat(login("alex", "cockpit").status()).isEqualTo(200);
    assertThat(login("alex", "tasklist").status()).isEqualTo(403);
    assertThat(login("tom", "admin").status()).isEqualTo(403);
    assertThat(login("admin", "admin").status()).isEqualTo(200);
  }

  @Test
  void everyCookieTheWebappsSetIsSecureAndSameSite() {
    Reply page = api.get("/camunda/app/tasklist/default/", null);
    assertThat(page.cookies()).isNotEmpty().allSatisfy(cookie -> assertThat(cookie)
        .containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Strict"));
  }

  @Test
  void noPageShowsAnonymousVisitorsTheEngineVersion() {
    String version = ProductPropertiesUtil.getProductVersion();
    assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*");
    for (String app : new String[] {"welcome", "tasklist", "cockpit", "admin"}) {
      Reply page = api.get("/camunda/app/" + app + "/default/", null);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).as(app).contains("cam-widget-footer", "?bust=").doesNotContain(version);
    }
    // Nor do the engine API's version answers; the list of engines has names only.
    assertThat(api.get("/camunda/api/engine/engine/default/version", null).status()).isEqualTo(401);
    assertThat(api.get("/engine-rest/version", null).status()).isEqualTo(401);
    Reply engines = api.get("/camunda/api/engine/engine/", null);
    assertThat(engines.body()).isEqualTo("[{\"name\":\"default\"}]");
    // The log-in page still logs in.
    assertThat(login("sarah", "tasklist").status()).isEqualTo(200);
  }

  @Test
  void theErrorPageAskedForDirectlyIsNotFoundAndSaysNothingMore() {
    for (String path : new String[] {"/error", "/error/", "/error?status=500"}) {
      for (String user : new String[] {null, "admin"}) {
        Reply reply = api.get(path, user);
        assertThat(reply.status()).as("%s as %s: %s", path, user, reply.body()).isEqualTo(404);
        assertThat(reply.body()).doesNotContain("999", "Exception", "exception", "trace", "at org.");
      }
    }
    Reply post = api.post("/error", null, "{}");
    assertThat(post.status()).isEqualTo(404);
    // Errors the server forwards there still get their own status.
    assertThat(api.get("/camunda/api/cockpit/plugin/base/default/", null).status()).isEqualTo(401);
    assertThat(api.get("/no-such-page", null).status()).isEqualTo(404);
  }

  @Test
  void aWrongOrMissingCsrfTokenIsRefusedAndTheUserStaysLoggedIn() {
    String session = api.webappLogin("sarah", "tasklist").session();
    String tasks = "/camunda/api/engine/engine/default/task?maxResults=5";
    for (String badToken : new String[] {"wrong", null, ""}) {
      HttpRequest.Builder forged = api.request(tasks, null).header("Content-Type", "application/json")
          .header("Cookie", "JSESSIONID=" + session).POST(HttpRequest.BodyPublishers.ofString("{}"));
      if (badToken != null) {
        forged.header("X-XSRF-TOKEN", badToken);
      }
      Reply reply = api.send(forged);
      assertThat(reply.status()).as("token %s: %s", badToken, reply.body()).isEqualTo(403);
      assertThat(reply.cookies()).as("the session is not ended").noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
    }
    Reply user = api.send(api.request("/camunda/api/admin/auth/user/default", null)
        .header("Cookie", "JSESSIONID=" + session).GET());
    assertThat(user.status()).as("still logged in: %s", user.body()).isEqualTo(200);
    assertThat(user.json().get("userId").asText()).isEqualTo("sarah");
    // The renewed session's token comes with its first page, as Tasklist reads it.
    String token = user.cookie("XSRF-TOKEN");
    Reply honest = api.send(api.request(tasks, null).header("Content-Type", "application/json")
        .header("Cookie", "JSESSIONID=" + session).header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(honest.status()).as(honest.body()).isEqualTo(200);
  }

  private Reply login(String user, String app) {
    return api.webappLogin(user, app).reply();
  }
}
