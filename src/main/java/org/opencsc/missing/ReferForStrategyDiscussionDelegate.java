package org.opencsc.missing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.strategy.StrategyReferrals;
import org.opencsc.workflow.Answers;
import org.springframework.stereotype.Component;

/**
 * The manager's review referred the episode for a strategy discussion: start it for the same
 * child, linked both ways ({@code strategyDiscussionId} here, {@code missingEpisodeId} there).
 */
@Component("referForStrategyDiscussionDelegate")
public class ReferForStrategyDiscussionDelegate implements JavaDelegate {

  private final StrategyReferrals referrals;
  private final MissingEpisodeRecord record;

  public ReferForStrategyDiscussionDelegate(StrategyReferrals referrals, MissingEpisodeRecord record) {
    this.referrals = referrals;
    this.record = record;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Answers answers = new Answers(execution);
    String discussionId = referrals.fromMissingEpisode(execution.getProcessEngineServices(),
        execution.getProcessInstanceId(), answers.text("childId"), answers.text("managerRationale"));
    execution.setVariable("strategyDiscussionId", discussionId);
    record.referred(execution.getProcessInstanceId(), discussionId);
  }
}
