package org.opencsc.adoption;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.engine.Deadlines;
import org.springframework.stereotype.Component;

/**
 * A qualifying determination: the prospective adopters have 40 working days from the notice
 * being sent (SI 2005/389 reg 30B), counting that day as day 1, for representations or the IRM.
 * A case that reached this step on an earlier diagram, with no notice recorded, counts from the
 * decision as it did then.
 */
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
    Object noticeSentAt = execution.getVariable("qdNoticeSentAt");
    String end = noticeSentAt != null
        ? deadlines.workingDaysCountingTheDay(noticeSentAt, AdoptionDecisionRules.REPRESENTATIONS_WITHIN_WORKING_DAYS)
        : deadlines.workingDaysAfter(cases.lastCompleted(execution.getProcessInstanceId(), "makeAgencyDecision")
            .getCompletedAt(), AdoptionDecisionRules.REPRESENTATIONS_WITHIN_WORKING_DAYS);
    deadlines.store(execution, "representationsEndAt", end);
    // the name the diagram's due date and timer read (and earlier versions' running cases)
    deadlines.store(execution, "representationsDueAt", end);
  }
}
