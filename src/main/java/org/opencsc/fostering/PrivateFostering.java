package org.opencsc.fostering;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.opencsc.engine.CaseEntity;

/** One private fostering arrangement in the register. */
@Entity
@Table(name = "private_fostering")
public class PrivateFostering extends CaseEntity {

  @Column(name = "notified_at", nullable = false)
  private Instant notifiedAt;

  @Column(name = "notification_type", nullable = false)
  private String notificationType;

  @Column(name = "arrangement_start", nullable = false)
  private LocalDate arrangementStart;

  @Column(name = "intended_duration_days", nullable = false)
  private int intendedDurationDays;

  @Column(name = "carer_name", nullable = false)
  private String carerName;

  @Column(name = "carer_relationship", nullable = false)
  private String carerRelationship;

  @Column(name = "first_visit_due_at", nullable = false)
  private Instant firstVisitDueAt;

  @Column(name = "assessment_due_at", nullable = false)
  private Instant assessmentDueAt;

  @Column(name = "privately_fostered")
  private Boolean privatelyFostered;

  @Column(name = "eligibility_reason")
  private String eligibilityReason;

  @Column(name = "not_private_fostering_reason")
  private String notPrivateFosteringReason;

  @Column
  private String suitability;

  @Column(name = "suitability_requirements")
  private String suitabilityRequirements;

  @Column(name = "suitability_decided_by")
  private String suitabilityDecidedBy;

  @Column(name = "suitability_decided_at")
  private Instant suitabilityDecidedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "end_reason")
  private String endReason;

  @Column(name = "now_living_with")
  private String nowLivingWith;

  protected PrivateFostering() {
  }

  PrivateFostering(String processInstanceId, String childId, Instant notifiedAt, String notificationType,
      LocalDate arrangementStart, int intendedDurationDays, String carerName, String carerRelationship,
      Instant firstVisitDueAt, Instant assessmentDueAt, Instant openedAt) {
    super(processInstanceId, childId, openedAt);
    this.notifiedAt = notifiedAt;
    this.notificationType = notificationType;
    this.arrangementStart = arrangementStart;
    this.intendedDurationDays = intendedDurationDays;
    this.carerName = carerName;
    this.carerRelationship = carerRelationship;
    this.firstVisitDueAt = firstVisitDueAt;
    this.assessmentDueAt = assessmentDueAt;
  }

  void eligibility(boolean privatelyFostered, String reason) {
    this.privatelyFostered = privatelyFostered;
    this.eligibilityReason = reason;
  }

  void notPrivateFostering(String reason) {
    this.notPrivateFosteringReason = reason;
  }

  void suitability(String suitability, String requirements, String by, Instant at) {
    this.suitability = suitability;
    this.suitabilityRequirements = requirements;
    this.suitabilityDecidedBy = by;
    this.suitabilityDecidedAt = at;
  }

  void ended(Instant at, String reason, String nowLivingWith) {
    if (endedAt == null) {
      this.endedAt = at;
      this.endReason = reason;
      this.nowLivingWith = nowLivingWith;
    }
  }

  public Boolean getPrivatelyFostered() { return privatelyFostered; }
  public String getSuitability() { return suitability; }
  public String getSuitabilityRequirements() { return suitabilityRequirements; }
  public String getEndReason() { return endReason; }
  public String getNowLivingWith() { return nowLivingWith; }
}
