package org.opencsc.protection;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A review conference of a plan, as the CIN census lists them (one row per review). */
@Entity
@Table(name = "child_protection_review")
public class ChildProtectionReview {

  @Id
  @Column(name = "task_id")
  private String taskId;

  @Column(name = "process_instance_id", nullable = false)
  private String processInstanceId;

  @Column(name = "held_on", nullable = false)
  private LocalDate heldOn;

  @Column(nullable = false)
  private String decision;

  protected ChildProtectionReview() {
  }

  ChildProtectionReview(String taskId, String processInstanceId, LocalDate heldOn, String decision) {
    this.taskId = taskId;
    this.processInstanceId = processInstanceId;
    this.heldOn = heldOn;
    this.decision = decision;
  }

  public LocalDate getHeldOn() { return heldOn; }
  public String getDecision() { return decision; }
}
