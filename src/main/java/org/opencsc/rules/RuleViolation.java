package org.opencsc.rules;

import java.util.List;

/**
 * A start, message or task completion that breaks a statutory or local rule. Thrown inside the
 * engine's transaction, so nothing the refused call would have written is kept; the REST layer
 * answers 400 with {@link #getMessage()}, which names each field and its rule.
 *
 * <p>Plain Java, so the rules can be checked without an engine: the web layer finds it in the
 * cause chain of whatever the engine throws and answers 400 on every door (task complete and
 * submit-form, process start, message correlation, our own API).
 */
public class RuleViolation extends RuntimeException {

  private final transient List<Problem> problems;

  public RuleViolation(List<Problem> problems) {
    super(describe(problems));
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
