package org.opencsc.fostering;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.engine.Deadlines;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A visit the child, the carer or a parent asked for (SI 2005/1533 reg 8(2)) is due by the end of
 * the configured working day after the request (default 5). Each request keeps its own request
 * and deadline in its own scope, so a second request before the first visit does not move the
 * first one's deadline.
 */
@Component("planRequestedVisitDelegate")
public class PlanRequestedVisitDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final int workingDays;

  public PlanRequestedVisitDelegate(Deadlines deadlines,
      @Value("${opencsc.private-fostering.requested-visit-working-days:5}") int workingDays) {
    this.deadlines = deadlines;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object requestedAt = execution.getVariable("requestedAt");
    execution.setVariableLocal("requestedAt", requestedAt);
    execution.setVariableLocal("requestedBy", execution.getVariable("requestedBy"));
    execution.setVariableLocal("requestedVisitDueAt", deadlines.workingDaysAfter(requestedAt, workingDays));
  }
}
