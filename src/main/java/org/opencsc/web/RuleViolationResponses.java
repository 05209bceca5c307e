package org.opencsc.web;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.task.Task;
import org.glassfish.jersey.server.ServerProperties;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.TaskClaimedByAnother;
import org.opencsc.rules.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A broken rule is the caller's mistake: 400 with the fields and rules named, on every door.
 * The engine REST API answers most exceptions raised inside the engine with 500 (it wraps them
 * in a RestException when starting a process or correlating a message); these mappers look for
 * a {@link RuleViolation} in the cause chain first. Two people (or two nodes) changing the same
 * case at once is not a server fault either: the loser gets 409 and nothing of theirs is saved,
 * as does completing a task someone has already completed (404 when the caller could never see
 * the task). Anything else is answered as Camunda would.
 */
@Configuration
public class RuleViolationResponses {

  private static final Logger log = LoggerFactory.getLogger(RuleViolationResponses.class);
  /** The name Camunda's webapp starter gives the servlet behind {@code /camunda/api/engine}. */
  private static final String TASKLIST_ENGINE_API = "Engine Api";
  private static final Pattern TASK_ACTION = Pattern.compile("(?:^|/)task/([^/]+)/(complete|submit-form|resolve|claim)$");

  @Bean
  ResourceConfigCustomizer ruleViolationMappers(ProcessEngine engine) {
    return config -> config.register(new RestExceptions(engine)).register(new EngineExceptions(engine))
        .register(new OtherExceptions(engine));
  }

  /**
   * Tasklist's own door to the engine API is Camunda's "Engine Api" servlet, a Jersey application
   * of its own that Spring's customizers do not reach: the same mappers are named to it as an
   * init parameter (Jersey instantiates them), so a refused step is 400 and a race 409 there too,
   * not 500 with the engine's text. The servlet is registered by Camunda's initializer inside
   * Spring Boot's one servlet container initializer; this one runs after it.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> tasklistDoorMappers() {
    return factory -> factory.addContextCustomizers(context -> context.addServletContainerInitializer(
        (classes, servletContext) -> {
          ServletRegistration engineApi = servletContext.getServletRegistration(TASKLIST_ENGINE_API);
          if (engineApi == null) {
            // Not registered when the engine itself failed to start: that failure is the report
            // the operator needs, so this one must not hide it. (TasklistDoorTest fails if a
            // running application ever lacks the mappers.)
            log.warn("Camunda's {} servlet is not registered: Tasklist's door to the engine would answer"
                + " refusals with 500", TASKLIST_ENGINE_API);
            return;
          }
          engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, String.join(",",
              RestExceptions.class.getName(), EngineExceptions.class.getName(), OtherExceptions.class.getName()));
        }, null));
  }

  /** The response body: Camunda's {@code type} and {@code message}, plus each broken rule. */
  public static Map<String, Object> body(RuleViolation violation) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "RuleViolation");
    body.put("message", violation.getMessage());
    body.put("problems", violation.problems());
    return body;
  }

  static Optional<RuleViolation> violationIn(Throwable thrown) {
    return causeIn(thrown, RuleViolation.class);
  }

  static <T extends Throwable> Optional<T> causeIn(Throwable thrown, Class<T> type) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return Optional.of(type.cast(cause));
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  private static Response respond(Throwable thrown, ProcessEngine engine, UriInfo request) {
    Optional<TaskAlreadyClaimedException> claimed = causeIn(thrown, TaskAlreadyClaimedException.class);
    if (claimed.isPresent()) {
      return alreadyClaimed(claimed.get().getTaskAssignee());
    }
    // Two writers of the same row at once: the engine's own lock, or one of our unique keys (the
    // breach a late completion writes while the deadline timer writes it too).
    boolean atTheSameMoment = causeIn(thrown, OptimisticLockingException.class).isPresent()
        || duplicateKeyIn(thrown);
    Matcher taskAction = request == null ? null : TASK_ACTION.matcher(request.getPath());
    boolean onTask = taskAction != null && taskAction.find();
    if (onTask) {
      // Someone else completed the task while this request ran (whatever it then tripped over,
      // even a rule, since their completion moved the case on): say so.
      Optional<Response> gone = taskNoLongerOpen(engine, taskAction.group(1));
      if (gone.isPresent()) {
        return gone.get();
      }
      if (atTheSameMoment && "claim".equals(taskAction.group(2))) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskAction.group(1)).singleResult();
        if (task != null && task.getAssignee() != null) {
          return alreadyClaimed(task.getAssignee());
        }
      }
    }
    Optional<TaskClaimedByAnother> claimedByAnother = causeIn(thrown, TaskClaimedByAnother.class);
    if (claimedByAnother.isPresent()) {
      return conflict(claimedByAnother.get().getMessage());
    }
    Optional<RuleViolation> violation = violationIn(thrown);
    if (violation.isPresent()) {
      Map<String, Object> body = body(violation.get());
      if (onTask && "submit-form".equals(taskAction.group(2))) {
        // A form's door: the person filling it in reads the form's own labels, not variable names.
        body.put("message", FormWording.forForm(engine, taskAction.group(1), violation.get()));
      }
      return json(Response.Status.BAD_REQUEST, body);
    }
    if (atTheSameMoment) {
      return conflict("Someone else changed this case at the same moment, so nothing of yours was saved."
          + " Reload it and try again.");
    }
    return withoutInternals(ExceptionHandlerHelper.getInstance().getResponse(thrown), thrown);
  }

  /** A unique key refused an insert (SQLSTATE 23505; H2's older 23001): someone wrote it first. */
  static boolean duplicateKeyIn(Throwable thrown) {
    for (Throwable cause = thrown; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && ("23505".equals(sql.getSQLState()) || "23001".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A server error says so and gives a reference to the log, never the exception's text: that
   * would show callers SQL, table and index names and the engine's internals.
   */
  private static Response withoutInternals(Response response, Throwable thrown) {
    if (response.getStatus() < 500) {
      return response;
    }
    String reference = UUID.randomUUID().toString();
    log.error("Server error {} answered to an engine API call", reference, thrown);
    return Response.status(response.getStatus()).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("type",
        "ServerError", "message", "The server failed to do this. Reference " + reference
            + " (the server log has the details).")).build();
  }

  /** A task acted on that is not open: 409 if the caller can see it was completed, else 404. */
  private static Optional<Response> taskNoLongerOpen(ProcessEngine engine, String taskId) {
    if (engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0) {
      return Optional.empty();
    }
    HistoricTaskInstance done = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
        .singleResult();
    if (done == null || done.getEndTime() == null) {
      return Optional.of(json(Response.Status.NOT_FOUND, Map.of("type", "NotFound",
          "message", "No open task " + taskId + " that you may see.")));
    }
    UserOperationLogEntry completion = engine.getHistoryService().createUserOperationLogQuery().taskId(taskId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).singleResult();
    String by = completion == null || completion.getUserId() == null ? "" : " by " + completion.getUserId();
    return Optional.of(conflict("This task was already completed" + by + " at "
        + LondonTime.format(done.getEndTime().toInstant()) + ", so nothing of yours was saved."));
  }

  private static Response alreadyClaimed(String assignee) {
    return conflict("This task is already claimed by " + assignee + ", so it was not claimed for you.");
  }

  private static Response conflict(String message) {
    return json(Response.Status.CONFLICT, Map.of("type", "Conflict", "message", message));
  }

  private static Response json(Response.Status status, Object body) {
    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** Answers an exception from the engine REST API as {@link #respond} decides. */
  abstract static class Responses<E extends Throwable> implements ExceptionMapper<E> {
    private final Supplier<ProcessEngine> engine;
    @Context
    private UriInfo request;

    Responses(ProcessEngine engine) {
      this.engine = () -> engine;
    }

    /** Made by Jersey for Tasklist's door: the engine is the one that door serves (the default). */
    Responses() {
      this.engine = () -> EngineUtil.lookupProcessEngine(null);
    }

    @Override
    public Response toResponse(E exception) {
      return respond(exception, engine.get(), request);
    }
  }

  /** Ahead of Camunda's own mapper for the same type (lower value, higher priority). */
  @Priority(1)
  public static class RestExceptions extends Responses<RestException> {
    RestExceptions(ProcessEngine engine) {
      super(engine);
    }

    public RestExceptions() {
    }
  }

  @Priority(1)
  public static class EngineExceptions extends Responses<ProcessEngineException> {
    EngineExceptions(ProcessEngine engine) {
      super(engine);
    }

    public EngineExceptions() {
    }
  }

  /**
   * Anything else the engine throws. Two nodes completing the same task: the loser may read the
   * task before the winner commits and its case after, and then fail inside the engine with a
   * plain NullPointerException (seen in ClusterIT on PostgreSQL). That too is answered 409 when the
   * task has meanwhile been completed; otherwise as Camunda would (500).
   */
  @Priority(1)
  public static class OtherExceptions extends Responses<RuntimeException> {
    OtherExceptions(ProcessEngine engine) {
      super(engine);
    }

    public OtherExceptions() {
    }
  }
}
