package org.opencsc.compliance;

import java.util.List;
import java.util.Map;

/** The four practice processes and the case table each keeps. */
public final class ComplianceProcesses {

  public static final List<String> KEYS =
      List.of("missingEpisode", "strategyDiscussion", "privateFostering", "adoptionDecision");

  /** Process key → the table with one row per case (process_instance_id, child_id). */
  static final Map<String, String> CASE_TABLES = Map.of(
      "missingEpisode", "missing_episode",
      "strategyDiscussion", "strategy_discussion",
      "privateFostering", "private_fostering",
      "adoptionDecision", "adoption_decision");

  private ComplianceProcesses() {
  }
}
