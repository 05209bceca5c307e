package org.opencsc.security;

import static org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants.CSRF_NON_MODIFYING_METHODS_PATTERN;
import static org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants.CSRF_TOKEN_HEADER_NAME;
import static org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED;
import static org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The webapps' CSRF check, made before Camunda's own: a missing or wrong {@code X-XSRF-TOKEN} gets
 * 403 and the session is left alone. Camunda's filter also ends the session, so one forged
 * request logged the user out of Tasklist (issue 21). A request that passes here passes there.
 */
final class WebappCsrfGuard extends OncePerRequestFilter {

  /** Where Camunda's CSRF filter is mapped: the webapps' API and pages. */
  private final List<String> checked;
  private final Set<String> entryPoints;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param applicationPath the webapps' path (camunda.bpm.webapp.application-path, /camunda)
   * @param entryPoints paths Camunda's filter lets through without a token (camunda.bpm.webapp.csrf.entry-points)
   */
  WebappCsrfGuard(String applicationPath, Collection<String> entryPoints) {
    this.checked = List.of(applicationPath + "/api/", applicationPath + "/app/");
    this.entryPoints = entryPoints == null ? Set.of() : Set.copyOf(entryPoints);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return checked.stream().noneMatch(path::startsWith) || CSRF_NON_MODIFYING_METHODS_PATTERN.matcher(request.getMethod()).matches()
        || entryPoints.contains(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(CSRF_TOKEN_SESSION_ATTR_NAME);
    String given = request.getHeader(CSRF_TOKEN_HEADER_NAME);
    if (expected instanceof String token && given != null
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader(CSRF_TOKEN_HEADER_NAME, CSRF_TOKEN_HEADER_REQUIRED);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getWriter().write(json.writeValueAsString(Map.of("type", "Forbidden",
        "message", "The CSRF token (" + CSRF_TOKEN_HEADER_NAME + ") is missing or wrong: reload the page")));
  }
}
