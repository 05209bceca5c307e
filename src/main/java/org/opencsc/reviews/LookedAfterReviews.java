package org.opencsc.reviews;

import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.opencsc.calendar.LondonTime;
import org.opencsc.child.LookedAfterPeriodChanged;
import org.opencsc.engine.AsSystem;
import org.opencsc.engine.Deadlines;
import org.opencsc.rules.Answers;
import org.opencsc.rules.Completion;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the reviews' row in step with the process and sets the next review's deadline; starts the
 * reviews when a child begins to be looked after and ends them when the child stops, as the
 * child's looked-after periods are recorded (in the same transaction).
 */
@Component("lookedAfterReviewRecord") // the name the diagram calls it by
public class LookedAfterReviews {

  /** The messages that start and end a child's reviews. */
  public static final String BECAME = "ChildBecameLookedAfter";
  public static final String CEASED = "ChildCeasedToBeLookedAfter";

  private final LookedAfterReviewRepository reviews;
  private final Deadlines deadlines;
  private final RuntimeService runtime;
  private final IdentityService identity;

  public LookedAfterReviews(LookedAfterReviewRepository reviews, Deadlines deadlines, @Lazy RuntimeService runtime,
      @Lazy IdentityService identity) {
    this.identity = identity;
    this.reviews = reviews;
    this.deadlines = deadlines;
    this.runtime = runtime;
  }

  @Transactional(readOnly = true)
  public boolean runningFor(String childId) {
    return reviews.findFirstByChildIdAndLookedAfterToIsNull(childId).isPresent();
  }

  /**
   * A period of care began or ended through {@code /api/children/{id}/looked-after-periods}. The
   * application starts and ends the IRO's reviews itself (as the system): whoever may record the
   * child's care need not work the IRO's process.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void onPeriod(LookedAfterPeriodChanged period) {
    AsSystem.call(identity, () -> {
      if (period.began()) {
        runtime.createMessageCorrelation(BECAME).setVariable("childId", period.childId())
            .setVariable("lookedAfterFrom", period.from().toString()).correlateStartMessage();
      } else {
        reviews.findFirstByChildIdAndLookedAfterToIsNull(period.childId()).ifPresent(running ->
            runtime.createMessageCorrelation(CEASED).processInstanceId(running.getProcessInstanceId())
                .setVariable("lookedAfterTo", period.to().toString()).correlate());
      }
      return null;
    });
  }

  /** {@code ${lookedAfterReviewRecord.opened(execution)}}: the first review within 20 working days. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void opened(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    LocalDate from = answers.date("lookedAfterFrom");
    deadlines.store(execution, "lacReviewDueAt", deadlines.workingDaysAfter(LondonTime.startOf(from),
        LookedAfterReviewRules.FIRST_REVIEW_WITHIN_WORKING_DAYS));
    if (!reviews.existsById(execution.getProcessInstanceId())) {
      reviews.insert(new LookedAfterReview(execution.getProcessInstanceId(), answers.text("childId"), from,
          LondonTime.now().toInstant()));
    }
  }

  /** {@code ${lookedAfterReviewRecord.nextReview(execution)}}: 3 months after the first review, 6 after each later one. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void nextReview(DelegateExecution execution) {
    LocalDate held = Answers.from(execution::getVariable).date("reviewHeldOn");
    boolean first = review(execution.getProcessInstanceId()).getReviewsHeld() == 1;
    execution.setVariable("lastReviewOn", held.toString());
    deadlines.store(execution, "lacReviewDueAt", deadlines.endOfDayMonthsAfter(LondonTime.startOf(held),
        first ? LookedAfterReviewRules.SECOND_REVIEW_WITHIN_MONTHS : LookedAfterReviewRules.LATER_REVIEW_WITHIN_MONTHS));
  }

  /** {@code ${lookedAfterReviewRecord.ended(execution)}}: the child is no longer looked after. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void ended(DelegateExecution execution) {
    review(execution.getProcessInstanceId()).ended(Answers.from(execution::getVariable).date("lookedAfterTo"));
  }

  void reviewed(Completion task) {
    review(task.processInstanceId()).reviewed(task.answers().date("reviewHeldOn"));
  }

  private LookedAfterReview review(String processInstanceId) {
    return reviews.findById(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "No looked-after reviews row for process instance " + processInstanceId));
  }

}
