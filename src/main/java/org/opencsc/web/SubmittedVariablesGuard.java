package org.opencsc.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.opencsc.engine.AsSystem;
import org.opencsc.engine.ProcessCatalogue;
import org.opencsc.rules.FieldRules;
import org.opencsc.rules.RuleViolation;
import org.opencsc.rules.RuleViolation.Problem;
import org.opencsc.rules.TaskRules;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A completion, start or message through the engine API may carry only the fields its rules
 * name. Otherwise a request could rewrite what the rules rely on (a deadline, the repeat-missing
 * flag, the harm the interview disclosed) while completing an unrelated task. A field that is
 * not the step's may still be sent unchanged (forms send back what they display).
 *
 * <p>Processes and tasks without rules are not restricted.
 */
@Configuration
public class SubmittedVariablesGuard {

  private static final Pattern TASK = Pattern.compile("^/task/([^/]+)/(?:complete|submit-form)/?$");
  private static final Pattern START_BY_KEY =
      Pattern.compile("^/process-definition/key/([^/]+)(?:/tenant-id/[^/]+)?/(?:start|submit-form)/?$");
  private static final Pattern START_BY_ID = Pattern.compile("^/process-definition/([^/]+)/(?:start|submit-form)/?$");
  private static final Pattern MESSAGE = Pattern.compile("^/message/?$");
  private static final int MAX_BODY = 1 << 20;
  /**
   * Types the engine would turn back into Java objects, files or documents when a rule reads the
   * answer: a caller could name any class to be built on the server. Every answer is a plain value.
   */
  private static final Set<String> OBJECT_TYPES = Set.of("object", "json", "xml", "file", "bytes");

  @Bean
  FilterRegistrationBean<Filter> submittedVariablesFilter(ProcessCatalogue rules, TaskService tasks,
      RepositoryService repository, IdentityService identity, JdbcTemplate jdbc) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new Filter(rules, tasks, repository, identity, jdbc));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("submittedVariablesGuard");
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final ObjectMapper json = new ObjectMapper();
    private final ProcessCatalogue rules;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;

    Filter(ProcessCatalogue rules, TaskService tasks, RepositoryService repository, IdentityService identity,
        JdbcTemplate jdbc) {
      this.rules = rules;
      this.tasks = tasks;
      this.repository = repository;
      this.identity = identity;
      this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = EngineRequests.path(request).orElse(null);
      // multipart bodies (deployments, attachments) carry no step's fields, and are not cut short here
      if (!"POST".equals(request.getMethod()) || path == null || EngineRequests.isMultipart(request)) {
        chain.doFilter(request, response);
        return;
      }
      CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_BODY);
      JsonNode body = readJson(cached.body());
      List<Problem> problems = body == null ? List.of() : AsSystem.call(identity, () -> problems(path, body));
      if (!problems.isEmpty()) {
        RuleViolation violation = new RuleViolation(problems);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.getWriter().write(json.writeValueAsString(RuleViolationResponses.body(violation)));
        return;
      }
      chain.doFilter(cached, response);
    }

    /** The body as JSON, or null when empty or malformed (the API itself answers those). */
    private JsonNode readJson(byte[] body) {
      try {
        return body.length == 0 ? null : json.readTree(body);
      } catch (IOException notJson) {
        return null;
      }
    }

    private List<Problem> problems(String path, JsonNode body) {
      Matcher task = TASK.matcher(path);
      if (task.matches()) {
        return taskProblems(task.group(1), body.path("variables"));
      }
      Matcher byKey = START_BY_KEY.matcher(path);
      if (byKey.matches()) {
        return startProblems(byKey.group(1), body.path("variables"));
      }
      Matcher byId = START_BY_ID.matcher(path);
      if (byId.matches() && !"key".equals(byId.group(1))) {
        var definition = repository.createProcessDefinitionQuery().processDefinitionId(byId.group(1)).singleResult();
        return definition == null ? List.of() : startProblems(definition.getKey(), body.path("variables"));
      }
      if (MESSAGE.matcher(path).matches()) {
        return messageProblems(body);
      }
      return List.of();
    }

    private List<Problem> taskProblems(String taskId, JsonNode variables) {
      OpenTask task = openTask(taskId);
      if (task == null) {
        return List.of();
      }
      return rules.task(task.processKey(), task.taskKey())
          .map(taskRules -> {
            Set<String> allowed = new LinkedHashSet<>(taskRules.fields());
            allowed.add(TaskRules.LATE_REASON);
            return unexpected(variables, allowed, listFields(taskRules), "task " + task.taskKey(),
                name -> tasks.getVariable(taskId, name));
          })
          .orElse(List.of());
    }

    /**
     * The open task's process key and task key, or null if there is no such task or it belongs
     * to no process (the engine answers that). Read with one select by primary keys, not engine
     * queries: each engine query is a transaction of its own, and this runs before every completion.
     */
    private OpenTask openTask(String taskId) {
      return jdbc.query("select D.KEY_, T.TASK_DEF_KEY_ from ACT_RU_TASK T"
              + " join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_ where T.ID_ = ?",
          (row, number) -> new OpenTask(row.getString(1), row.getString(2)), taskId).stream().findFirst().orElse(null);
    }

    private record OpenTask(String processKey, String taskKey) {
    }

    private List<Problem> startProblems(String processKey, JsonNode variables) {
      return rules.start(processKey)
          .map(startRules -> unexpected(variables, startRules.fields(), listFields(startRules), "the start of " + processKey,
              name -> null))
          .orElse(List.of());
    }

    private List<Problem> messageProblems(JsonNode body) {
      String messageName = body.path("messageName").asText(null);
      if (messageName == null) {
        return List.of();
      }
      List<Problem> problems = new ArrayList<>();
      for (String processKey : rules.processesWaitingFor(messageName)) {
        FieldRules<?> messageRules = rules.message(processKey, messageName).orElseThrow();
        for (String variables : List.of("processVariables", "processVariablesLocal", "processVariablesToTriggeredScope")) {
          problems.addAll(unexpected(body.path(variables), messageRules.fields(), listFields(messageRules),
              "message " + messageName, name -> null));
        }
      }
      return problems;
    }

    /** Fields that hold a list (who took part): a form's dynamic list sends them as Json. */
    private static Set<String> listFields(FieldRules<?> rules) {
      Set<String> lists = new LinkedHashSet<>();
      rules.fields().stream().filter(field -> rules.typeOf(field).isList()).forEach(lists::add);
      return lists;
    }

    private static List<Problem> unexpected(JsonNode variables, Set<String> allowed, Set<String> lists, String step,
        java.util.function.Function<String, Object> current) {
      List<Problem> problems = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> variable = it.next();
        String name = variable.getKey();
        String type = variable.getValue().path("type").asText("");
        // Json is plain data, not a class the server builds: accepted for a list field, whose rules read it.
        boolean listAsJson = lists.contains(name) && "json".equalsIgnoreCase(type);
        if (OBJECT_TYPES.contains(type.toLowerCase(java.util.Locale.ROOT)) && !listAsJson) {
          problems.add(new Problem(name, "must be a plain value (text, true or false, a number or a date), not "
              + type + (lists.isEmpty() ? "" : "; only " + String.join(", ", lists) + " may be Json")));
          continue;
        }
        if (!allowed.contains(name) && !unchanged(variable.getValue().path("value"), current.apply(name))) {
          problems.add(new Problem(name, "is not a field of " + step + " (its fields: "
              + String.join(", ", allowed) + ")"));
        }
      }
      return problems;
    }

    /** Sent back as it is: a form showing a value it does not ask for. */
    private static boolean unchanged(JsonNode sent, Object current) {
      if (current == null) {
        return false;
      }
      if (current instanceof Boolean || current instanceof String) {
        return sent.isValueNode() && Objects.equals(sent.asText(), current.toString())
            && sent.isBoolean() == (current instanceof Boolean);
      }
      if (current instanceof Number number) {
        return sent.isNumber() && sent.decimalValue().compareTo(new java.math.BigDecimal(number.toString())) == 0;
      }
      return false;
    }
  }
}
