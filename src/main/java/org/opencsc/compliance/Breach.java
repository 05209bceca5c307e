package org.opencsc.compliance;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One late statutory step: what, for which child and case, when it was due and done, and why. */
@Entity
@Table(name = "breach")
public class Breach {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private BreachCode code;

  @Column(name = "process_key", nullable = false)
  private String processKey;

  @Column(name = "process_instance_id", nullable = false)
  private String processInstanceId;

  @Column(name = "child_id")
  private String childId;

  @Column(name = "task_key")
  private String taskKey;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(name = "done_at")
  private Instant doneAt;

  @Column(name = "done_by")
  private String doneBy;

  @Column
  private String reason;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected Breach() {
  }

  Breach(BreachRegister.Step step, Instant recordedAt) {
    this.code = step.code();
    this.processKey = step.processKey();
    this.processInstanceId = step.processInstanceId();
    this.childId = step.childId();
    this.taskKey = step.taskKey();
    this.dueAt = step.dueAt();
    this.recordedAt = recordedAt;
  }

  /** The step was done after all; the first completion's time, person and reason stand. */
  void done(Instant at, String by, String why) {
    if (doneAt == null) {
      this.doneAt = at;
      this.doneBy = by;
      this.reason = why;
    }
  }

  public Long getId() { return id; }
  public BreachCode getCode() { return code; }
  public String getProcessKey() { return processKey; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getChildId() { return childId; }
  public String getTaskKey() { return taskKey; }
  public Instant getDueAt() { return dueAt; }
  public Instant getDoneAt() { return doneAt; }
  public String getDoneBy() { return doneBy; }
  public String getReason() { return reason; }
  public Instant getRecordedAt() { return recordedAt; }
}
