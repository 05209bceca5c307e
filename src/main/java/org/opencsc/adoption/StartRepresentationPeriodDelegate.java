package org.opencsc.adoption;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.engine.Deadlines;
import org.springframework.stereotype.Component;

/** A qualifying determination: 40 working days from it for representations or the IRM. */
@Component("startRepresentationPeriodDelegate")
public class StartRepresentationPeriodDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final AdoptionDecisions cases;

  public StartRepresentationPeriodDelegate(Deadlines deadlines, AdoptionDecisions cases) {
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object determinedAt = cases.lastCompleted(execution.getProcessInstanceId(), "makeAgencyDecision").getCompletedAt();
    deadlines.store(execution, "representationsDueAt",
        deadlines.workingDaysAfter(determinedAt, AdoptionDecisionRules.REPRESENTATIONS_WITHIN_WORKING_DAYS));
  }
}
