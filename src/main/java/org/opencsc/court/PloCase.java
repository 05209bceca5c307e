package org.opencsc.court;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.opencsc.engine.CaseEntity;

/** A child's case under the Public Law Outline: the gateway, pre-proceedings, issue, the 26 weeks and their extensions. */
@Entity
@Table(name = "plo_case")
public class PloCase extends CaseEntity {

  @Column(name = "legal_gateway_on", nullable = false)
  private LocalDate legalGatewayOn;

  @Column(name = "letter_sent_on")
  private LocalDate letterSentOn;

  @Column(name = "meeting_held_on")
  private LocalDate meetingHeldOn;

  @Column(name = "pre_proceedings_outcome")
  private String preProceedingsOutcome;

  @Column(name = "issued_on")
  private LocalDate issuedOn;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "extension_weeks", nullable = false)
  private int extensionWeeks;

  @Column(name = "cmh_on")
  private LocalDate caseManagementHearingOn;

  @Column(name = "irh_on")
  private LocalDate issuesResolutionHearingOn;

  @Column(name = "final_hearing_on")
  private LocalDate finalHearingOn;

  protected PloCase() {
  }

  PloCase(String processInstanceId, String childId, LocalDate legalGatewayOn, Instant openedAt) {
    super(processInstanceId, childId, openedAt);
    this.legalGatewayOn = legalGatewayOn;
  }

  void letterSent(LocalDate on) {
    this.letterSentOn = on;
  }

  void meetingHeld(LocalDate on) {
    this.meetingHeldOn = on;
  }

  void decided(String outcome) {
    this.preProceedingsOutcome = outcome;
  }

  void issued(LocalDate on, Instant dueAt) {
    this.issuedOn = on;
    this.dueAt = dueAt;
  }

  void extended(int weeks, Instant dueAt) {
    this.extensionWeeks += weeks;
    this.dueAt = dueAt;
  }

  void hearingHeld(String type, LocalDate on) {
    if ("CASE_MANAGEMENT".equals(type)) {
      this.caseManagementHearingOn = on;
    } else {
      this.issuesResolutionHearingOn = on;
    }
  }

  void concluded(LocalDate on) {
    this.finalHearingOn = on;
  }

  public LocalDate getLegalGatewayOn() { return legalGatewayOn; }
  public LocalDate getLetterSentOn() { return letterSentOn; }
  public LocalDate getMeetingHeldOn() { return meetingHeldOn; }
  public String getPreProceedingsOutcome() { return preProceedingsOutcome; }
  public LocalDate getIssuedOn() { return issuedOn; }
  public Instant getDueAt() { return dueAt; }
  public int getExtensionWeeks() { return extensionWeeks; }
  public LocalDate getFinalHearingOn() { return finalHearingOn; }
  public LocalDate getCaseManagementHearingOn() { return caseManagementHearingOn; }
  public LocalDate getIssuesResolutionHearingOn() { return issuesResolutionHearingOn; }
}
