package org.opencsc.workflow;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A start, message or task completion that breaks a statutory or local rule. Thrown inside the
 * engine's transaction, so nothing the refused call would have written is kept; the REST layer
 * answers 400 with {@link #getMessage()}, which names each field and its rule.
 *
 * <p>It extends the engine's form validation exception because Camunda's REST task
 * complete and submit-form already answer that one with 400; {@link RuleViolationResponses}
 * covers the other doors (process start, message correlation, our own API).
 */
public class RuleViolation extends FormFieldValidationException {

  private final transient List<Problem> problems;

  public RuleViolation(List<Problem> problems) {
    super(problems.get(0).field(), describe(problems));
    this.problems = List.copyOf(problems);
  }

  public static RuleViolation of(String field, String rule) {
    return new RuleViolation(List.of(new Problem(field, rule)));
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    StringBuilder text = new StringBuilder();
    for (Problem problem : problems) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append(problem.field()).append(": ").append(problem.rule());
    }
    return text.toString();
  }

  /** One broken rule: the field (variable name) and what it must be. */
  public record Problem(String field, String rule) {
  }
}
