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

  /** The council's own id for the child: the key of every statutory return; unique when given. */
  @Column(name = "la_child_id")
  private String laChildId;

  /** Unique Pupil Number: 13 characters with the DfE check letter. */
  private String upn;

  /** A DfE gender code (contract: MALE, FEMALE, NOT_STATED, NEITHER). */
  private String gender;

  /** A DfE ethnicity code (WBRI … NOBT). */
  private String ethnicity;

  /** Unaccompanied asylum-seeking child; null when not recorded. */
  private Boolean uasc;

  @Column(name = "allocated_team")
  private String allocatedTeam;

  /** The user id of the child's allocated social worker. */
  @Column(name = "allocated_worker")
  private String allocatedWorker;

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

  /** A social worker now holds the child's case (they did its casework last). */
  void allocatedTo(String worker) {
    this.allocatedWorker = worker;
  }

  /** What the returns need beyond what every child has; each may be null. */
  public record ReturnDetails(String laChildId, String upn, String gender, String ethnicity, Boolean uasc,
      String allocatedTeam, String allocatedWorker) {

    public static final ReturnDetails NONE = new ReturnDetails(null, null, null, null, null, null, null);
  }

  public Child(String id, String name, LocalDate dateOfBirth, boolean lookedAfter, boolean disabled,
      Instant createdAt, String createdBy, ReturnDetails details) {
    this(id, name, dateOfBirth, lookedAfter, disabled, createdAt, createdBy);
    this.laChildId = details.laChildId();
    this.upn = details.upn();
    this.gender = details.gender();
    this.ethnicity = details.ethnicity();
    this.uasc = details.uasc();
    this.allocatedTeam = details.allocatedTeam();
    this.allocatedWorker = details.allocatedWorker();
  }

  /** Whether a looked-after period is open today; kept in step with the periods. */
  void lookedAfter(boolean now) {
    this.lookedAfter = now;
  }

  public ReturnDetails getReturnDetails() {
    return new ReturnDetails(laChildId, upn, gender, ethnicity, uasc, allocatedTeam, allocatedWorker);
  }

  public String getId() { return id; }
  public String getName() { return name; }
  public LocalDate getDateOfBirth() { return dateOfBirth; }
  public boolean isLookedAfter() { return lookedAfter; }
  public boolean isDisabled() { return disabled; }
  public Instant getCreatedAt() { return createdAt; }
  public String getCreatedBy() { return createdBy; }
}
