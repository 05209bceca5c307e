package org.opencsc.fostering;

import java.time.ZonedDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.calendar.LondonTime;
import org.opencsc.rules.Answers;
import org.opencsc.rules.TaskRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The next review of the arrangement is due a set number of months (6 by default) after the last
 * review, or after the arrangement started; its task opens two weeks before.
 */
@Component("planNextReviewDelegate")
public class PlanNextReviewDelegate implements JavaDelegate {

  static final int OPENS_DAYS_BEFORE = 14;

  private final int reviewMonths;

  public PlanNextReviewDelegate(@Value("${opencsc.private-fostering.review-months:6}") int reviewMonths) {
    this.reviewMonths = reviewMonths;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    ZonedDateTime lastReview = answers.dateTime(TaskRules.completedAtVariable("reviewArrangement"));
    ZonedDateTime from = lastReview != null ? lastReview : answers.date("arrangementStart").atStartOfDay(LondonTime.ZONE);
    ZonedDateTime due = from.toLocalDate().plusMonths(reviewMonths).atTime(23, 59).atZone(LondonTime.ZONE);
    ZonedDateTime opens = due.minusDays(OPENS_DAYS_BEFORE).toLocalDate().atStartOfDay(LondonTime.ZONE);
    execution.setVariable("reviewDueAt", LondonTime.format(due));
    execution.setVariable("reviewOpensAt", LondonTime.format(opens.isBefore(LondonTime.now()) ? LondonTime.now() : opens));
  }
}
