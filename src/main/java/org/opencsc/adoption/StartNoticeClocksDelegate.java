package org.opencsc.adoption;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.calendar.LondonTime;
import org.opencsc.workflow.Answers;
import org.opencsc.workflow.Deadlines;
import org.springframework.stereotype.Component;

/**
 * The decision is made: tell it within 2 working days orally and 5 in writing. After a qualifying
 * determination the clocks run from the final decision.
 */
@Component("startNoticeClocksDelegate")
public class StartNoticeClocksDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final AdoptionDecisionRecord record;

  public StartNoticeClocksDelegate(Deadlines deadlines, AdoptionDecisionRecord record) {
    this.deadlines = deadlines;
    this.record = record;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String decisionTask = AdoptionDecisionRules.isQualifyingDetermination(new Answers(execution))
        ? "makeFinalAgencyDecision" : "makeAgencyDecision";
    Instant decidedAt = record.lastCompleted(execution.getProcessInstanceId(), decisionTask).getCompletedAt();
    execution.setVariable("decidedAt", LondonTime.format(decidedAt));
    deadlines.store(execution, "oralNoticeDueAt",
        deadlines.workingDaysAfter(decidedAt, AdoptionDecisionRules.ORAL_NOTICE_WITHIN_WORKING_DAYS));
    deadlines.store(execution, "writtenNoticeDueAt",
        deadlines.workingDaysAfter(decidedAt, AdoptionDecisionRules.WRITTEN_NOTICE_WITHIN_WORKING_DAYS));
  }
}
