package org.opencsc.rules;

/** The statutory steps whose lateness is recorded, as the contract names them. */
public enum BreachCode {
  /** Return home interview not held (or declined) within 72 hours of the return. */
  RHI_NOT_WITHIN_72H,
  /** A strategy discussion concluded without a required agency, on a manager's override. */
  STRATEGY_AGENCY_ABSENT,
  /** Initial child protection conference not within 15 working days of the strategy discussion. */
  ICPC_NOT_WITHIN_15WD,
  /** Private fostering: first visit not within 7 working days of notification. */
  PF_FIRST_VISIT_LATE,
  /** Private fostering: a statutory visit later than 6 (first year) or 12 weeks after the last. */
  PF_VISIT_OVERDUE,
  /** Agency decision not within 7 working days of the panel's recommendation and minutes. */
  ADM_DECISION_LATE,
  /** Agency decision not told orally within 2 working days. */
  ADM_NOTIFY_ORAL_LATE,
  /** Agency decision not sent in writing within 5 working days. */
  ADM_NOTIFY_WRITTEN_LATE
}
