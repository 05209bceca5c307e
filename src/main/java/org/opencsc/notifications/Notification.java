package org.opencsc.notifications;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.opencsc.calendar.LondonTime;

/**
 * One mail: written in the transaction of what caused it, sent afterwards by a job
 * ({@link MailJobHandler}). Holds a case reference and the step's name, never the child's name.
 */
@Entity
@Table(name = "notification")
public class Notification {

  /** Waiting for its job; the others are final. */
  public enum Status { PENDING, SENT, SKIPPED, NOT_CONFIGURED }

  @Id
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private NotificationKind kind;

  @Column(name = "process_key")
  private String processKey;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "child_id")
  private String childId;

  @Column(name = "task_id")
  private String taskId;

  @Column(name = "task_name")
  private String taskName;

  @Column(name = "case_reference")
  private String caseReference;

  @Column(name = "due_at")
  private Instant dueAt;

  /** Comma-separated {@code user:<id>} and {@code group:<id>}; groups are expanded when sent. */
  @Column
  private String recipients;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "send_at", nullable = false)
  private Instant sendAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  /** The user ids it went to (never their addresses), or why it was not sent. */
  @Column(name = "sent_to")
  private String sentTo;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  protected Notification() {
  }

  Notification(NotificationKind kind, String recipients, Instant createdAt, Instant sendAt) {
    this.id = UUID.randomUUID().toString();
    this.kind = kind;
    this.recipients = recipients;
    this.createdAt = createdAt;
    this.sendAt = sendAt;
    this.status = Status.PENDING;
  }

  /** What the mail is about; its case reference is read when it is sent. */
  Notification aboutStep(String processKey, String processInstanceId, String childId, String taskId,
      String taskName, Instant dueAt) {
    this.processKey = processKey;
    this.processInstanceId = processInstanceId;
    this.childId = childId;
    this.taskId = taskId;
    this.taskName = taskName;
    this.dueAt = dueAt;
    return this;
  }

  void caseReference(String reference) {
    this.caseReference = reference;
  }

  void sent(Instant at, String users) {
    this.status = Status.SENT;
    this.sentAt = at;
    this.sentTo = users;
  }

  void notSent(Status status, String why) {
    this.status = status;
    this.sentTo = why;
  }

  /** As the child's timeline shows it: what, about which step, to whom and when. */
  public Map<String, Object> view() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("kind", kind.name());
    view.put("taskName", taskName);
    view.put("caseReference", caseReference);
    view.put("dueAt", dueAt == null ? null : LondonTime.format(dueAt));
    view.put("recipients", recipients);
    view.put("sendAt", LondonTime.format(sendAt));
    view.put("status", status.name());
    view.put("sentAt", sentAt == null ? null : LondonTime.format(sentAt));
    view.put("sentTo", sentTo);
    return view;
  }

  public String getId() { return id; }
  public NotificationKind getKind() { return kind; }
  public String getProcessKey() { return processKey; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getChildId() { return childId; }
  public String getTaskId() { return taskId; }
  public String getTaskName() { return taskName; }
  public String getCaseReference() { return caseReference; }
  public Instant getDueAt() { return dueAt; }
  public String getRecipients() { return recipients; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getSendAt() { return sendAt; }
  public Instant getSentAt() { return sentAt; }
  public String getSentTo() { return sentTo; }
  public Status getStatus() { return status; }
}
