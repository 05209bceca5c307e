package org.opencsc.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.opencsc.calendar.LondonTime;
import org.opencsc.rules.BreachCode;

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

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  /** The escalation case that watches this breach (one per breach). */
  @Column(name = "escalation_id")
  private String escalationId;

  /** When a service manager was asked to review it. */
  @Column(name = "escalated_at")
  private Instant escalatedAt;

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

  /**
   * The step was done after its deadline. Where two steps answer one deadline (an interview
   * offered late, then held late) the last one stands: that is when the duty was met.
   */
  void done(String taskKey, Instant at, String by, String why) {
    this.taskKey = taskKey;
    this.doneAt = at;
    this.doneBy = by;
    this.reason = why;
  }

  /** Done in time after all, recorded only after the deadline timer fired: not a breach. */
  void withdraw(String taskKey, Instant doneAt, String doneBy, Instant at) {
    this.taskKey = taskKey;
    this.doneAt = doneAt;
    this.doneBy = doneBy;
    this.withdrawnAt = at;
  }

  void watchedBy(String escalationId) {
    this.escalationId = escalationId;
  }

  void escalated(Instant at) {
    this.escalatedAt = at;
  }

  /** Still open: the step not yet done, and not shown to have been done in time. */
  public boolean isUnresolved() {
    return doneAt == null && withdrawnAt == null;
  }

  public boolean isWithdrawn() {
    return withdrawnAt != null;
  }

  /** The breach as the API shows it (contract: code, process, instance, child, due, done, reason). */
  public Map<String, Object> view() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("code", code.name());
    view.put("process", processKey);
    view.put("processInstanceId", processInstanceId);
    view.put("childId", childId);
    view.put("taskKey", taskKey);
    view.put("dueAt", LondonTime.format(dueAt));
    view.put("doneAt", doneAt == null ? null : LondonTime.format(doneAt));
    view.put("doneBy", doneBy);
    view.put("reason", reason);
    view.put("escalatedAt", escalatedAt == null ? null : LondonTime.format(escalatedAt));
    return view;
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
  public Instant getWithdrawnAt() { return withdrawnAt; }
  public String getEscalationId() { return escalationId; }
  public Instant getEscalatedAt() { return escalatedAt; }
}
