package org.opencsc;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bean that security tests name inside an expression: if the engine ever evaluates one that a
 * caller sent, {@link #evaluations()} says so.
 */
public final class ExpressionProbe {

  /** An expression that, if evaluated, calls this probe. */
  public static final String PAYLOAD = "${expressionProbe.touch()}";

  private final AtomicInteger evaluations = new AtomicInteger();

  public String touch() {
    evaluations.incrementAndGet();
    return "touched";
  }

  public int evaluations() {
    return evaluations.get();
  }
}
