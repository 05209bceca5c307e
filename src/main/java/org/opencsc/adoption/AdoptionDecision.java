package org.opencsc.adoption;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One adoption decision and its notices, as Annex A List 10 asks. */
@Entity
@Table(name = "adoption_decision")
public class AdoptionDecision {

  @Id
  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "child_id", nullable = false)
  private String childId;

  @Column(name = "decision_type", nullable = false)
  private String decisionType;

  @Column(nullable = false)
  private String route;

  @Column(name = "cpr_approved_by")
  private String cprApprovedBy;

  @Column(name = "cpr_approved_at")
  private Instant cprApprovedAt;

  @Column(name = "panel_date")
  private LocalDate panelDate;

  @Column(name = "panel_recommends_approval")
  private Boolean panelRecommendsApproval;

  @Column(name = "final_minutes_received_at")
  private Instant finalMinutesReceivedAt;

  @Column(name = "adm_decision_due_at")
  private Instant admDecisionDueAt;

  @Column(name = "adm_decided_by")
  private String admDecidedBy;

  @Column(name = "adm_decided_at")
  private Instant admDecidedAt;

  @Column(name = "adm_approves")
  private Boolean admApproves;

  @Column(name = "departs_from_panel")
  private Boolean departsFromPanel;

  @Column(name = "qualifying_determination", nullable = false)
  private boolean qualifyingDetermination;

  @Column(name = "final_decided_at")
  private Instant finalDecidedAt;

  @Column(name = "final_approves")
  private Boolean finalApproves;

  @Column(name = "oral_notice_at")
  private Instant oralNoticeAt;

  @Column(name = "written_notice_at")
  private Instant writtenNoticeAt;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected AdoptionDecision() {
  }

  AdoptionDecision(String processInstanceId, String childId, String decisionType, String route, Instant recordedAt) {
    this.processInstanceId = processInstanceId;
    this.childId = childId;
    this.decisionType = decisionType;
    this.route = route;
    this.recordedAt = recordedAt;
  }

  void cprApproved(String by, Instant at) {
    this.cprApprovedBy = by;
    this.cprApprovedAt = at;
  }

  void panel(LocalDate date, boolean recommendsApproval, Instant finalMinutesReceivedAt) {
    this.panelDate = date;
    this.panelRecommendsApproval = recommendsApproval;
    this.finalMinutesReceivedAt = finalMinutesReceivedAt;
  }

  void decisionDue(Instant dueAt) {
    this.admDecisionDueAt = dueAt;
  }

  void decided(String by, Instant at, boolean approves, Boolean departsFromPanel, boolean qualifyingDetermination) {
    this.admDecidedBy = by;
    this.admDecidedAt = at;
    this.admApproves = approves;
    this.departsFromPanel = departsFromPanel;
    this.qualifyingDetermination = qualifyingDetermination;
  }

  void finalDecision(Instant at, boolean approves) {
    this.finalDecidedAt = at;
    this.finalApproves = approves;
  }

  void toldOrally(Instant at) {
    this.oralNoticeAt = at;
  }

  void toldInWriting(Instant at) {
    this.writtenNoticeAt = at;
  }

  public String getProcessInstanceId() { return processInstanceId; }
  public String getChildId() { return childId; }
  public String getDecisionType() { return decisionType; }
  public String getRoute() { return route; }
  public String getCprApprovedBy() { return cprApprovedBy; }
  public Instant getCprApprovedAt() { return cprApprovedAt; }
  public LocalDate getPanelDate() { return panelDate; }
  public Boolean getPanelRecommendsApproval() { return panelRecommendsApproval; }
  public Instant getFinalMinutesReceivedAt() { return finalMinutesReceivedAt; }
  public Instant getAdmDecisionDueAt() { return admDecisionDueAt; }
  public String getAdmDecidedBy() { return admDecidedBy; }
  public Instant getAdmDecidedAt() { return admDecidedAt; }
  public Boolean getAdmApproves() { return admApproves; }
  public Boolean getDepartsFromPanel() { return departsFromPanel; }
  public boolean isQualifyingDetermination() { return qualifyingDetermination; }
  public Instant getFinalDecidedAt() { return finalDecidedAt; }
  public Boolean getFinalApproves() { return finalApproves; }
  public Instant getOralNoticeAt() { return oralNoticeAt; }
  public Instant getWrittenNoticeAt() { return writtenNoticeAt; }
  public Instant getRecordedAt() { return recordedAt; }
}
