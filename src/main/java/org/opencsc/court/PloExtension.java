package org.opencsc.court;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An extension of the 26 weeks the court ordered: never silent, each kept with its order and reasons. */
@Entity
@Table(name = "plo_extension")
public class PloExtension {

  @Id
  @Column(name = "task_id")
  private String taskId;

  @Column(name = "process_instance_id", nullable = false)
  private String processInstanceId;

  @Column(nullable = false)
  private int weeks;

  @Column(name = "court_order_date", nullable = false)
  private LocalDate courtOrderDate;

  @Column(name = "previous_due_at", nullable = false)
  private Instant previousDueAt;

  @Column(name = "new_due_at", nullable = false)
  private Instant newDueAt;

  @Column(name = "recorded_by")
  private String recordedBy;

  protected PloExtension() {
  }

  PloExtension(String taskId, String processInstanceId, int weeks, LocalDate courtOrderDate, Instant previousDueAt,
      Instant newDueAt, String recordedBy) {
    this.taskId = taskId;
    this.processInstanceId = processInstanceId;
    this.weeks = weeks;
    this.courtOrderDate = courtOrderDate;
    this.previousDueAt = previousDueAt;
    this.newDueAt = newDueAt;
    this.recordedBy = recordedBy;
  }

  public int getWeeks() { return weeks; }
  public LocalDate getCourtOrderDate() { return courtOrderDate; }
  public Instant getPreviousDueAt() { return previousDueAt; }
  public Instant getNewDueAt() { return newDueAt; }
}
