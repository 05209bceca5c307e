package org.opencsc.missing;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.opencsc.calendar.LondonTime;
import org.opencsc.rules.Answers;
import org.springframework.stereotype.Component;

/**
 * Records the episode and counts the child's episodes in the repeat-missing window, whose length
 * comes from the DMN table {@code repeatMissingWindow} of the same deployment; the threshold
 * is then applied by the diagram's decision task {@code repeatMissing}.
 */
@Component("recordMissingEpisodeDelegate")
public class RecordMissingEpisodeDelegate implements JavaDelegate {

  static final String WINDOW_DECISION = "repeatMissingWindow";

  private final MissingEpisodes cases;
  private final MissingEpisodeRepository episodes;

  public RecordMissingEpisodeDelegate(MissingEpisodes cases, MissingEpisodeRepository episodes) {
    this.cases = cases;
    this.episodes = episodes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    MissingEpisode episode = cases.opened(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), answers);
    int windowDays = windowDays(execution);
    ZonedDateTime missingFrom = LondonTime.toLondon(episode.getMissingFrom());
    // The episode that started exactly windowDays calendar days earlier still counts.
    Instant windowStart = missingFrom.toLocalDate().minusDays(windowDays).atStartOfDay(LondonTime.ZONE).toInstant();
    long count = episodes.countByChildIdAndMissingFromBetween(episode.getChildId(), windowStart,
        episode.getMissingFrom());
    execution.setVariable("episodesInWindow", (int) count);
    execution.setVariable("repeatMissingWindowDays", windowDays);
  }

  private static int windowDays(DelegateExecution execution) {
    var services = execution.getProcessEngineServices();
    String deploymentId = services.getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getDeploymentId();
    DecisionDefinition decision = services.getRepositoryService().createDecisionDefinitionQuery()
        .deploymentId(deploymentId).decisionDefinitionKey(WINDOW_DECISION).singleResult();
    if (decision == null) {
      throw new IllegalStateException("Decision " + WINDOW_DECISION + " is not deployed with " + execution.getProcessDefinitionId());
    }
    Object days = services.getDecisionService().evaluateDecisionById(decision.getId()).evaluate()
        .getSingleEntry();
    return ((Number) days).intValue();
  }
}
