package org.opencsc.escalation;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.Breach;
import org.opencsc.engine.BreachRegister;
import org.opencsc.engine.Deadlines;
import org.springframework.stereotype.Component;

/**
 * A new breach: is it the child's second within the window (reviewed at once)? If not, when is it
 * a continued breach (the end of the 5th working day after it was written)?
 */
@Component("weighBreachDelegate")
public class WeighBreachDelegate implements JavaDelegate {

  private final BreachRegister register;
  private final BreachEscalationRules rules;
  private final Deadlines deadlines;

  public WeighBreachDelegate(BreachRegister register, BreachEscalationRules rules, Deadlines deadlines) {
    this.register = register;
    this.rules = rules;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Breach breach = register.find(Long.valueOf((String) execution.getVariable("breachId"))).orElseThrow();
    List<Breach> earlier = register.earlierForChild(breach, rules.repeatWindow());
    boolean repeat = rules.isRepeat(earlier);
    execution.setVariable("repeatBreach", repeat);
    if (repeat) {
      execution.setVariable("earlierBreaches", String.join("; ", earlier.stream()
          .map(other -> other.getCode() + " (" + LondonTime.format(other.getRecordedAt()) + ")").toList()));
    }
    execution.setVariable("continuedBreachCheckAt", deadlines.workingDaysAfter(
        LondonTime.format(breach.getRecordedAt()), rules.continuedAfterWorkingDays()));
  }
}
