package org.opencsc.strategy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opencsc.rules.Answers;
import org.springframework.stereotype.Component;

/**
 * The conference decided on a child protection plan: send {@code ChildProtectionPlanStarted}, which
 * starts the plan for the same child from the conference's date and category, linked both ways
 * ({@code childProtectionPlanId} here, {@code strategyDiscussionId} there). In the same
 * transaction: a plan that cannot start leaves the conference unrecorded, with the plan's reason.
 */
@Component("startChildProtectionPlanDelegate")
public class StartChildProtectionPlanDelegate implements JavaDelegate {

  public static final String MESSAGE = "ChildProtectionPlanStarted";

  @Override
  public void execute(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    MessageCorrelationBuilder start = execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(MESSAGE);
    if (execution.getProcessBusinessKey() != null) {
      start.processInstanceBusinessKey(execution.getProcessBusinessKey()); // the plan keeps the case's key
    }
    ProcessInstance plan = start
        .setVariable("childId", answers.text("childId"))
        .setVariable("icpcHeldOn", answers.text("icpcHeldOn"))
        .setVariable("initialCategoryOfAbuse", answers.text("initialCategoryOfAbuse"))
        .setVariable("strategyDiscussionId", execution.getProcessInstanceId())
        .correlateStartMessage();
    execution.setVariable("childProtectionPlanId", plan.getId());
  }
}
