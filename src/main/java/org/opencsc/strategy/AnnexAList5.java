package org.opencsc.strategy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opencsc.calendar.LondonTime;
import org.opencsc.compliance.AnnexAList;
import org.opencsc.compliance.CaseScope.Visible;
import org.opencsc.compliance.DateWindow;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Annex A List 5: section 47 enquiries and initial child protection conferences. One row per
 * enquiry begun in the window (at the strategy discussion that decided it), with the child's
 * enquiries and conferences in the 12 months to the window's end.
 */
@Component
class AnnexAList5 extends AnnexAList {

  static final String STARTED = "Strategy discussion initiating Section 47 Enquiry Start Date";
  static final String UNNECESSARY = "Was an Initial Child Protection Conference deemed unnecessary?";
  static final String ICPC_DATE = "Date of Initial Child Protection Conference";
  static final String PLAN = "Did the Initial Child Protection Conference Result in a Child Protection Plan";
  static final String ENQUIRIES = "Number of Section 47 Enquiries in the last 12 months";
  static final String ICPCS = "Number of ICPCs in the last 12 months";
  private static final String BEGAN = "coalesce(s.s47_started_at, s.held_at)";

  AnnexAList5(NamedParameterJdbcTemplate jdbc) {
    super(jdbc, 5, childColumns(STARTED, UNNECESSARY, ICPC_DATE, PLAN, ENQUIRIES, ICPCS));
  }

  @Override
  public List<Map<String, String>> rows(DateWindow window, Visible scope) {
    MapSqlParameterSource params = params(window, scope);
    DateWindow lastTwelveMonths = new DateWindow(window.twelveMonthsBeforeEnd(), window.last());
    Map<String, long[]> counts = new HashMap<>();
    jdbc.query("select s.child_id, " + BEGAN + " as began, s.icpc_held_on from strategy_discussion s "
        + "where s.decision = 'SECTION_47' and " + BEGAN + " is not null" + and(scope, "s.process_instance_id"), params, row -> {
          long[] child = counts.computeIfAbsent(row.getString("child_id"), id -> new long[2]);
          if (lastTwelveMonths.contains(LondonTime.toLondon(row.getTimestamp("began").toInstant()).toLocalDate())) {
            child[0]++;
          }
          LocalDate held = row.getObject("icpc_held_on", LocalDate.class);
          if (held != null && lastTwelveMonths.contains(held)) {
            child[1]++;
          }
        });
    return jdbc.query("select " + CHILD_SELECT + ", " + BEGAN + " as began, s.s47_outcome, s.icpc_held_on, "
        + "s.child_protection_plan from strategy_discussion s join child c on c.id = s.child_id "
        + "where s.decision = 'SECTION_47' and " + BEGAN + " >= :from and " + BEGAN + " < :until"
        + and(scope, "s.process_instance_id") + " order by began, s.process_instance_id", params, (row, i) -> {
          Map<String, String> line = child(row, window.last());
          line.put(STARTED, date(row.getTimestamp("began")));
          String outcome = row.getString("s47_outcome");
          line.put(UNNECESSARY, outcome == null ? "" : yesNo(!"ICPC_REQUIRED".equals(outcome)));
          line.put(ICPC_DATE, date(row.getObject("icpc_held_on", LocalDate.class)));
          line.put(PLAN, yesNo(row.getObject("child_protection_plan")));
          long[] child = counts.getOrDefault(row.getString("child_id"), new long[2]);
          line.put(ENQUIRIES, String.valueOf(child[0]));
          line.put(ICPCS, String.valueOf(child[1]));
          return line;
        });
  }
}
