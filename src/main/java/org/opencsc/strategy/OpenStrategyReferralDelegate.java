package org.opencsc.strategy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.calendar.LondonTime;
import org.opencsc.child.ChildRegistry;
import org.opencsc.engine.Deadlines;
import org.opencsc.rules.Answers;
import org.springframework.stereotype.Component;

/**
 * Opens the referral: whether the child is looked after (the child's record, or the referral if it
 * says so),
 * which decides whether the placement provider must take part, and the 45-working-day
 * assessment deadline from when the referral was received.
 */
@Component("openStrategyReferralDelegate")
public class OpenStrategyReferralDelegate implements JavaDelegate {

  private final ChildRegistry children;
  private final Deadlines deadlines;
  private final StrategyDiscussions cases;

  public OpenStrategyReferralDelegate(ChildRegistry children, Deadlines deadlines, StrategyDiscussions cases) {
    this.children = children;
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    // The child's record is the floor: a form left unticked cannot drop the placement provider.
    boolean lookedAfter = answers.isTrue("lookedAfter")
        || children.find(answers.text("childId")).orElseThrow().isLookedAfter();
    execution.setVariable("lookedAfter", lookedAfter);
    String assessmentDueAt = deadlines.store(execution, "assessmentDueAt", deadlines.workingDaysAfter(
        execution.getVariable("referralReceivedAt"), StrategyDiscussionRules.ASSESSMENT_WITHIN_WORKING_DAYS));
    cases.opened(execution.getProcessInstanceId(), answers, answers.isTrue("lookedAfter"),
        LondonTime.parseDateTime(assessmentDueAt).toInstant());
  }
}
