package org.opencsc.alerts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.opencsc.engine.CaseEntity;

/** An IRO's alert about a child's plan: who raised it, the stage it reached, how it ended. */
@Entity
@Table(name = "practice_alert")
public class PracticeAlert extends CaseEntity {

  @Column(name = "raised_by")
  private String raisedBy;

  @Column(nullable = false)
  private int stage;

  @Column(name = "stage_due_at")
  private Instant stageDueAt;

  @Column
  private Boolean resolved;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "refer_to_cafcass")
  private Boolean referToCafcass;

  protected PracticeAlert() {
  }

  PracticeAlert(String processInstanceId, String childId, String raisedBy, Instant stageDueAt, Instant openedAt) {
    super(processInstanceId, childId, openedAt);
    this.raisedBy = raisedBy;
    this.stage = 1;
    this.stageDueAt = stageDueAt;
  }

  void nextStage(int stage, Instant dueAt) {
    this.stage = stage;
    this.stageDueAt = dueAt;
  }

  void resolvedAt(Instant at) {
    this.resolved = true;
    this.closedAt = at;
  }

  void cafcassDecided(boolean refer, Instant at) {
    this.resolved = false;
    this.referToCafcass = refer;
    this.closedAt = at;
  }

  public String getRaisedBy() { return raisedBy; }
  public int getStage() { return stage; }
  public Boolean getResolved() { return resolved; }
  public Instant getClosedAt() { return closedAt; }
  public Boolean getReferToCafcass() { return referToCafcass; }
}
