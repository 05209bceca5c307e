package org.opencsc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls the running application over HTTP, as other systems and the acceptance tests do. */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public Api(int port) {
    this.base = "http://localhost:" + port;
  }

  public Reply get(String path, String user) {
    return send(request(path, user).GET());
  }

  public Reply post(String path, String user, Object body) {
    return send(request(path, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(toJson(body))));
  }

  public Reply put(String path, String user, Object body) {
    return send(request(path, user).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
  }

  public Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response.headers().allValues("set-cookie"),
          response.headers().firstValue("www-authenticate").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request to the path as the user (password "demo"), or anonymous when user is null. */
  public HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (user != null) {
      request.header("Authorization", basic(user, "demo"));
    }
    return request;
  }

  /**
   * Logs in to a Camunda webapp as the browser does: fetch a page for the session and CSRF token,
   * then post the login form with them. The session to use afterwards is the one the login set,
   * else the page's.
   */
  public WebappLogin webappLogin(String user, String app) {
    Reply page = get("/camunda/app/" + app + "/default/", null);
    String session = page.cookie("JSESSIONID");
    String token = page.cookie("XSRF-TOKEN");
    Reply login = send(request("/camunda/api/admin/auth/user/default/login/" + app, null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + token)
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")));
    boolean renewed = login.cookies().stream().anyMatch(cookie -> cookie.startsWith("JSESSIONID="));
    return new WebappLogin(login, renewed ? login.cookie("JSESSIONID") : session);
  }

  public record WebappLogin(Reply reply, String session) {
  }

  /** Sends the calls at the same moment (as two people, two nodes or a double click would). */
  public static List<Reply> atOnce(List<Supplier<Reply>> calls) {
    ExecutorService callers = Executors.newFixedThreadPool(calls.size());
    try {
      CyclicBarrier together = new CyclicBarrier(calls.size());
      List<CompletableFuture<Reply>> replies = calls.stream().map(call -> CompletableFuture.supplyAsync(() -> {
        try {
          together.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return call.get();
      }, callers)).toList();
      return replies.stream().map(CompletableFuture::join).toList();
    } finally {
      callers.shutdownNow();
    }
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String toJson(Object body) {
    if (body instanceof String text) {
      return text;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Status, body and the headers tests look at. */
  public record Reply(int status, String body, List<String> cookies, String wwwAuthenticate) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON: " + body, e);
      }
    }

    public String message() {
      return json().path("message").asText();
    }

    /** The value of the cookie this reply sets; fails if it sets none of that name. */
    public String cookie(String name) {
      return cookies.stream().filter(cookie -> cookie.startsWith(name + "="))
          .map(cookie -> cookie.substring(name.length() + 1, cookie.indexOf(';')))
          .findFirst().orElseThrow(() -> new AssertionError("No cookie " + name + " in " + cookies));
    }
  }
}
