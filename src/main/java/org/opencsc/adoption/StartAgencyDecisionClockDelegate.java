package org.opencsc.adoption;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.calendar.LondonTime;
import org.opencsc.workflow.Answers;
import org.opencsc.workflow.Deadlines;
import org.springframework.stereotype.Component;

/**
 * The decision maker has the papers: the decision is due 7 working days after the panel's final
 * minutes arrived, or on the direct route after the report was approved.
 */
@Component("startAgencyDecisionClockDelegate")
public class StartAgencyDecisionClockDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final AdoptionDecisionRecord record;

  public StartAgencyDecisionClockDelegate(Deadlines deadlines, AdoptionDecisionRecord record) {
    this.deadlines = deadlines;
    this.record = record;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Answers answers = new Answers(execution);
    Object papersReceived = answers.is("route", "PANEL") ? execution.getVariable("finalMinutesReceivedAt")
        : record.lastCompleted(execution.getProcessInstanceId(), "qualityAssureCpr").getCompletedAt();
    String due = deadlines.store(execution, "admDecisionDueAt",
        deadlines.workingDaysAfter(papersReceived, AdoptionDecisionRules.DECISION_WITHIN_WORKING_DAYS));
    record.decisionDue(execution.getProcessInstanceId(), LondonTime.parseDateTime(due).toInstant());
  }
}
