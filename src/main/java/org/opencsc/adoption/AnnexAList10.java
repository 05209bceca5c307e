package org.opencsc.adoption;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.opencsc.calendar.LondonTime;
import org.opencsc.compliance.AnnexAList;
import org.opencsc.compliance.CaseScope.Visible;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Annex A list 10: adoption decisions, one row per decision made by the agency decision maker. */
@Component
class AnnexAList10 extends AnnexAList {

  AnnexAList10(NamedParameterJdbcTemplate jdbc) {
    super(jdbc, 10,
        "Decision",
        "Route",
        "Date of agency decision",
        "Agency decision maker approved",
        "Departed from the panel's recommendation",
        "Qualifying determination");
  }

  @Override
  public List<Map<String, String>> rows(Visible scope) {
    LocalDate today = LondonTime.now().toLocalDate();
    return jdbc.query("select a.child_id, c.date_of_birth, c.disabled, a.decision_type, a.route, a.adm_decided_at, "
        + "a.adm_approves, a.departs_from_panel, a.final_decided_at, a.final_approves from adoption_decision a "
        + "join child c on c.id = a.child_id where a.adm_decided_at is not null"
        + and(scope, "a.process_instance_id") + " order by a.adm_decided_at, a.process_instance_id",
        params(scope), (row, i) -> {
          Map<String, String> line = child(row.getString("child_id"), row.getObject("date_of_birth", LocalDate.class),
              row.getBoolean("disabled"), today);
          line.put("Decision", row.getString("decision_type"));
          line.put("Route", row.getString("route"));
          boolean finalDecision = row.getTimestamp("final_decided_at") != null;
          Instant decided = (finalDecision ? row.getTimestamp("final_decided_at") : row.getTimestamp("adm_decided_at")).toInstant();
          line.put("Date of agency decision", date(decided));
          line.put("Agency decision maker approved", yesNo(finalDecision ? row.getObject("final_approves") : row.getObject("adm_approves")));
          line.put("Departed from the panel's recommendation", yesNo(row.getObject("departs_from_panel")));
          line.put("Qualifying determination", finalDecision ? "Yes" : "No");
          return line;
        });
  }
}
