package org.opencsc.rules;

import java.util.List;
import java.util.Optional;

/**
 * One process, declared once, in its own package: its key, what must be present to start it and
 * before each task completes, which deadline each step has, who may sign off what, the messages
 * it waits for, who may start it and the table that keeps its cases. Every process contributes
 * one bean; the engine layer's process catalogue collects them, and everything that needs "all
 * processes" (enforcement, compliance, access, exports) reads the catalogue.
 */
public interface ProcessRules {

  String processKey();

  /** What the dashboard calls the process's cases, e.g. "Strategy discussions"; the key when not given. */
  default String title() {
    return processKey();
  }

  StartRules start();

  List<TaskRules> tasks();

  /** Messages the process waits for, and what each must carry. */
  default List<MessageRules> messages() {
    return List.of();
  }

  /** The groups that may start a case (and correlate its messages). */
  default List<String> starters() {
    return List.of(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS);
  }

  /**
   * The table with one row per case ({@code process_instance_id}, {@code child_id}), which the
   * compliance figures count; empty for a process that keeps none.
   */
  default Optional<String> caseTable() {
    return Optional.empty();
  }

  /**
   * Steps that always wait while their scope is open (a private fostering arrangement always
   * waits for a visit request). A case moved to a version that added one gets it started in that
   * scope, since moving a case only keeps the steps it was already at.
   */
  default List<StandingStep> standingSteps() {
    return List.of();
  }

  /** A step always waiting inside a scope (a sub-process) while the scope is open. */
  record StandingStep(String activityId, String scopeId) {
  }
}
