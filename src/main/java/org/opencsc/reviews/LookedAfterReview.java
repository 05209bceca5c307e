package org.opencsc.reviews;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.opencsc.engine.CaseEntity;

/** A looked-after child's reviews, one row per period of care: when it began, the reviews held, when it ended. */
@Entity
@Table(name = "looked_after_reviews")
public class LookedAfterReview extends CaseEntity {

  @Column(name = "looked_after_from", nullable = false)
  private LocalDate lookedAfterFrom;

  @Column(name = "reviews_held", nullable = false)
  private int reviewsHeld;

  @Column(name = "last_review_on")
  private LocalDate lastReviewOn;

  @Column(name = "looked_after_to")
  private LocalDate lookedAfterTo;

  protected LookedAfterReview() {
  }

  LookedAfterReview(String processInstanceId, String childId, LocalDate lookedAfterFrom, Instant openedAt) {
    super(processInstanceId, childId, openedAt);
    this.lookedAfterFrom = lookedAfterFrom;
  }

  void reviewed(LocalDate on) {
    this.reviewsHeld++;
    this.lastReviewOn = on;
  }

  void ended(LocalDate on) {
    this.lookedAfterTo = on;
  }

  public LocalDate getLookedAfterFrom() { return lookedAfterFrom; }
  public int getReviewsHeld() { return reviewsHeld; }
  public LocalDate getLastReviewOn() { return lastReviewOn; }
  public LocalDate getLookedAfterTo() { return lookedAfterTo; }
}
