package org.opencsc.strategy;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.rules.Answers;
import org.springframework.stereotype.Component;

/**
 * Whether every required agency took part. If not, the discussion cannot conclude: the process
 * goes to a manager to engage the absent agency ({@code absentAgencies} names them).
 */
@Component("checkStrategyAttendanceDelegate")
public class CheckStrategyAttendanceDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    List<String> absent = StrategyDiscussionRules.absentAgencies(Answers.from(execution::getVariable));
    execution.setVariable("absentAgencies", String.join(", ", absent));
    execution.setVariable("allRequiredAgenciesPresent", absent.isEmpty());
  }
}
