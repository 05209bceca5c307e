package org.opencsc.engine;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Who completed a user task, when, against which due date, and what they recorded. Written only
 * by the engine's completion listener, so four-eyes checks cannot be fooled by variables in a
 * request. It is the case's audit log of answers (ADR 0008): a step done twice has two records.
 */
@Entity
@Table(name = "step_record")
public class CompletedStep {

  @Id
  @Column(name = "task_id")
  private String taskId;

  @Column(name = "process_instance_id", nullable = false)
  private String processInstanceId;

  @Column(name = "process_key", nullable = false)
  private String processKey;

  @Column(name = "task_key", nullable = false)
  private String taskKey;

  @Column(name = "completed_by")
  private String completedBy;

  @Column(name = "completed_at", nullable = false)
  private Instant completedAt;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(nullable = false)
  private boolean late;

  /** What the completion recorded: the step's fields and any late reason, as a JSON object. */
  @Column(length = 10_000_000)
  @JdbcTypeCode(SqlTypes.VARCHAR) // a varchar as long as PostgreSQL allows, not a LOB
  private String answers;

  protected CompletedStep() {
  }

  CompletedStep(String taskId, String processInstanceId, String processKey, String taskKey, String completedBy,
      Instant completedAt, Instant dueAt, boolean late, String answers) {
    this.taskId = taskId;
    this.processInstanceId = processInstanceId;
    this.processKey = processKey;
    this.taskKey = taskKey;
    this.completedBy = completedBy;
    this.completedAt = completedAt;
    this.dueAt = dueAt;
    this.late = late;
    this.answers = answers;
  }

  public String getTaskId() { return taskId; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getProcessKey() { return processKey; }
  public String getTaskKey() { return taskKey; }
  public String getCompletedBy() { return completedBy; }
  public Instant getCompletedAt() { return completedAt; }
  public Instant getDueAt() { return dueAt; }
  public boolean isLate() { return late; }
  public String getAnswers() { return answers; }
}
