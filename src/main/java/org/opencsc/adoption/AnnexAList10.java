package org.opencsc.adoption;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.opencsc.calendar.LondonTime;
import org.opencsc.child.LookedAfterPeriod;
import org.opencsc.child.LookedAfterPeriods;
import org.opencsc.compliance.AnnexAList;
import org.opencsc.compliance.CaseScope.Visible;
import org.opencsc.compliance.DateWindow;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Annex A List 10: children for whom the agency decided in the window that they should be placed
 * for adoption (the decision maker approved), with the date the child entered care (the looked-after
 * period the decision fell in), the date of the matching decision where one was made, and the plan's
 * milestones as the case recorded them (placement order, placed, adoption order, or the decision no
 * longer to place and its reason). Fostering-for-adoption placements are not recorded and stay
 * empty. Decisions approving prospective adopters belong to List 11 (adopters), not here.
 */
@Component
class AnnexAList10 extends AnnexAList {

  static final String ENTERED_CARE = "Date the Child Entered Care";
  static final String DECIDED = "Date of Decision that Child Should be Placed for Adoption";
  static final String MATCHED = "Date of Matching Child and Prospective Adopters";
  static final String PLACEMENT_ORDER = "Date of Placement Order";
  static final String PLACED = "Date Placed for Adoption";
  static final String ADOPTION_ORDER = "Date of Adoption Order";
  static final String NO_LONGER = "Date of Decision that Child Should No Longer be Placed for Adoption";
  static final String NO_LONGER_REASON = "Reason Why Child No Longer Placed for Adoption";

  private final LookedAfterPeriods periods;

  AnnexAList10(NamedParameterJdbcTemplate jdbc, LookedAfterPeriods periods) {
    super(jdbc, 10, List.of("Child Unique ID", "Family identifier", "Gender", "Ethnicity", "Date of Birth",
        "Age of Child (Years)", "Does the Child have a Disability", ENTERED_CARE, DECIDED, PLACEMENT_ORDER,
        MATCHED, PLACED, ADOPTION_ORDER, NO_LONGER, NO_LONGER_REASON,
        "Date the child was placed for fostering in FFA or concurrent planning placement"));
    this.periods = periods;
  }

  @Override
  public List<Map<String, String>> rows(DateWindow window, Visible scope) {
    LookedAfterPeriods.History history = periods.history();
    return jdbc.query("select " + CHILD_SELECT + ", coalesce(a.final_decided_at, a.adm_decided_at) as decided, "
        + "(select min(coalesce(m.final_decided_at, m.adm_decided_at)) from adoption_decision m where m.child_id = a.child_id "
        + "and m.decision_type = 'MATCH' and coalesce(m.final_approves, m.adm_approves)) as matched, "
        + "a.placement_order_on, a.placed_for_adoption_on, a.adoption_order_on, a.no_longer_to_be_placed_on, "
        + "a.no_longer_to_be_placed_reason "
        + "from adoption_decision a join child c on c.id = a.child_id where a.decision_type = 'SHOULD_BE_PLACED' "
        + "and coalesce(a.final_approves, a.adm_approves) and coalesce(a.final_decided_at, a.adm_decided_at) >= :from "
        + "and coalesce(a.final_decided_at, a.adm_decided_at) < :until" + and(scope, "a.process_instance_id")
        + " order by decided, a.process_instance_id", params(window, scope), (row, i) -> {
          Map<String, String> line = child(row, window.last());
          line.remove("Allocated Team");
          line.remove("Allocated Worker");
          Timestamp decided = row.getTimestamp("decided");
          LocalDate decidedOn = LondonTime.toLondon(decided.toInstant()).toLocalDate();
          line.put(ENTERED_CARE, history.of(row.getString("child_id")).stream().filter(period -> period.covers(decidedOn))
              .map(LookedAfterPeriod::getFrom).findFirst().map(AnnexAList10::date).orElse(""));
          line.put(DECIDED, date(decided));
          line.put(MATCHED, date(row.getTimestamp("matched")));
          line.put(PLACEMENT_ORDER, date(row.getObject("placement_order_on", LocalDate.class)));
          line.put(PLACED, date(row.getObject("placed_for_adoption_on", LocalDate.class)));
          line.put(ADOPTION_ORDER, date(row.getObject("adoption_order_on", LocalDate.class)));
          line.put(NO_LONGER, date(row.getObject("no_longer_to_be_placed_on", LocalDate.class)));
          String reason = row.getString("no_longer_to_be_placed_reason");
          line.put(NO_LONGER_REASON, reason == null ? "" : AdoptionDecisionRules.NO_LONGER_TO_BE_PLACED_REASONS.get(reason));
          return line;
        });
  }
}
