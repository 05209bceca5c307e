package org.opencsc.workflow;

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
  private String signsOffTaskKey;

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

  /** This task is a manager's sign-off of {@code workTaskKey}: the same person may not do both. */
  public TaskRules signsOff(String workTaskKey) {
    this.signsOffTaskKey = workTaskKey;
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

  public String signsOffTaskKey() {
    return signsOffTaskKey;
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
