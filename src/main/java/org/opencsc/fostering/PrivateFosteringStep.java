package org.opencsc.fostering;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A visit or review of a private fostering arrangement, against its due date. */
@Entity
@Table(name = "private_fostering_step")
public class PrivateFosteringStep {

  /** What kind of step: the first visit, a statutory visit, or a review. */
  public enum Kind { FIRST_VISIT, VISIT, REVIEW }

  @Id
  @Column(name = "task_id")
  private String taskId;

  @Column(name = "process_instance_id", nullable = false)
  private String processInstanceId;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "done_at", nullable = false)
  private Instant doneAt;

  @Column(name = "done_by")
  private String doneBy;

  @Column(name = "on_time", nullable = false)
  private boolean onTime;

  @Column(name = "seen_alone")
  private Boolean seenAlone;

  protected PrivateFosteringStep() {
  }

  PrivateFosteringStep(String taskId, String processInstanceId, Kind kind, Instant dueAt, Instant doneAt,
      String doneBy, Boolean seenAlone) {
    this.taskId = taskId;
    this.processInstanceId = processInstanceId;
    this.kind = kind;
    this.dueAt = dueAt;
    this.doneAt = doneAt;
    this.doneBy = doneBy;
    this.onTime = dueAt == null || !doneAt.isAfter(dueAt);
    this.seenAlone = seenAlone;
  }

  public String getTaskId() { return taskId; }
  public String getProcessInstanceId() { return processInstanceId; }
  public Kind getKind() { return kind; }
  public Instant getDueAt() { return dueAt; }
  public Instant getDoneAt() { return doneAt; }
  public String getDoneBy() { return doneBy; }
  public boolean isOnTime() { return onTime; }
  public Boolean getSeenAlone() { return seenAlone; }
}
