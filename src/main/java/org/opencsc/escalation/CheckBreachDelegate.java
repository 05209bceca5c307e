package org.opencsc.escalation;

import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.Breach;
import org.opencsc.engine.BreachRegister;
import org.springframework.stereotype.Component;

/**
 * Reads the breach as it stands now: resolved or not, and what the team manager recorded on the
 * case's own escalation step ({@code managerAction}). Marks the breach escalated when a service
 * manager is to review it.
 */
@Component("checkBreachDelegate")
public class CheckBreachDelegate implements JavaDelegate {

  static final String NO_ACTION = "No action recorded by a manager on the case yet.";

  private final BreachRegister register;
  private final BreachEscalationRules rules;

  public CheckBreachDelegate(BreachRegister register, BreachEscalationRules rules) {
    this.register = register;
    this.rules = rules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Breach breach = register.find(Long.valueOf((String) execution.getVariable("breachId"))).orElseThrow();
    boolean reviewNeeded = rules.needsReview(Boolean.TRUE.equals(execution.getVariable("repeatBreach")), breach);
    execution.setVariable("breachUnresolved", breach.isUnresolved());
    execution.setVariable("breachDoneAt", breach.getDoneAt() == null ? null : LondonTime.format(breach.getDoneAt()));
    execution.setVariable("reviewNeeded", reviewNeeded);
    if (reviewNeeded) {
      execution.setVariable("teamManagerAction", managerActions(execution, breach.getProcessInstanceId()));
      register.escalated(breach.getId());
    }
  }

  /** Each manager's action recorded on the case so far, oldest first. */
  private static String managerActions(DelegateExecution execution, String caseProcessInstanceId) {
    List<String> actions = execution.getProcessEngineServices().getHistoryService()
        .createHistoricVariableInstanceQuery().processInstanceId(caseProcessInstanceId)
        .variableName("managerAction").list().stream()
        .sorted(Comparator.comparing(HistoricVariableInstance::getCreateTime))
        .map(variable -> String.valueOf(variable.getValue())).toList();
    return actions.isEmpty() ? NO_ACTION : String.join("\n\n", actions);
  }
}
