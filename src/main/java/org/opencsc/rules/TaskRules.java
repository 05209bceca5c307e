package org.opencsc.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The rules for completing one user task: its fields, the deadline it must meet (and the breach
 * code written when it does not), and, for a manager's sign-off, the task whose work it signs
 * off (four eyes).
 */
public final class TaskRules extends FieldRules<TaskRules> {

  /** Asked for whenever a step is completed after its deadline. */
  public static final String LATE_REASON = "lateReason";

  private final String taskKey;
  private String deadlineVariable;
  private BreachCode breachCode;
  private String metAtField;
  private Predicate<Answers> deadlineApplies = answers -> true;
  private List<String> signsOffTaskKeys = List.of();
  private boolean casework;
  private final List<Consumer<Completion>> onCompleted = new ArrayList<>();
  private final List<Exclusion> exclusions = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();
  private final List<Derived> derived = new ArrayList<>();

  private TaskRules(String taskKey) {
    this.taskKey = taskKey;
  }

  public static TaskRules task(String taskKey) {
    return new TaskRules(taskKey);
  }

  /**
   * The step is due by the date-time held in {@code deadlineVariable}: it becomes the task's
   * due date, and completing later needs a {@value #LATE_REASON} and writes a breach.
   */
  public TaskRules deadline(String deadlineVariable, BreachCode breachCode) {
    this.deadlineVariable = deadlineVariable;
    this.breachCode = breachCode;
    return this;
  }

  /**
   * The deadline is met when the event recorded in this field happened (when the interview was
   * held), not when the worker completed the task: a step done on time but recorded late is not
   * a breach, and one done late is late however soon it is recorded.
   */
  public TaskRules metAt(String dateTimeField) {
    this.metAtField = dateTimeField;
    return this;
  }

  /** The deadline binds this task only for some answers (the offer, only when no interview follows). */
  public TaskRules deadlineAppliesWhen(Predicate<Answers> applies) {
    this.deadlineApplies = applies;
    return this;
  }

  /**
   * Users who may not complete this task, named by the answers (a panel member may not make the
   * agency decision); {@code rule} says why.
   */
  public TaskRules notBy(String rule, Function<Answers, Collection<String>> excludedUsers) {
    exclusions.add(new Exclusion(rule, excludedUsers));
    return this;
  }

  /**
   * Completing the step with these answers is itself a failure of the statutory duty (an
   * interview not offered): a breach with this code and the answer in {@code reasonField} as its
   * reason, and the step counts as missed in every figure, however early it was recorded.
   */
  public TaskRules failsWhen(Predicate<Answers> failed, BreachCode code, String reasonField) {
    failures.add(new Failure(failed, code, reasonField));
    return this;
  }

  /**
   * A field answered by choosing from a list the step offers when it opens (the interviewer, from
   * the users who may hold the interview): the list is kept on the task in {@code optionsVariable}
   * as JSON {@code [{"label", "value"}]}, where a Camunda Form's select finds it by its values key.
   * The list helps the person choosing; the field's own checks still decide what is accepted.
   */
  public TaskRules offers(String optionsVariable, Function<Answers, List<Choice>> choices) {
    return shows(optionsVariable, choices);
  }

  /**
   * A field whose value follows from the answers (who took part, from the list of participants):
   * once the answers are accepted it is set from {@code value}, unless that gives null. {@code from}
   * names the field the form asks for instead. A check that refuses a sent value contradicting it
   * belongs with the other rules.
   */
  public TaskRules derives(String field, String from, Function<Answers, ?> value) {
    derived.add(new Derived(field, from, value));
    return this;
  }

  /** Work to do once the task is accepted (in the same transaction), e.g. update a case record. */
  public TaskRules onCompleted(Consumer<Completion> action) {
    onCompleted.add(action);
    return this;
  }

  /**
   * This task is a manager's sign-off of the work done in these tasks: nobody who completed one
   * of them may complete this one.
   */
  public TaskRules signsOff(String... workTaskKeys) {
    this.signsOffTaskKeys = List.of(workTaskKeys);
    return this;
  }

  /**
   * The child's own social worker's work (a visit, the report, the return): whoever completes it
   * holds the case, and is the child's allocated worker in the returns from then on.
   */
  public TaskRules casework() {
    this.casework = true;
    return this;
  }

  public boolean isCasework() {
    return casework;
  }

  public String taskKey() {
    return taskKey;
  }

  public String deadlineVariable() {
    return deadlineVariable;
  }

  public BreachCode breachCode() {
    return breachCode;
  }

  public String metAtField() {
    return metAtField;
  }

  public boolean deadlineApplies(Answers answers) {
    return deadlineApplies.test(answers);
  }

  public List<Exclusion> exclusions() {
    return exclusions;
  }

  /** The first failure these answers record, if any. */
  public Optional<Failure> failureIn(Answers answers) {
    return failures.stream().filter(failure -> failure.failed().test(answers)).findFirst();
  }

  public List<Derived> derived() {
    return derived;
  }

  /** Fields set from other answers rather than typed in (a form may leave them out). */
  public Set<String> derivedFields() {
    Set<String> fields = new LinkedHashSet<>();
    derived.forEach(field -> fields.add(field.field()));
    return fields;
  }

  public List<Consumer<Completion>> completionActions() {
    return onCompleted;
  }

  public List<String> signsOffTaskKeys() {
    return signsOffTaskKeys;
  }

  /** The variable recording who completed a task, read by four-eyes checks and the timeline. */
  public static String completedByVariable(String taskKey) {
    return taskKey + "CompletedBy";
  }

  /** The variable recording when a task was completed (ISO date-time, UK time). */
  public static String completedAtVariable(String taskKey) {
    return taskKey + "CompletedAt";
  }

  /** Answers that make the step a failure of the duty, the breach they record and its reason. */
  public record Failure(Predicate<Answers> failed, BreachCode code, String reasonField) {
  }

  /** One entry of a list to choose from: what is stored, and what the person choosing reads. */
  public record Choice(String value, String label) {
  }

  /** A field set from the other answers once they are accepted. */
  public record Derived(String field, String from, Function<Answers, ?> value) {
  }

  /** A group of users kept from a task, and the rule that keeps them. */
  public record Exclusion(String rule, Function<Answers, Collection<String>> users) {
  }

  @Override
  protected TaskRules self() {
    return this;
  }
}
