package org.opencsc.protection;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.opencsc.engine.CaseEntity;

/**
 * One child protection plan from the initial conference to its end, as Annex A List 7 and the CIN
 * census ask: the start, the categories, the core group, the last visit and review, the end.
 */
@Entity
@Table(name = "child_protection_plan")
public class ChildProtectionPlan extends CaseEntity {

  @Column(name = "icpc_held_on", nullable = false)
  private LocalDate icpcHeldOn;

  @Column(name = "cpp_start_date", nullable = false)
  private LocalDate cppStartDate;

  @Column(name = "initial_category", nullable = false)
  private String initialCategory;

  @Column(name = "latest_category", nullable = false)
  private String latestCategory;

  @Column(name = "strategy_discussion_id")
  private String strategyDiscussionId;

  @Column(name = "core_group_due_at")
  private Instant coreGroupDueAt;

  @Column(name = "core_group_held_on")
  private LocalDate coreGroupHeldOn;

  @Column(name = "last_visit_at")
  private Instant lastVisitAt;

  @Column(name = "last_seen_alone")
  private Boolean lastSeenAlone;

  @Column(name = "last_review_on")
  private LocalDate lastReviewOn;

  @Column(name = "cpp_end_date")
  private LocalDate cppEndDate;

  @Column(name = "cpp_end_reason")
  private String cppEndReason;

  protected ChildProtectionPlan() {
  }

  ChildProtectionPlan(String processInstanceId, String childId, LocalDate icpcHeldOn, LocalDate cppStartDate,
      String initialCategory, String strategyDiscussionId, Instant coreGroupDueAt, Instant openedAt) {
    super(processInstanceId, childId, openedAt);
    this.icpcHeldOn = icpcHeldOn;
    this.cppStartDate = cppStartDate;
    this.initialCategory = initialCategory;
    this.latestCategory = initialCategory;
    this.strategyDiscussionId = strategyDiscussionId;
    this.coreGroupDueAt = coreGroupDueAt;
  }

  void coreGroupHeld(LocalDate on) {
    this.coreGroupHeldOn = on;
  }

  void visited(Instant at, boolean seenAlone) {
    this.lastVisitAt = at;
    this.lastSeenAlone = seenAlone;
  }

  void reviewed(LocalDate on, String latestCategory) {
    this.lastReviewOn = on;
    if (latestCategory != null) {
      this.latestCategory = latestCategory;
    }
  }

  void ended(LocalDate on, String reason) {
    this.cppEndDate = on;
    this.cppEndReason = reason;
  }

  public LocalDate getIcpcHeldOn() { return icpcHeldOn; }
  public LocalDate getCppStartDate() { return cppStartDate; }
  public String getInitialCategory() { return initialCategory; }
  public String getLatestCategory() { return latestCategory; }
  public String getStrategyDiscussionId() { return strategyDiscussionId; }
  public LocalDate getCoreGroupHeldOn() { return coreGroupHeldOn; }
  public Instant getLastVisitAt() { return lastVisitAt; }
  public Boolean getLastSeenAlone() { return lastSeenAlone; }
  public LocalDate getLastReviewOn() { return lastReviewOn; }
  public LocalDate getCppEndDate() { return cppEndDate; }
  public String getCppEndReason() { return cppEndReason; }
}
