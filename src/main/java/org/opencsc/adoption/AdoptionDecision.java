package org.opencsc.adoption;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.opencsc.engine.CaseEntity;

/** One adoption decision, its notices and, for a child to be placed, the plan's milestones, as Annex A List 10 asks. */
@Entity
@Table(name = "adoption_decision")
public class AdoptionDecision extends CaseEntity {

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

  @Column(name = "placement_order_on")
  private LocalDate placementOrderOn;

  @Column(name = "placed_for_adoption_on")
  private LocalDate placedForAdoptionOn;

  @Column(name = "adoption_order_on")
  private LocalDate adoptionOrderOn;

  @Column(name = "no_longer_to_be_placed_on")
  private LocalDate noLongerToBePlacedOn;

  @Column(name = "no_longer_to_be_placed_reason")
  private String noLongerToBePlacedReason;

  protected AdoptionDecision() {
  }

  AdoptionDecision(String processInstanceId, String childId, String decisionType, String route, Instant openedAt) {
    super(processInstanceId, childId, openedAt);
    this.decisionType = decisionType;
    this.route = route;
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

  void placementOrderMade(LocalDate on) {
    this.placementOrderOn = on;
  }

  void placedForAdoption(LocalDate on) {
    this.placedForAdoptionOn = on;
  }

  void adoptionOrderMade(LocalDate on) {
    this.adoptionOrderOn = on;
  }

  void noLongerToBePlaced(LocalDate on, String reason) {
    this.noLongerToBePlacedOn = on;
    this.noLongerToBePlacedReason = reason;
  }

  public Boolean getPanelRecommendsApproval() { return panelRecommendsApproval; }
  public String getAdmDecidedBy() { return admDecidedBy; }
  public Instant getAdmDecidedAt() { return admDecidedAt; }
  public Boolean getDepartsFromPanel() { return departsFromPanel; }
  public boolean isQualifyingDetermination() { return qualifyingDetermination; }
  public Instant getOralNoticeAt() { return oralNoticeAt; }
  public Instant getWrittenNoticeAt() { return writtenNoticeAt; }
  public LocalDate getPlacementOrderOn() { return placementOrderOn; }
  public LocalDate getPlacedForAdoptionOn() { return placedForAdoptionOn; }
  public LocalDate getAdoptionOrderOn() { return adoptionOrderOn; }
  public LocalDate getNoLongerToBePlacedOn() { return noLongerToBePlacedOn; }
  public String getNoLongerToBePlacedReason() { return noLongerToBePlacedReason; }
}
