package org.opencsc.rules;

/** The statutory steps whose lateness is recorded, as the contract names them. */
public enum BreachCode {
  /**
   * Return home interview not held, or not declined by the child, within 72 hours of the return;
   * an accepted interview that did not take place is this too.
   */
  RHI_NOT_WITHIN_72H,
  /**
   * Return home interview not offered: a failure of the duty whatever the reason (statutory
   * guidance on children who run away or go missing from home or care, 2014).
   */
  RHI_NOT_OFFERED,
  /** A strategy discussion concluded without a required agency, on a manager's override. */
  STRATEGY_AGENCY_ABSENT,
  /** Initial child protection conference not within 15 working days of the strategy discussion. */
  ICPC_NOT_WITHIN_15WD,
  /** Private fostering: first visit not within 7 working days of notification. */
  PF_FIRST_VISIT_LATE,
  /** Private fostering: a statutory visit later than 6 (first year) or 12 weeks after the last. */
  PF_VISIT_OVERDUE,
  /** Private fostering: a visit the child, carer or a parent asked for not made within 5 working days (reg 8(2)). */
  PF_REQUESTED_VISIT_LATE,
  /** Agency decision not within 7 working days of the panel's recommendation and minutes. */
  ADM_DECISION_LATE,
  /** Agency decision not told orally within 2 working days. */
  ADM_NOTIFY_ORAL_LATE,
  /** Agency decision not sent in writing within 5 working days. */
  ADM_NOTIFY_WRITTEN_LATE,
  /** Child protection plan: the first core group not within 10 working days of the initial conference. */
  CORE_GROUP_NOT_WITHIN_10WD,
  /** Child protection plan: the child not visited by the end of the 10th working day (configurable) after the last visit. */
  CPP_VISIT_OVERDUE,
  /** Child protection plan: a review conference not within 3 months of the initial conference, or 6 of the last review. */
  RCPC_LATE,
  /** An IRO's alert not answered within its stage's working days (5, 5, 10 by default): one per missed stage. */
  ALERT_RESPONSE_LATE,
  /**
   * A looked-after child's review not within 20 working days of becoming looked after, 3 months of
   * the first review, or 6 months of the last (Care Planning Regulations 2010, reg 33).
   */
  LAC_REVIEW_LATE,
  /** Care proceedings not finished by the end of the day 26 weeks after issue, as extended by the court (CFA 2014 s14). */
  PLO_OVER_26_WEEKS
}
