package org.opencsc.strategy;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.opencsc.engine.CaseEntity;

/** One strategy discussion and what followed it, as Annex A List 5 asks. */
@Entity
@Table(name = "strategy_discussion")
public class StrategyDiscussion extends CaseEntity {

  @Column(name = "referral_received_at", nullable = false)
  private Instant referralReceivedAt;

  @Column(nullable = false)
  private String concern;

  @Column(nullable = false)
  private boolean urgent;

  @Column(name = "looked_after", nullable = false)
  private boolean lookedAfter;

  @Column(name = "missing_episode_id")
  private String missingEpisodeId;

  @Column(name = "assessment_due_at", nullable = false)
  private Instant assessmentDueAt;

  @Column(name = "held_at")
  private Instant heldAt;

  @Column
  private String decision;

  @Column(name = "s47_type")
  private String s47Type;

  @Column(name = "agency_override", nullable = false)
  private boolean agencyOverride;

  @Column(name = "decision_approved_by")
  private String decisionApprovedBy;

  @Column(name = "decision_approved_at")
  private Instant decisionApprovedAt;

  @Column(name = "s47_started_at")
  private Instant s47StartedAt;

  @Column(name = "icpc_due_at")
  private Instant icpcDueAt;

  @Column(name = "s47_outcome")
  private String s47Outcome;

  @Column(name = "icpc_not_required_reason")
  private String icpcNotRequiredReason;

  @Column(name = "icpc_held_on")
  private LocalDate icpcHeldOn;

  @Column(name = "child_protection_plan")
  private Boolean childProtectionPlan;

  protected StrategyDiscussion() {
  }

  StrategyDiscussion(String processInstanceId, String childId, Instant referralReceivedAt, String concern,
      boolean urgent, boolean lookedAfter, String missingEpisodeId, Instant assessmentDueAt, Instant openedAt) {
    super(processInstanceId, childId, openedAt);
    this.referralReceivedAt = referralReceivedAt;
    this.concern = concern;
    this.urgent = urgent;
    this.lookedAfter = lookedAfter;
    this.missingEpisodeId = missingEpisodeId;
    this.assessmentDueAt = assessmentDueAt;
  }

  void discussed(Instant heldAt, String decision, String s47Type) {
    this.heldAt = heldAt;
    this.decision = decision;
    this.s47Type = s47Type;
    if ("SECTION_47".equals(decision) && s47StartedAt == null) {
      // the discussion at which the enquiry was first decided: the ICPC clock never restarts
      this.s47StartedAt = heldAt;
    }
  }

  void overridden() {
    this.agencyOverride = true;
  }

  void approved(String by, Instant at) {
    this.decisionApprovedBy = by;
    this.decisionApprovedAt = at;
  }

  /** When the section 47 enquiry was first decided, if it has been. */
  public Instant getS47StartedAt() { return s47StartedAt; }

  void enquiryStarted(Instant icpcDueAt) {
    this.icpcDueAt = icpcDueAt;
  }

  void enquiryOutcome(String s47Outcome, String icpcNotRequiredReason) {
    this.s47Outcome = s47Outcome;
    this.icpcNotRequiredReason = icpcNotRequiredReason;
  }

  void conferenceHeld(LocalDate heldOn, boolean childProtectionPlan) {
    this.icpcHeldOn = heldOn;
    this.childProtectionPlan = childProtectionPlan;
  }

  public boolean isLookedAfter() { return lookedAfter; }
  public Instant getHeldAt() { return heldAt; }
  public String getDecision() { return decision; }
  public String getS47Type() { return s47Type; }
  public boolean isAgencyOverride() { return agencyOverride; }
  public String getDecisionApprovedBy() { return decisionApprovedBy; }
  public String getIcpcNotRequiredReason() { return icpcNotRequiredReason; }
  public LocalDate getIcpcHeldOn() { return icpcHeldOn; }
  public Boolean getChildProtectionPlan() { return childProtectionPlan; }
}
