package org.opencsc.fostering;

import java.time.ZonedDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.Deadlines;
import org.opencsc.rules.Answers;
import org.springframework.stereotype.Component;

/**
 * The next statutory visit is due from the day of the last one: by the end (23:59 UK time) of the
 * day 6 weeks later while that visit was in the first year of the arrangement as the council
 * knows it, 12 weeks after that. A visit made early therefore brings the next one forward.
 */
@Component("planNextVisitDelegate")
public class PlanNextVisitDelegate implements JavaDelegate {

  private final Deadlines deadlines;

  public PlanNextVisitDelegate(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    ZonedDateTime visitedAt = answers.dateTime("visitedAt");
    int weeks = PrivateFosteringRules.inFirstYear(answers, visitedAt)
        ? PrivateFosteringRules.FIRST_YEAR_VISIT_WEEKS : PrivateFosteringRules.LATER_VISIT_WEEKS;
    execution.setVariable("lastVisitedAt", LondonTime.format(visitedAt));
    deadlines.store(execution, "nextVisitDueAt", deadlines.endOfDayWeeksAfter(visitedAt, weeks));
  }
}
