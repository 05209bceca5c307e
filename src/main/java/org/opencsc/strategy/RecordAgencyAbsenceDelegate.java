package org.opencsc.strategy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.BreachRegister;
import org.opencsc.engine.BreachRegister.Step;
import org.opencsc.rules.Answers;
import org.opencsc.rules.BreachCode;
import org.springframework.stereotype.Component;

/**
 * A manager concluded the discussion without a required agency: one STRATEGY_AGENCY_ABSENT
 * breach for this discussion (due at the time it was held), with the manager's reasons.
 */
@Component("recordAgencyAbsenceDelegate")
public class RecordAgencyAbsenceDelegate implements JavaDelegate {

  private final BreachRegister breaches;
  private final StrategyDiscussions cases;

  public RecordAgencyAbsenceDelegate(BreachRegister breaches, StrategyDiscussions cases) {
    this.breaches = breaches;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    Step step = new Step(BreachCode.STRATEGY_AGENCY_ABSENT, StrategyDiscussionRules.PROCESS_KEY,
        execution.getProcessInstanceId(), answers.text("childId"), "engageAbsentAgency",
        answers.dateTime("heldAt").toInstant());
    String manager = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    breaches.recordLate(step, LondonTime.now().toInstant(), manager,
        "Absent: " + answers.text("absentAgencies") + ". " + answers.text("overrideReason"));
    cases.overridden(execution.getProcessInstanceId());
  }
}
