package org.opencsc.strategy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.opencsc.calendar.LondonTime;
import org.opencsc.compliance.BreachCode;
import org.opencsc.compliance.BreachRegister;
import org.opencsc.compliance.BreachRegister.Step;
import org.opencsc.workflow.Answers;
import org.springframework.stereotype.Component;

/**
 * A manager concluded the discussion without a required agency: one STRATEGY_AGENCY_ABSENT
 * breach for this discussion (due at the time it was held), with the manager's reasons.
 */
@Component("recordAgencyAbsenceDelegate")
public class RecordAgencyAbsenceDelegate implements JavaDelegate {

  private final BreachRegister breaches;
  private final StrategyDiscussionRecord record;

  public RecordAgencyAbsenceDelegate(BreachRegister breaches, StrategyDiscussionRecord record) {
    this.breaches = breaches;
    this.record = record;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Answers answers = new Answers(execution);
    Step step = new Step(BreachCode.STRATEGY_AGENCY_ABSENT, StrategyDiscussionRules.PROCESS_KEY,
        execution.getProcessInstanceId(), answers.text("childId"), "engageAbsentAgency",
        answers.dateTime("heldAt").toInstant());
    String manager = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    breaches.recordLate(step, LondonTime.now().toInstant(), manager,
        "Absent: " + answers.text("absentAgencies") + ". " + answers.text("overrideReason"));
    record.overridden(execution.getProcessInstanceId());
  }
}
