package org.opencsc.engine;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What every process's case table row holds: the case (its process instance), the child it is
 * about and when it was opened. A process's entity adds its own statutory facts; the compliance
 * figures and exports join its table on these columns.
 */
@MappedSuperclass
public abstract class CaseEntity {

  @Id
  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "child_id", nullable = false)
  private String childId;

  /** When the case was opened (the row written); the column keeps its first name. */
  @Column(name = "recorded_at", nullable = false)
  private Instant openedAt;

  protected CaseEntity() {
  }

  protected CaseEntity(String processInstanceId, String childId, Instant openedAt) {
    this.processInstanceId = processInstanceId;
    this.childId = childId;
    this.openedAt = openedAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getChildId() {
    return childId;
  }

  /** When the case was opened. */
  public Instant getOpenedAt() {
    return openedAt;
  }
}
