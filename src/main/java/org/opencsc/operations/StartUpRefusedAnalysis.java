package org.opencsc.operations;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link StartUpRefused}, wherever it is in the chain of causes, as Spring Boot's
 * "APPLICATION FAILED TO START" with its description and action. Registered in
 * META-INF/spring.factories; Spring Boot then leaves out the stack trace.
 */
class StartUpRefusedAnalysis extends AbstractFailureAnalyzer<StartUpRefused> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartUpRefused cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
