package org.opencsc.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.opencsc.rules.RuleViolation.Problem;

/**
 * What must be present, and in what form, before a step may happen: required fields,
 * fields required only in some answers (e.g. a decline reason when the interview was
 * declined), and checks across fields (e.g. return not before the start of the episode).
 *
 * @param <S> the concrete rules type, so declarations chain
 */
public abstract class FieldRules<S extends FieldRules<S>> {

  private final List<Requirement> requirements = new ArrayList<>();
  private final List<Check> checks = new ArrayList<>();
  private final List<Shown> shown = new ArrayList<>();

  /** The field must be given, of this type. */
  public S require(String field, FieldType type) {
    requirements.add(new Requirement(field, type, null, answers -> true, true));
    return self();
  }

  /** The field must be given, of this type, when the condition holds; otherwise it may be given. */
  public S requireWhen(String field, FieldType type, String when, Predicate<Answers> condition) {
    requirements.add(new Requirement(field, type, when, condition, true));
    return self();
  }

  /** The field may be left out; when given it must be of this type. */
  public S optional(String field, FieldType type) {
    requirements.add(new Requirement(field, type, null, answers -> false, false));
    return self();
  }

  /** A rule across fields, checked once every field has the right type. */
  public S check(String field, String rule, Predicate<Answers> holds) {
    checks.add(new Check(field, rule, holds));
    return self();
  }

  /**
   * A value worked out from the answers and kept for forms and lists to read: on a task when the
   * step opens (whether the child is of school age), on the case when it starts (the child's
   * name for the task lists). A list is kept as JSON, anything else as it is.
   */
  public S shows(String variable, Function<Answers, ?> value) {
    shown.add(new Shown(variable, value));
    return self();
  }

  public List<Shown> shown() {
    return shown;
  }

  /** Every field these rules name, in declaration order. */
  public Set<String> fields() {
    Set<String> fields = new LinkedHashSet<>();
    requirements.forEach(requirement -> fields.add(requirement.field()));
    return Collections.unmodifiableSet(fields);
  }

  /** Fields that must always be given (a form marks them required). */
  public Set<String> requiredFields() {
    Set<String> fields = new LinkedHashSet<>();
    requirements.stream().filter(r -> r.requiredWhenConditionHolds() && r.when() == null)
        .forEach(r -> fields.add(r.field()));
    return Collections.unmodifiableSet(fields);
  }

  /** Fields required only in some answers (a form shows and requires them only then). */
  public Set<String> conditionallyRequiredFields() {
    Set<String> fields = new LinkedHashSet<>();
    requirements.stream().filter(r -> r.requiredWhenConditionHolds() && r.when() != null)
        .forEach(r -> fields.add(r.field()));
    return Collections.unmodifiableSet(fields);
  }

  /** The type a field must have. */
  public FieldType typeOf(String field) {
    return requirements.stream().filter(r -> r.field().equals(field)).map(Requirement::type).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No rule for " + field));
  }

  /** The broken rules, in declaration order; empty when the answers may be accepted. */
  public List<Problem> problemsIn(Answers answers) {
    List<Problem> problems = new ArrayList<>();
    for (Requirement requirement : requirements) {
      requirement.problemIn(answers).ifPresent(problems::add);
    }
    if (problems.isEmpty()) {
      for (Check check : checks) {
        if (!check.holds().test(answers)) {
          problems.add(new Problem(check.field(), check.rule()));
        }
      }
    }
    return problems;
  }

  protected abstract S self();

  private record Requirement(String field, FieldType type, String when, Predicate<Answers> condition,
      boolean requiredWhenConditionHolds) {

    java.util.Optional<Problem> problemIn(Answers answers) {
      Object value = answers.get(field);
      boolean missing = value == null || type.isBlank(value);
      if (missing) {
        if (requiredWhenConditionHolds && condition.test(answers)) {
          String rule = "is required" + (when == null ? "" : " when " + when);
          return java.util.Optional.of(new Problem(field, rule + " (" + type.description() + ")"));
        }
        return java.util.Optional.empty();
      }
      return type.problemWith(value).map(problem -> new Problem(field, problem));
    }
  }

  private record Check(String field, String rule, Predicate<Answers> holds) {
  }

  /** A value kept for forms and lists to read, worked out from the answers. */
  public record Shown(String variable, Function<Answers, ?> value) {
  }
}
