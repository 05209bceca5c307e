package org.opencsc.missing;

import org.camunda.bpm.engine.ProcessEngineServices;

/**
 * What a missing episode needs of the strategy discussion process: to start one for the child,
 * linked back to the episode. The strategy package provides it, so this package never names that
 * process (a strategy discussion names its missing episode, not the other way round).
 */
public interface StrategyReferral {

  /**
   * Starts (or, run again for the same episode, finds) the strategy discussion the review of this
   * episode asked for, with the manager's reasons as the concern; returns its process instance id.
   */
  String fromMissingEpisode(ProcessEngineServices engine, String episodeId, String childId, String reasons);
}
