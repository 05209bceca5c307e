package org.opencsc.engine;

/**
 * A claimed task is its assignee's to complete (or a manager's): completing it as someone else
 * is a conflict with their work, answered with 409, and nothing of the attempt is saved.
 */
public class TaskClaimedByAnother extends RuntimeException {

  private final String assignee;

  public TaskClaimedByAnother(String assignee) {
    super("This task is claimed by " + assignee + ": only " + assignee
        + " or a manager may complete it, so nothing of yours was saved.");
    this.assignee = assignee;
  }

  public String assignee() {
    return assignee;
  }
}
