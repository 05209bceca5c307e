package org.opencsc.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A broken rule is the caller's mistake: 400 with the fields and rules named, on every door.
 * The engine REST API answers most exceptions raised inside the engine with 500 (it wraps them
 * in a RestException when starting a process or correlating a message); these mappers look for
 * a {@link RuleViolation} in the cause chain first and otherwise answer as Camunda would.
 */
@Configuration
public class RuleViolationResponses {

  @Bean
  ResourceConfigCustomizer ruleViolationMappers() {
    return config -> config.register(RestExceptions.class).register(EngineExceptions.class);
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
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof RuleViolation violation) {
        return Optional.of(violation);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  private static Response respond(Throwable thrown) {
    return violationIn(thrown)
        .map(violation -> Response.status(Response.Status.BAD_REQUEST)
            .entity(body(violation)).type(MediaType.APPLICATION_JSON_TYPE).build())
        .orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(thrown));
  }

  /** Ahead of Camunda's own mapper for the same type (lower value, higher priority). */
  @Priority(1)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return respond(exception);
    }
  }

  @Priority(1)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return respond(exception);
    }
  }
}
