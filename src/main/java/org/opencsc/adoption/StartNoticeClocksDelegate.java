package org.opencsc.adoption;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.Deadlines;
import org.opencsc.rules.Answers;
import org.springframework.stereotype.Component;

/**
 * The decision is made: tell it within 2 working days orally and 5 in writing. After a qualifying
 * determination the clocks run from the final decision.
 */
@Component("startNoticeClocksDelegate")
public class StartNoticeClocksDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final AdoptionDecisions cases;

  public StartNoticeClocksDelegate(Deadlines deadlines, AdoptionDecisions cases) {
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String decisionTask = AdoptionDecisionRules.isQualifyingDetermination(Answers.from(execution::getVariable))
        ? "makeFinalAgencyDecision" : "makeAgencyDecision";
    Instant decidedAt = cases.lastCompleted(execution.getProcessInstanceId(), decisionTask).getCompletedAt();
    execution.setVariable("decidedAt", LondonTime.format(decidedAt));
    deadlines.store(execution, "oralNoticeDueAt",
        deadlines.workingDaysAfter(decidedAt, AdoptionDecisionRules.ORAL_NOTICE_WITHIN_WORKING_DAYS));
    deadlines.store(execution, "writtenNoticeDueAt",
        deadlines.workingDaysAfter(decidedAt, AdoptionDecisionRules.WRITTEN_NOTICE_WITHIN_WORKING_DAYS));
  }
}
