package org.opencsc.web;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.opencsc.rules.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Errors on our own {@code /api}, in the same JSON shape as the engine REST API's. */
@RestControllerAdvice(basePackages = "org.opencsc")
public class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(RuleViolation.class)
  ResponseEntity<Map<String, Object>> ruleViolation(RuleViolation violation) {
    return ResponseEntity.badRequest().body(RuleViolationResponses.body(violation));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException exception) {
    return error(HttpStatus.BAD_REQUEST, "InvalidRequestException",
        "The request body must be a JSON object as the API describes");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException exception) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "InvalidRequestException",
        "Send the request body as application/json");
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> status(ResponseStatusException exception) {
    return error(HttpStatus.valueOf(exception.getStatusCode().value()), "InvalidRequestException",
        exception.getReason());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException exception) {
    return error(HttpStatus.FORBIDDEN, "AuthorizationException", exception.getMessage());
  }

  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<Map<String, Object>> engine(ProcessEngineException exception) {
    return RuleViolationResponses.violationIn(exception)
        .map(this::ruleViolation)
        .orElseGet(() -> {
          // the exception's text would show callers SQL and the engine's internals: a reference instead
          String reference = java.util.UUID.randomUUID().toString();
          log.error("Engine error {} on our API", reference, exception);
          return error(HttpStatus.INTERNAL_SERVER_ERROR, "ServerError",
              "The server failed to do this. Reference " + reference + " (the server log has the details).");
        });
  }

  static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, String message) {
    return ResponseEntity.status(status).body(Map.of("type", type, "message", String.valueOf(message)));
  }
}
