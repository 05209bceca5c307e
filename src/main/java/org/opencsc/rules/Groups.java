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
  /** Independent reviewing officers and child protection chairs: they review children's plans and challenge them. */
  public static final String INDEPENDENT_REVIEWING_OFFICERS = "independent-reviewing-officers";
  /** Heads of service: the last stage of an IRO's alert. */
  public static final String HEADS_OF_SERVICE = "heads-of-service";
  /** The council's lawyers: the legal gateway and court work. */
  public static final String LEGAL_ADVISERS = "legal-advisers";
  /** Camunda's administrators group: granted everything, and the engine's admin-only operations. */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** Practitioners and managers who work cases in Tasklist. */
  public static final List<String> PRACTICE = List.of(SOCIAL_WORKERS, TEAM_MANAGERS, SERVICE_MANAGERS,
      AGENCY_DECISION_MAKERS, PANEL_ADVISERS, INDEPENDENT_REVIEWING_OFFICERS, HEADS_OF_SERVICE, LEGAL_ADVISERS);

  public static final List<String> ALL = List.of(SOCIAL_WORKERS, TEAM_MANAGERS, SERVICE_MANAGERS,
      AGENCY_DECISION_MAKERS, PANEL_ADVISERS, INDEPENDENT_REVIEWING_OFFICERS, HEADS_OF_SERVICE, LEGAL_ADVISERS,
      PROCESS_ANALYSTS, CAMUNDA_ADMIN);

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
      case INDEPENDENT_REVIEWING_OFFICERS -> "Independent reviewing officers";
      case HEADS_OF_SERVICE -> "Heads of service";
      case LEGAL_ADVISERS -> "Legal advisers";
      case PROCESS_ANALYSTS -> "Process analysts";
      case CAMUNDA_ADMIN -> "Camunda administrators";
      default -> groupId;
    };
  }
}
