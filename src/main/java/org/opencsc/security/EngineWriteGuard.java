package org.opencsc.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opencsc.web.EngineRequests;
import org.opencsc.web.Refusals;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Practitioners change cases only through the steps of a process: start one, complete or claim
 * a task, send a message, keep their own filters and profile. Every other change through the
 * engine API (setting variables directly, moving a case to another activity, changing a timer's
 * due date, throwing a BPMN error from a task) would skip the rules, so it is for administrators
 * only, whatever a group's engine permissions happen to allow. Reads are never affected.
 */
class EngineWriteGuard extends OncePerRequestFilter {

  private static final String QUERIES = "(?:task|process-instance|execution|variable-instance|external-task"
      + "|history/(?:process-instance|activity-instance|task|variable-instance|detail|incident|job-log"
      + "|decision-instance|user-operation|external-task-log|identity-links|batch))";

  /** What a non-administrator may send with POST, PUT or DELETE, by method. */
  private static final Map<String, List<Pattern>> ALLOWED = Map.of(
      "POST", List.of(
          Pattern.compile("^/" + QUERIES + "(?:/count)?/?$"),
          Pattern.compile("^/task/[^/]+/(?:complete|submit-form|claim|unclaim|comment/create|attachment/create)/?$"),
          Pattern.compile("^/process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/(?:start|submit-form)/?$"),
          Pattern.compile("^/message/?$"),
          Pattern.compile("^/filter/create/?$"),
          Pattern.compile("^/filter/[^/]+/(?:list|count|singleResult)/?$"),
          Pattern.compile("^/identity/password-policy/?$")),
      "PUT", List.of(
          Pattern.compile("^/filter/[^/]+/?$"),
          Pattern.compile("^/user/[^/]+/(?:profile|credentials)/?$")),
      "DELETE", List.of(
          Pattern.compile("^/filter/[^/]+/?$")));

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod();
    String path = EngineRequests.path(request).orElse(null);
    if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || path == null) {
      chain.doFilter(request, response);
      return;
    }
    boolean allowed = ALLOWED.getOrDefault(method, List.of()).stream().anyMatch(p -> p.matcher(path).matches());
    if (!allowed && !Callers.isAdministrator(request)) {
      Refusals.forbidden(response, method + " " + path
          + " changes a case outside its steps: only administrators may do that");
      return;
    }
    chain.doFilter(request, response);
  }
}
