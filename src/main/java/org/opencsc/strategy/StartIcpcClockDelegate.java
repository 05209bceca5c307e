package org.opencsc.strategy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.Deadlines;
import org.springframework.stereotype.Component;

/**
 * A section 47 enquiry starts: the initial child protection conference is due by the end of the
 * 15th working day after the strategy discussion was held (bank holidays skipped).
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
    String icpcDueAt = deadlines.store(execution, "icpcDueAt",
        deadlines.workingDaysAfter(execution.getVariable("heldAt"), StrategyDiscussionRules.ICPC_WITHIN_WORKING_DAYS));
    cases.enquiryStarted(execution.getProcessInstanceId(), LondonTime.parseDateTime(icpcDueAt).toInstant());
  }
}
