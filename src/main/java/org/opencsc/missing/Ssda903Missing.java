package org.opencsc.missing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencsc.calendar.LondonTime;
import org.opencsc.child.LookedAfterPeriods;
import org.opencsc.compliance.CaseScope.Visible;
import org.opencsc.compliance.DateWindow;
import org.opencsc.compliance.StatutoryReturn;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SSDA903 return's Missing table: one row per missing ({@code M}) or away ({@code A}) episode
 * of a child looked after when it began, that overlaps the collection year. {@code CHILD} is the
 * council's own id for the child (our id while the council's is not recorded: the quality report
 * lists those children). An episode still open at 31 March has no {@code MIS_END}.
 */
@Component
class Ssda903Missing extends StatutoryReturn {

  private final LookedAfterPeriods lookedAfter;

  Ssda903Missing(NamedParameterJdbcTemplate jdbc, LookedAfterPeriods lookedAfter) {
    super(jdbc, "ssda903/missing", "CHILD", "DOB", "MISSING", "MIS_START", "MIS_END");
    this.lookedAfter = lookedAfter;
  }

  @Override
  public List<Map<String, String>> rows(DateWindow year, Visible scope) {
    MapSqlParameterSource params = params(year, scope);
    LookedAfterPeriods.History history = lookedAfter.history();
    List<Map<String, String>> rows = new ArrayList<>();
    jdbc.query("select c.id, " + CHILD_KEY + " as child_key, c.date_of_birth, e.episode_type, e.missing_from, e.returned_at "
        + "from missing_episode e join child c on c.id = e.child_id "
        + "where e.missing_from < :until and (e.returned_at is null or e.returned_at >= :from)"
        + and(scope, "e.process_instance_id") + " order by child_key, e.missing_from", params, row -> {
          Instant start = row.getTimestamp("missing_from").toInstant();
          LocalDate startDay = LondonTime.toLondon(start).toLocalDate();
          if (!history.lookedAfterOn(row.getString("id"), startDay)) {
            return;
          }
          Timestamp returned = row.getTimestamp("returned_at");
          Map<String, String> line = new LinkedHashMap<>();
          line.put("CHILD", row.getString("child_key"));
          line.put("DOB", date(row.getObject("date_of_birth", LocalDate.class)));
          line.put("MISSING", "MISSING".equals(row.getString("episode_type")) ? "M" : "A");
          line.put("MIS_START", date(start));
          line.put("MIS_END", returned == null || !returned.toInstant().isBefore(year.end()) ? ""
              : date(returned.toInstant()));
          rows.add(line);
        });
    return rows;
  }
}
