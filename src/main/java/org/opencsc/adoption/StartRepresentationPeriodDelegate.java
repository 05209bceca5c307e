package org.opencsc.adoption;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.workflow.Deadlines;
import org.springframework.stereotype.Component;

/** A qualifying determination: 40 working days from it for representations or the IRM. */
@Component("startRepresentationPeriodDelegate")
public class StartRepresentationPeriodDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final AdoptionDecisionRecord record;

  public StartRepresentationPeriodDelegate(Deadlines deadlines, AdoptionDecisionRecord record) {
    this.deadlines = deadlines;
    this.record = record;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object determinedAt = record.lastCompleted(execution.getProcessInstanceId(), "makeAgencyDecision").getCompletedAt();
    deadlines.store(execution, "representationsDueAt",
        deadlines.workingDaysAfter(determinedAt, AdoptionDecisionRules.REPRESENTATIONS_WITHIN_WORKING_DAYS));
  }
}
