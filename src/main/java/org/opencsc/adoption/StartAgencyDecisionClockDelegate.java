package org.opencsc.adoption;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.Deadlines;
import org.opencsc.rules.Answers;
import org.springframework.stereotype.Component;

/**
 * The decision maker has the papers: the decision is due 7 working days after the panel's final
 * minutes arrived, or on the direct route after the report was approved.
 */
@Component("startAgencyDecisionClockDelegate")
public class StartAgencyDecisionClockDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final AdoptionDecisions cases;

  public StartAgencyDecisionClockDelegate(Deadlines deadlines, AdoptionDecisions cases) {
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    Object papersReceived = answers.is("route", "PANEL") ? execution.getVariable("finalMinutesReceivedAt")
        : cases.lastCompleted(execution.getProcessInstanceId(), "qualityAssureCpr").getCompletedAt();
    String due = deadlines.store(execution, "admDecisionDueAt",
        deadlines.workingDaysAfter(papersReceived, AdoptionDecisionRules.DECISION_WITHIN_WORKING_DAYS));
    cases.decisionDue(execution.getProcessInstanceId(), LondonTime.parseDateTime(due).toInstant());
  }
}
