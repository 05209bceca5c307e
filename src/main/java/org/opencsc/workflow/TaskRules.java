package org.opencsc.workflow;

import java.util.List;

import org.opencsc.compliance.BreachCode;

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
  private List<String> signsOffTaskKeys = List.of();

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
   * This task is a manager's sign-off of the work done in these tasks: nobody who completed one
   * of them may complete this one.
   */
  public TaskRules signsOff(String... workTaskKeys) {
    this.signsOffTaskKeys = List.of(workTaskKeys);
    return this;
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

  @Override
  protected TaskRules self() {
    return this;
  }
}
