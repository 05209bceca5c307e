package org.opencsc.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.opencsc.calendar.LondonTime;
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

  /**
   * A rule across fields, checked once every field has the right type. Only the server can check
   * it: a form in the browser cannot (it needs other answers, the clock or the case).
   */
  public S check(String field, String rule, Predicate<Answers> holds) {
    checks.add(new Check(field, rule, holds, Map.of()));
    return self();
  }

  /**
   * A box the worker must tick (a confirmation, such as having read a report). The form marks it
   * required, which in Camunda Forms means ticked, so the worker learns it before submitting.
   */
  public S mustTick(String field, String rule) {
    return mustTickWhen(field, rule, answers -> true);
  }

  /** A box the worker must tick when the condition holds (the form shows it only then). */
  public S mustTickWhen(String field, String rule, Predicate<Answers> when) {
    checks.add(new Check(field, rule, answers -> !when.test(answers) || answers.isTrue(field), Map.of("required", true)));
    return self();
  }

  /**
   * Text of at least this many characters once spaces at either end are left out (as the form
   * counts them too), whenever it is given.
   */
  public S atLeastCharacters(String field, int min, String rule) {
    checks.add(new Check(field, rule, answers -> answers.text(field) == null
        || answers.text(field).strip().length() >= min, Map.of("minLength", min)));
    return self();
  }

  /** A whole number no smaller than this, whenever it is given. */
  public S atLeast(String field, int min, String rule) {
    checks.add(new Check(field, rule, answers -> answers.integer(field) == null || answers.integer(field) >= min,
        Map.of("min", min)));
    return self();
  }

  /** A whole number no larger than this, whenever it is given. */
  public S atMost(String field, int max, String rule) {
    checks.add(new Check(field, rule, answers -> answers.integer(field) == null || answers.integer(field) <= max,
        Map.of("max", max)));
    return self();
  }

  /**
   * Text that matches this pattern as a whole, whenever it is given. The pattern is written for
   * both Java and the browser's JavaScript (anchored with ^ and $, no flags): the form checks the
   * same pattern as the server.
   */
  public S matches(String field, String pattern, String rule) {
    Pattern compiled = Pattern.compile(pattern);
    checks.add(new Check(field, rule, answers -> answers.text(field) == null
        || compiled.matcher(answers.text(field)).matches(), Map.of("pattern", pattern)));
    return self();
  }

  /** Every rule across fields, in declaration order, with what a form can check of each. */
  public List<Check> checks() {
    return Collections.unmodifiableList(checks);
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

  /**
   * Date-times of the case as the form shows them: in UK time, day first on a 24-hour clock
   * ("Tue 15/12/2026 23:59"), whatever the clock and language of the reader's browser. Each is
   * kept as {@code <variable>InUkTime}, empty while the case has no such time.
   */
  public S showsInUkTime(String... variables) {
    for (String variable : variables) {
      shows(variable + IN_UK_TIME, answers -> {
        java.time.ZonedDateTime moment = answers.dateTime(variable);
        return moment == null ? null : LondonTime.forReading(moment.toInstant());
      });
    }
    return self();
  }

  /** The ending of a date-time's UK reading kept for forms (see {@link #showsInUkTime}). */
  public static final String IN_UK_TIME = "InUkTime";

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

  /**
   * A rule on a field beyond its type. {@code formValidation} is what Camunda Forms can check of it
   * in the browser, as the entries of the field's {@code validate} (such as {@code minLength: 50});
   * empty when only the server can check it.
   */
  public record Check(String field, String rule, Predicate<Answers> holds, Map<String, Object> formValidation) {

    public boolean serverOnly() {
      return formValidation.isEmpty();
    }
  }

  /** A value kept for forms and lists to read, worked out from the answers. */
  public record Shown(String variable, Function<Answers, ?> value) {
  }
}
