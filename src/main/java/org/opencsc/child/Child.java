package org.opencsc.child;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A child known to children's social care; every case names one. */
@Entity
@Table(name = "child")
public class Child {

  @Id
  private String id;

  @Column(nullable = false)
  private String name;

  @Column(name = "date_of_birth", nullable = false)
  private LocalDate dateOfBirth;

  @Column(name = "looked_after", nullable = false)
  private boolean lookedAfter;

  @Column(nullable = false)
  private boolean disabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  protected Child() {
  }

  public Child(String id, String name, LocalDate dateOfBirth, boolean lookedAfter, boolean disabled,
      Instant createdAt, String createdBy) {
    this.id = id;
    this.name = name;
    this.dateOfBirth = dateOfBirth;
    this.lookedAfter = lookedAfter;
    this.disabled = disabled;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  public String getId() { return id; }
  public String getName() { return name; }
  public LocalDate getDateOfBirth() { return dateOfBirth; }
  public boolean isLookedAfter() { return lookedAfter; }
  public boolean isDisabled() { return disabled; }
  public Instant getCreatedAt() { return createdAt; }
  public String getCreatedBy() { return createdBy; }
}
