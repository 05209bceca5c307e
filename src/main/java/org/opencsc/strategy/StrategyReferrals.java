package org.opencsc.strategy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.AsSystem;
import org.opencsc.missing.StrategyReferral;
import org.opencsc.rules.FieldType;
import org.springframework.stereotype.Component;

/** Starts a strategy discussion on behalf of another process, linked back to it. */
@Component
public class StrategyReferrals implements StrategyReferral {

  /**
   * A missing-episode review found harm indicated: the strategy discussion starts now, for the
   * same child, with the manager's reasons as the concern. Returns its process instance id.
   */
  @Override
  public String fromMissingEpisode(ProcessEngineServices engine, String episodeId, String childId, String reasons) {
    // Run again for the same episode (a retried job, an operator moving the case back), it finds
    // the discussion it started instead of starting a second one.
    Optional<String> started = AsSystem.call(engine.getIdentityService(), () -> engine.getHistoryService()
        .createHistoricProcessInstanceQuery().processDefinitionKey(StrategyDiscussionRules.PROCESS_KEY)
        .variableValueEquals("missingEpisodeId", episodeId).list().stream()
        .map(HistoricProcessInstance::getId).findFirst());
    if (started.isPresent()) {
      return started.get();
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("childId", childId);
    variables.put("referralReceivedAt", LondonTime.format(LondonTime.now()));
    variables.put("concern", FieldType.capped("Referred by the review of a missing episode: " + reasons));
    variables.put("missingEpisodeId", episodeId);
    return engine.getRuntimeService().startProcessInstanceByKey(StrategyDiscussionRules.PROCESS_KEY, variables).getId();
  }
}
