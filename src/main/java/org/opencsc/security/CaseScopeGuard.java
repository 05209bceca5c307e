package org.opencsc.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.camunda.bpm.engine.rest.mapper.MultipartPayloadProvider;
import org.opencsc.engine.AsSystem;
import org.opencsc.web.CachedBodyRequest;
import org.opencsc.web.EngineRequests;
import org.opencsc.web.Refusals;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Practitioners act on one case at a time, and on a case only through its steps. The engine API
 * would let anyone who may start a case start it at any activity (its steps and sign-offs
 * skipped), correlate one message with every waiting case and read back their variables, and
 * read or add comments and attachments on tasks they cannot see. Here:
 * <ul>
 * <li>a start with {@code startInstructions} (or skipping listeners or input mappings) is for
 * administrators;</li>
 * <li>a message names exactly one case (its business key or process instance id) and returns no
 * variables, unless an administrator sends it;</li>
 * <li>moving a running case (process instance modification, administrators only) says why, in
 * Camunda's own {@code annotation}, which the operation log keeps;</li>
 * <li>a task's comments and attachments are as visible as the task itself, and an attachment
 * links only to an {@code https:} address.</li>
 * </ul>
 */
class CaseScopeGuard extends OncePerRequestFilter {

  private static final Pattern START = Pattern.compile(
      "^/process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/(?:start|submit-form)/?$");
  private static final Pattern MESSAGE = Pattern.compile("^/message/?$");
  private static final Pattern MODIFICATION = Pattern.compile(
      "^/(?:process-instance/[^/]+/modification(?:-async)?|modification/execute(?:Async)?)/?$");
  private static final Pattern TASK_NOTES = Pattern.compile("^/task/([^/]+)/(comment|attachment)(/.*)?$");

  private final ObjectMapper json = new ObjectMapper();
  private final IdentityService identity;
  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;

  CaseScopeGuard(IdentityService identity, TaskService tasks, HistoryService history, RepositoryService repository) {
    this.identity = identity;
    this.tasks = tasks;
    this.history = history;
    this.repository = repository;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = EngineRequests.path(request).orElse(null);
    if (path == null) {
      chain.doFilter(request, response);
      return;
    }
    Matcher notes = TASK_NOTES.matcher(path);
    if (notes.matches()) {
      taskNotes(request, response, chain, notes.group(1), "attachment".equals(notes.group(2)) && "/create".equals(notes.group(3)));
      return;
    }
    boolean start = START.matcher(path).matches();
    boolean message = MESSAGE.matcher(path).matches();
    boolean modification = MODIFICATION.matcher(path).matches();
    if (!"POST".equals(request.getMethod()) || !(start || message || modification)
        || EngineRequests.isMultipart(request)) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.of(request, EngineBodyGuard.MAX_BODY + 1);
    JsonNode body = readJson(cached.body());
    if (body == null) {
      // empty or not JSON: the engine answers that itself
      chain.doFilter(cached, response);
      return;
    }
    boolean administrator = Callers.isAdministrator(request);
    if (start && !administrator && startsInside(body)) {
      Refusals.forbidden(response, "A case starts at its start event: startInstructions, skipCustomListeners and"
          + " skipIoMappings are for administrators");
      return;
    }
    if (message && !administrator) {
      if (body.path("all").asBoolean(false)) {
        Refusals.forbidden(response, "all: a message to every waiting case is for administrators;"
            + " name the case by businessKey or processInstanceId");
        return;
      }
      if (body.path("variablesInResultEnabled").asBoolean(false)) {
        Refusals.forbidden(response, "variablesInResultEnabled: a message's result carries no variables"
            + " except for administrators");
        return;
      }
      if (blank(body.path("businessKey")) && blank(body.path("processInstanceId"))
          && !startsACase(body.path("messageName").asText(""))) {
        Refusals.badRequest(response, "businessKey: a message must name exactly one case, by businessKey or"
            + " processInstanceId");
        return;
      }
    }
    if (modification && blank(body.path("annotation"))) {
      Refusals.badRequest(response, "annotation: say why the case is moved; the operation log keeps it");
      return;
    }
    chain.doFilter(cached, response);
  }

  /** A message that starts a case (ChildBecameLookedAfter) names no case: it opens one. */
  private boolean startsACase(String messageName) {
    return !messageName.isBlank() && AsSystem.call(identity, () -> repository.createProcessDefinitionQuery()
        .messageEventSubscriptionName(messageName).count()) > 0;
  }

  private static boolean startsInside(JsonNode body) {
    JsonNode instructions = body.path("startInstructions");
    return (!instructions.isMissingNode() && !instructions.isNull() && !(instructions.isArray() && instructions.isEmpty()))
        || body.path("skipCustomListeners").asBoolean(false) || body.path("skipIoMappings").asBoolean(false);
  }

  private void taskNotes(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String taskId,
      boolean creatingAttachment) throws IOException, ServletException {
    HttpServletRequest passed = request;
    if (creatingAttachment && EngineRequests.isMultipart(request)) {
      CachedBodyRequest cached = CachedBodyRequest.of(request, EngineBodyGuard.MAX_BODY * 10 + 1);
      String url = attachmentUrl(cached);
      if (url != null && !isHttps(url)) {
        Refusals.badRequest(response, "url: an attachment may link only to an https: address");
        return;
      }
      passed = cached;
    }
    if (!Callers.isAdministrator(request) && !canSee(request, taskId)) {
      Refusals.write(response, HttpServletResponse.SC_NOT_FOUND, "NotFound",
          "No task " + taskId + " that you may see.");
      return;
    }
    chain.doFilter(passed, response);
  }

  /**
   * An open task the caller may read, or a completed one in a case whose history they may read
   * (whether it is open is asked without the caller's authorizations, which is what tells the two apart).
   */
  private boolean canSee(HttpServletRequest request, String taskId) {
    boolean open = AsSystem.call(identity, () -> tasks.createTaskQuery().taskId(taskId).count() > 0);
    return asCaller(request, () -> open ? tasks.createTaskQuery().taskId(taskId).count() > 0
        : history.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0);
  }

  /** Runs the query as the caller: the engine API door has told the engine who it is; Tasklist's door has not yet. */
  private boolean asCaller(HttpServletRequest request, Supplier<Boolean> query) {
    if (identity.getCurrentAuthentication() != null) {
      return query.get();
    }
    Authentication caller = Callers.webappUser(request).orElse(null);
    if (caller == null) {
      return false;
    }
    identity.setAuthentication(caller);
    try {
      return query.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The attachment's link as the engine's own multipart reader reads it, or null without one. */
  private static String attachmentUrl(CachedBodyRequest request) throws IOException {
    MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
    headers.putSingle("content-type", request.getContentType());
    MultipartFormData form;
    try {
      form = new MultipartPayloadProvider().readFrom(MultipartFormData.class, null, null,
          MediaType.valueOf(request.getContentType()), headers, new ByteArrayInputStream(request.body()));
    } catch (RuntimeException unreadable) {
      return null; // the engine refuses it too
    }
    MultipartFormData.FormPart url = form.getNamedPart("url");
    return url == null ? null : url.getTextContent();
  }

  static boolean isHttps(String url) {
    try {
      URI uri = new URI(url.trim());
      return "https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
          && uri.getHost() != null;
    } catch (URISyntaxException notAUri) {
      return false;
    }
  }

  private JsonNode readJson(byte[] body) {
    try {
      return body.length == 0 ? null : json.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  private static boolean blank(JsonNode value) {
    return value.isMissingNode() || value.isNull() || value.asText().isBlank();
  }
}
