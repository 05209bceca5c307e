package org.opencsc.strategy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencsc.compliance.CaseScope.Visible;
import org.opencsc.compliance.DateWindow;
import org.opencsc.compliance.StatutoryReturn;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The CIN census's section 47 items that the workflow holds: one row per enquiry begun in the
 * collection year, with the initial conference's target date (15 working days from the strategy
 * discussion that began it), the conference's date, and whether one was not required.
 */
@Component
class CinSection47 extends StatutoryReturn {

  CinSection47(NamedParameterJdbcTemplate jdbc) {
    super(jdbc, "cin/s47", "LAchildID", "S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired");
  }

  @Override
  public List<Map<String, String>> rows(DateWindow year, Visible scope) {
    MapSqlParameterSource params = params(year, scope);
    List<Map<String, String>> rows = new ArrayList<>();
    // The enquiry began at the discussion that decided it (kept once); cases decided before that
    // was kept began when their discussion was held.
    jdbc.query("select " + CHILD_KEY + " as child_key, coalesce(s.s47_started_at, s.held_at) as started, s.icpc_due_at, "
        + "s.icpc_held_on, s.s47_outcome from strategy_discussion s join child c on c.id = s.child_id "
        + "where s.decision = 'SECTION_47' and coalesce(s.s47_started_at, s.held_at) >= :from "
        + "and coalesce(s.s47_started_at, s.held_at) < :until" + and(scope, "s.process_instance_id")
        + " order by child_key, started", params, row -> {
          Map<String, String> line = new LinkedHashMap<>();
          line.put("LAchildID", row.getString("child_key"));
          line.put("S47ActualStartDate", date(row.getTimestamp("started")));
          line.put("InitialCPCtarget", date(row.getTimestamp("icpc_due_at")));
          line.put("DateOfInitialCPC", date(row.getObject("icpc_held_on", LocalDate.class)));
          String outcome = row.getString("s47_outcome");
          line.put("ICPCnotRequired", outcome == null ? "" : String.valueOf(!"ICPC_REQUIRED".equals(outcome)));
          rows.add(line);
        });
    return rows;
  }
}
