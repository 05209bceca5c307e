package org.opencsc.notifications;

/** What a mail is about; statutory mails go to everyone concerned, the others only to those who want them. */
public enum NotificationKind {

  /** A step with a statutory deadline has opened: to its assignee, else its groups. */
  STEP_DUE(true),
  /** The deadline is near (24 hours before an hours deadline, else the working day before). */
  REMINDER(false),
  /** A deadline was missed: to the team managers. */
  BREACH(true),
  /** A team manager's morning list of overdue and due-today steps. */
  DIGEST(false);

  private final boolean statutory;

  NotificationKind(boolean statutory) {
    this.statutory = statutory;
  }

  /** Statutory mails cannot be turned off; the others follow each user's preference. */
  public boolean statutory() {
    return statutory;
  }
}
