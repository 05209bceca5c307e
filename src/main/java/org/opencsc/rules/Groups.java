package org.opencsc.rules;

import java.util.List;

/** The groups of the contract. Group ids are also the authorities of an authenticated caller. */
public final class Groups {

  public static final String SOCIAL_WORKERS = "social-workers";
  public static final String TEAM_MANAGERS = "team-managers";
  public static final String SERVICE_MANAGERS = "service-managers";
  public static final String AGENCY_DECISION_MAKERS = "agency-decision-makers";
  public static final String PANEL_ADVISERS = "panel-advisers";
  public static final String PROCESS_ANALYSTS = "process-analysts";
  /** Camunda's administrators group: granted everything, and the engine's admin-only operations. */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** Practitioners and managers who work cases in Tasklist. */
  public static final List<String> PRACTICE = List.of(SOCIAL_WORKERS, TEAM_MANAGERS, SERVICE_MANAGERS,
      AGENCY_DECISION_MAKERS, PANEL_ADVISERS);

  public static final List<String> ALL = List.of(SOCIAL_WORKERS, TEAM_MANAGERS, SERVICE_MANAGERS,
      AGENCY_DECISION_MAKERS, PANEL_ADVISERS, PROCESS_ANALYSTS, CAMUNDA_ADMIN);

  private Groups() {
  }

  /** The display name shown in Admin and Tasklist. */
  public static String displayName(String groupId) {
    return switch (groupId) {
      case SOCIAL_WORKERS -> "Social workers";
      case TEAM_MANAGERS -> "Team managers";
      case SERVICE_MANAGERS -> "Service managers";
      case AGENCY_DECISION_MAKERS -> "Agency decision makers";
      case PANEL_ADVISERS -> "Panel advisers";
      case PROCESS_ANALYSTS -> "Process analysts";
      case CAMUNDA_ADMIN -> "Camunda administrators";
      default -> groupId;
    };
  }
}
