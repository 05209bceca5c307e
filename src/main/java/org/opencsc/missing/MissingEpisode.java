package org.opencsc.missing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.opencsc.engine.CaseEntity;

/** One missing or away episode as inspectors ask about it (Annex A List 8). */
@Entity
@Table(name = "missing_episode")
public class MissingEpisode extends CaseEntity {

  @Column(name = "episode_reference")
  private String episodeReference;

  @Column(name = "episode_type", nullable = false)
  private String episodeType;

  @Column(name = "missing_from", nullable = false)
  private Instant missingFrom;

  @Column(name = "reported_by")
  private String reportedBy;

  @Column(name = "episodes_in_window", nullable = false)
  private int episodesInWindow;

  @Column(name = "repeat_missing", nullable = false)
  private boolean repeatMissing;

  @Column(name = "risk_level")
  private String riskLevel;

  @Column(name = "risk_approved_by")
  private String riskApprovedBy;

  @Column(name = "risk_approved_at")
  private Instant riskApprovedAt;

  @Column(name = "risk_approval_rationale")
  private String riskApprovalRationale;

  @Column(name = "returned_at")
  private Instant returnedAt;

  @Column(name = "rhi_due_at")
  private Instant rhiDueAt;

  @Column(name = "rhi_offered")
  private Boolean rhiOffered;

  @Column(name = "rhi_offered_at")
  private Instant rhiOfferedAt;

  @Column(name = "rhi_not_offered_reason")
  private String rhiNotOfferedReason;

  @Column(name = "rhi_accepted")
  private Boolean rhiAccepted;

  @Column(name = "rhi_decline_reason")
  private String rhiDeclineReason;

  @Column(name = "rhi_held_at")
  private Instant rhiHeldAt;

  @Column
  private String interviewer;

  @Column(name = "interviewer_independent")
  private Boolean interviewerIndependent;

  @Column(name = "harm_disclosed")
  private Boolean harmDisclosed;

  @Column(name = "review_outcome")
  private String reviewOutcome;

  @Column(name = "reviewed_by")
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "review_rationale")
  private String reviewRationale;

  @Column(name = "no_strategy_reason")
  private String noStrategyReason;

  @Column(name = "interview_not_held_reason")
  private String interviewNotHeldReason;

  @Column(name = "strategy_discussion_id")
  private String strategyDiscussionId;

  protected MissingEpisode() {
  }

  MissingEpisode(String processInstanceId, String childId, String episodeReference, String episodeType,
      Instant missingFrom, String reportedBy, Instant openedAt) {
    super(processInstanceId, childId, openedAt);
    this.episodeReference = episodeReference;
    this.episodeType = episodeType;
    this.missingFrom = missingFrom;
    this.reportedBy = reportedBy;
  }

  void repeatCount(int episodesInWindow, boolean repeatMissing) {
    this.episodesInWindow = episodesInWindow;
    this.repeatMissing = repeatMissing;
  }

  void riskApproved(String riskLevel, String by, Instant at, String rationale) {
    this.riskLevel = riskLevel;
    this.riskApprovedBy = by;
    this.riskApprovedAt = at;
    this.riskApprovalRationale = rationale;
  }

  void returned(Instant returnedAt, Instant rhiDueAt) {
    this.returnedAt = returnedAt;
    this.rhiDueAt = rhiDueAt;
  }

  void offer(Boolean offered, Instant offeredAt, String notOfferedReason, Boolean accepted, String declineReason) {
    this.rhiOffered = offered;
    this.rhiOfferedAt = offeredAt;
    this.rhiNotOfferedReason = notOfferedReason;
    this.rhiAccepted = accepted;
    this.rhiDeclineReason = declineReason;
  }

  void interview(Instant heldAt, String interviewer, Boolean independent, Boolean harmDisclosed) {
    this.rhiHeldAt = heldAt;
    this.interviewer = interviewer;
    this.interviewerIndependent = independent;
    this.harmDisclosed = harmDisclosed;
  }

  void reviewed(String outcome, String by, Instant at, String rationale, String noStrategyReason) {
    this.reviewOutcome = outcome;
    this.reviewedBy = by;
    this.reviewedAt = at;
    this.reviewRationale = rationale;
    this.noStrategyReason = noStrategyReason;
  }

  void notHeld(String reason) {
    this.interviewNotHeldReason = reason;
  }

  void referred(String strategyDiscussionId) {
    this.strategyDiscussionId = strategyDiscussionId;
  }

  public String getStrategyDiscussionId() { return strategyDiscussionId; }
  public String getEpisodeReference() { return episodeReference; }
  public Instant getMissingFrom() { return missingFrom; }
  public boolean isRepeatMissing() { return repeatMissing; }
  public String getRiskLevel() { return riskLevel; }
  public String getRiskApprovedBy() { return riskApprovedBy; }
  public Instant getReturnedAt() { return returnedAt; }
  public Boolean getRhiOffered() { return rhiOffered; }
  public Boolean getRhiAccepted() { return rhiAccepted; }
  public String getRhiDeclineReason() { return rhiDeclineReason; }
  public Instant getRhiHeldAt() { return rhiHeldAt; }
  public Boolean getInterviewerIndependent() { return interviewerIndependent; }
  public String getReviewOutcome() { return reviewOutcome; }
  public String getReviewedBy() { return reviewedBy; }
  public String getInterviewNotHeldReason() { return interviewNotHeldReason; }
}
