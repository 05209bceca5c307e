package org.opencsc.missing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencsc.rules.Answers;
import org.springframework.stereotype.Component;

/**
 * The manager's review referred the episode for a strategy discussion: start it for the same
 * child, linked both ways ({@code strategyDiscussionId} here, {@code missingEpisodeId} there).
 */
@Component("referForStrategyDiscussionDelegate")
public class ReferForStrategyDiscussionDelegate implements JavaDelegate {

  private final StrategyReferral referrals;
  private final MissingEpisodes episodes;

  public ReferForStrategyDiscussionDelegate(StrategyReferral referrals, MissingEpisodes episodes) {
    this.referrals = referrals;
    this.episodes = episodes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    String discussionId = referrals.fromMissingEpisode(execution.getProcessEngineServices(),
        execution.getProcessInstanceId(), answers.text("childId"), answers.text("managerRationale"));
    execution.setVariable("strategyDiscussionId", discussionId);
    episodes.referred(execution.getProcessInstanceId(), discussionId);
  }
}
