package org.opencsc.missing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.Deadlines;
import org.springframework.stereotype.Component;

/**
 * The child is back: the 72-hour return home interview deadline and the 48-hour chase run from
 * {@code returnedAt}, the time the child returned, whenever that was recorded. A return reported
 * 80 hours late is therefore already past both, and its timers fire at once.
 */
@Component("startReturnInterviewClockDelegate")
public class StartReturnInterviewClockDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final MissingEpisodes cases;

  public StartReturnInterviewClockDelegate(Deadlines deadlines, MissingEpisodes cases) {
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object returnedAt = execution.getVariable("returnedAt");
    String rhiDueAt = deadlines.store(execution, "rhiDueAt",
        deadlines.hoursAfter(returnedAt, MissingEpisodeRules.INTERVIEW_WITHIN_HOURS));
    deadlines.store(execution, "rhiChaseAt", deadlines.hoursAfter(returnedAt, MissingEpisodeRules.CHASE_AFTER_HOURS));
    cases.returned(execution.getProcessInstanceId(), LondonTime.dateTime(returnedAt), LondonTime.parseDateTime(rhiDueAt));
  }
}
