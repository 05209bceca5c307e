package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.opencsc.Api;
import org.opencsc.ApplicationTest;
import org.opencsc.rules.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The compliance dashboard's pages and our API in a browser's shoes (issue 21): a strict content
 * security policy, no session for anonymous visits, CSRF for the session and the login form,
 * skipped only for well-formed Basic credentials, and a bad token refused without a log-out.
 */
class DashboardSecurityTest extends ApplicationTest {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();
  @Autowired
  private JdbcTemplate jdbc;

  @Test
  void theLoginPageAndTheDashboardSendAStrictContentSecurityPolicyAndTheUsualHeaders() {
    HttpResponse<String> login = send(request("/login").GET());
    HttpResponse<String> dashboard = send(request("/dashboard/").header("Authorization", Api.basic("tom", "demo")).GET());
    for (HttpResponse<String> page : List.of(login, dashboard)) {
      assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(200);
      assertThat(header(page, "Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'",
          "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'",
          "object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "*", "http:", "https:", "data:");
      assertThat(header(page, "X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(header(page, "X-Frame-Options")).isEqualTo("DENY");
      assertThat(header(page, "Referrer-Policy")).isEqualTo("same-origin");
      assertThat(header(page, "Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
      assertThat(header(page, "Cache-Control")).contains("no-store");
    }
    // Nothing the pages load needs more than the policy allows: their own files and chart.js.
    assertThat(dashboard.body()).doesNotContain("<script>", "style=", "onload=", "onclick=", "http://", "https://");
    assertThat(login.body()).doesNotContain("<script", "style=", "http://", "https://").contains("/default-ui.css");
    assertThat(send(request("/default-ui.css").GET()).statusCode()).as("the login page's style sheet").isEqualTo(200);
  }

  @Test
  void anonymousVisitsToTheLoginPageAndTheDashboardKeepNoSessionAndALoginStillDoes() {
    long before = sessions();
    List<HttpResponse<String>> visits = List.of(
        send(request("/login").GET()),
        send(request("/login?error").GET()),
        send(request("/dashboard/").header("Accept", "text/html").GET()),
        send(request("/dashboard/").GET()),
        send(request("/dashboard/dashboard.js").GET()),
        send(request("/logout").GET()));
    assertThat(visits.stream().map(HttpResponse::statusCode)).containsExactly(200, 200, 302, 401, 401, 200);
    assertThat(header(visits.get(2), "Location")).endsWith("/login");
    assertThat(visits).allSatisfy(visit -> assertThat(visit.headers().allValues("Set-Cookie"))
        .as("cookies set by %s", visit.uri()).noneMatch(cookie -> cookie.startsWith("JSESSIONID=")));
    assertThat(sessions()).as("session rows after anonymous visits").isEqualTo(before);

    String session = login("tom");
    assertThat(sessions()).as("a login keeps its session").isEqualTo(before + 1);
    HttpResponse<String> dashboard = send(request("/dashboard/").header("Cookie", "JSESSIONID=" + session).GET());
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body()).contains("Statutory steps: compliance");
  }

  @Test
  void theLoginFormIsRefusedWithoutItsCsrfTokenAndSignsNobodyIn() {
    HttpResponse<String> page = send(request("/login").GET());
    String cookie = cookie(page, SecurityConfiguration.CSRF_COOKIE).orElseThrow();
    long before = sessions();
    for (String token : new String[] {null, "wrong", csrfField(send(request("/login").GET()))}) {
      // no token; a made-up one; a real one from another visit (not the cookie's)
      String form = "username=tom&password=demo" + (token == null ? "" : "&_csrf=" + encode(token));
      HttpResponse<String> login = send(request("/login").header("Cookie", SecurityConfiguration.CSRF_COOKIE + "=" + cookie)
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
      assertThat(login.statusCode()).as("login with token %s", token).isEqualTo(403);
      assertThat(cookie(login, "JSESSIONID")).as("no session for a refused login").isEmpty();
    }
    assertThat(sessions()).isEqualTo(before);
  }

  @Test
  void onlyWellFormedBasicCredentialsSkipTheApiCsrfCheck() {
    // A manager of our own: the wrong password below makes the engine hold back its next login.
    String user = "csrfprobe";
    if (engine.getIdentityService().createUserQuery().userId(user).count() == 0) {
      User probe = engine.getIdentityService().newUser(user);
      probe.setPassword("demo");
      DemoUsers.save(engine.getIdentityService(), probe);
      engine.getIdentityService().createMembership(user, Groups.TEAM_MANAGERS);
    }
    String session = login(user);
    String child = "CSRF probe " + System.nanoTime();
    String body = "{\"name\":\"" + child + "\",\"dateOfBirth\":\"2015-01-01\"}";
    String noColon = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    for (String authorization : List.of("Bearer x", "Basic !!!", "Basic", noColon, "Digest username=\"" + user + "\"")) {
      HttpResponse<String> reply = send(postChild(session, body).header("Authorization", authorization));
      assertThat(reply.statusCode()).as("%s with the session, no CSRF token: %s", authorization, reply.body())
          .isEqualTo(403);
    }
    HttpResponse<String> wrongPassword = send(postChild(session, body).header("Authorization", Api.basic(user, "guess")));
    assertThat(wrongPassword.statusCode()).as("Basic credentials are checked, not the session's user").isEqualTo(401);
    // A browser replays Basic credentials it once asked for, to a forged request from another site
    // too; SameSite keeps the session cookie from such a request, so it comes without one.
    for (String site : List.of("cross-site", "same-site")) {
      HttpResponse<String> fromAnotherSite = send(postChild(null, body).header("Authorization", Api.basic("tom", "demo"))
          .header("Sec-Fetch-Site", site));
      assertThat(fromAnotherSite.statusCode()).as("Basic credentials from a %s request", site).isEqualTo(403);
    }
    assertThat(children(child)).as("none of these registered the child").isZero();

    HttpResponse<String> system = send(postChild(null, body).header("Authorization", Api.basic("tom", "demo"))
        .header("Sec-Fetch-Site", "same-origin"));
    assertThat(system.statusCode()).as("another system with its own credentials: %s", system.body()).isEqualTo(201);
    assertThat(children(child)).isEqualTo(1);
  }

  @Test
  void aWrongCsrfTokenOnTheApiIsRefusedAndTheDashboardSessionStays() {
    String session = login("tom");
    String child = "CSRF token probe " + System.nanoTime();
    HttpResponse<String> forged = send(postChild(session, "{\"name\":\"" + child + "\",\"dateOfBirth\":\"2015-01-01\"}")
        .header("X-XSRF-TOKEN", "wrong").header("Cookie", "JSESSIONID=" + session + "; "
            + SecurityConfiguration.CSRF_COOKIE + "=also-wrong"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(children(child)).isZero();
    HttpResponse<String> summary = send(request("/api/compliance/summary").header("Cookie", "JSESSIONID=" + session).GET());
    assertThat(summary.statusCode()).as("still logged in").isEqualTo(200);
  }

  // --- a browser's steps ---

  /** Logs in through the login form as a browser does; returns the session. */
  private String login(String user) {
    HttpResponse<String> page = send(request("/login").GET());
    String cookie = cookie(page, SecurityConfiguration.CSRF_COOKIE).orElseThrow();
    HttpResponse<String> login = send(request("/login").header("Cookie", SecurityConfiguration.CSRF_COOKIE + "=" + cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf=" + encode(csrfField(page)))));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
    assertThat(header(login, "Location")).endsWith("/dashboard/");
    return cookie(login, "JSESSIONID").orElseThrow();
  }

  private HttpRequest.Builder postChild(String session, String body) {
    HttpRequest.Builder request = request("/api/children").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    return session == null ? request : request.header("Cookie", "JSESSIONID=" + session);
  }

  private static String csrfField(HttpResponse<String> page) {
    Matcher field = CSRF_FIELD.matcher(page.body());
    assertThat(field.find()).as("the login form's CSRF field in %s", page.body()).isTrue();
    return field.group(1);
  }

  private long sessions() {
    return jdbc.queryForObject("select count(*) from spring_session", Long.class);
  }

  private long children(String name) {
    return jdbc.queryForObject("select count(*) from child where name = ?", Long.class, name);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static Optional<String> cookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith(name + "="))
        .map(cookie -> cookie.substring(name.length() + 1, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')))
        .filter(value -> !value.isEmpty()).findFirst();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
