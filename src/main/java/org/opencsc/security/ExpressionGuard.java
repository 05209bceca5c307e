package org.opencsc.security;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opencsc.web.CachedBodyRequest;
import org.opencsc.web.EngineRequests;
import org.opencsc.web.Refusals;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses expressions (${...} or #{...}) in task queries, including inside {@code orQueries},
 * on both doors to the engine API: {@code /engine-rest} and Tasklist's {@code /camunda/api/engine}.
 * Camunda 7.24.0 CE evaluates such expressions in or-queries even when ad-hoc expressions are
 * off (CVE-2026-109432), which would let any user run code on the server.
 *
 * <p>Stored filters may hold expressions (the role filters use {@code ${currentUser()}}), but only
 * an administrator may create or change one; running a filter with an extending query is an
 * ad-hoc query and gets no expressions from anyone.
 */
class ExpressionGuard extends OncePerRequestFilter {

  /** Task queries, and filters with their extending queries (paths after the engine prefix). */
  private static final Pattern TASK_QUERY = Pattern.compile("^/task(?:/count)?/?$");
  private static final Pattern FILTER_STORE = Pattern.compile("^/filter(?:/create|/[^/]+)/?$");
  private static final Pattern FILTER = Pattern.compile("^/filter(?:/.*)?$");
  /** Reads the body's bytes as the engine does (same encoding detection); a key given twice is refused. */
  private final ObjectMapper json = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String path = EngineRequests.path(request).orElse(null);
    if (path == null || !(TASK_QUERY.matcher(path).matches() || FILTER.matcher(path).matches())) {
      chain.doFilter(request, response);
      return;
    }
    boolean storingFilter = FILTER_STORE.matcher(path).matches()
        && ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()));
    if (storingFilter && Callers.isAdministrator(request)) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.of(request, EngineBodyGuard.MAX_BODY + 1);
    Optional<String> found = expressionIn(cached);
    if (found.isPresent()) {
      Refusals.badRequest(response, found.get() + ": expressions are not allowed in task queries"
          + (storingFilter ? " or in filters stored by non-administrators" : ""));
      return;
    }
    chain.doFilter(cached, response);
  }

  /** Where an expression hides, named like {@code orQueries[0].assigneeExpression}. */
  private Optional<String> expressionIn(CachedBodyRequest request) {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      if (isExpression(parameter.getKey())) {
        return Optional.of("query parameter name");
      }
      for (String value : parameter.getValue()) {
        if (isExpression(value)) {
          return Optional.of("query parameter " + parameter.getKey());
        }
      }
    }
    if (request.body().length == 0) {
      return Optional.empty();
    }
    if (request.body().length > EngineBodyGuard.MAX_BODY) {
      return Optional.of("request body (too large to check)");
    }
    try {
      // the bytes, not a string made of them: Jackson detects the encoding as the engine's reader does
      return expressionIn(json.readTree(request.body()), "body");
    } catch (IOException notJson) {
      // A body that cannot be checked is not passed on: the engine would refuse it anyway.
      return Optional.of("request body (not JSON that can be checked)");
    }
  }

  private Optional<String> expressionIn(JsonNode node, String where) {
    if (node.isTextual()) {
      return isExpression(node.textValue()) ? Optional.of(where) : Optional.empty();
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = expressionIn(node.get(i), where + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
        Map.Entry<String, JsonNode> field = fields.next();
        String at = "body".equals(where) ? field.getKey() : where + "." + field.getKey();
        if (isExpression(field.getKey())) {
          return Optional.of(at);
        }
        Optional<String> found = expressionIn(field.getValue(), at);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** Stricter than the engine's own test (which only looks at the start): anywhere in the text. */
  static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

}
