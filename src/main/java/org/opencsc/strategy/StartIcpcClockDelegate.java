package org.opencsc.strategy;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.Deadlines;
import org.springframework.stereotype.Component;

/**
 * A section 47 enquiry starts: the initial child protection conference is due by the end of the
 * 15th working day after the strategy discussion at which the enquiry was first decided (bank
 * holidays skipped).
 */
@Component("startIcpcClockDelegate")
public class StartIcpcClockDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final StrategyDiscussions cases;

  public StartIcpcClockDelegate(Deadlines deadlines, StrategyDiscussions cases) {
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // From the discussion at which the enquiry was first decided, kept on the case: a discussion
    // reconvened or re-recorded after a manager sent it back never restarts the clock.
    Instant decided = cases.s47StartedAt(execution.getProcessInstanceId());
    Object s47StartedAt = decided != null ? LondonTime.format(decided) : execution.getVariable("heldAt");
    execution.setVariable("s47StartedAt", s47StartedAt);
    String icpcDueAt = deadlines.store(execution, "icpcDueAt",
        deadlines.workingDaysAfter(s47StartedAt, StrategyDiscussionRules.ICPC_WITHIN_WORKING_DAYS));
    cases.enquiryStarted(execution.getProcessInstanceId(), LondonTime.parseDateTime(icpcDueAt).toInstant());
  }
}
