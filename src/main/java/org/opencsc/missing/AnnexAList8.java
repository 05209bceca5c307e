package org.opencsc.missing;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencsc.calendar.LondonTime;
import org.opencsc.compliance.AnnexAList;
import org.opencsc.compliance.CaseScope.Visible;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Annex A list 8: one row per looked-after child missing or away from placement in the last 12
 * months, with whether a return interview was offered and accepted after the last missing episode.
 */
@Component
class AnnexAList8 extends AnnexAList {

  AnnexAList8(NamedParameterJdbcTemplate jdbc) {
    super(jdbc, 8,
        "Number of missing episodes in the last 12 months",
        "Number of away from placement episodes in the last 12 months",
        "Was the child offered a return interview after the last missing episode?",
        "Did the child accept the return interview after the last missing episode?");
  }

  @Override
  public List<Map<String, String>> rows(Visible scope) {
    LocalDate today = LondonTime.now().toLocalDate();
    MapSqlParameterSource params = params(scope)
        .addValue("since", Timestamp.from(today.minusMonths(12).atStartOfDay(LondonTime.ZONE).toInstant()));
    Map<String, Map<String, String>> byChild = new LinkedHashMap<>();
    Map<String, Object[]> lastMissing = new LinkedHashMap<>();
    jdbc.query("select e.child_id, c.date_of_birth, c.disabled, e.episode_type, e.missing_from, e.rhi_offered, "
        + "e.rhi_accepted from missing_episode e join child c on c.id = e.child_id "
        + "where c.looked_after and e.missing_from >= :since" + and(scope, "e.process_instance_id")
        + " order by e.child_id, e.missing_from", params, row -> {
          String childId = row.getString("child_id");
          LocalDate born = row.getObject("date_of_birth", LocalDate.class);
          boolean disabled = row.getBoolean("disabled");
          Map<String, String> line = byChild.computeIfAbsent(childId, id -> {
            Map<String, String> fresh = child(id, born, disabled, today);
            fresh.put("Number of missing episodes in the last 12 months", "0");
            fresh.put("Number of away from placement episodes in the last 12 months", "0");
            fresh.put("Was the child offered a return interview after the last missing episode?", "");
            fresh.put("Did the child accept the return interview after the last missing episode?", "");
            return fresh;
          });
          String column = "MISSING".equals(row.getString("episode_type"))
              ? "Number of missing episodes in the last 12 months"
              : "Number of away from placement episodes in the last 12 months";
          line.put(column, String.valueOf(Integer.parseInt(line.get(column)) + 1));
          if ("MISSING".equals(row.getString("episode_type"))) {
            lastMissing.put(childId, new Object[] {row.getObject("rhi_offered"), row.getObject("rhi_accepted")});
          }
        });
    lastMissing.forEach((childId, answers) -> {
      Map<String, String> line = byChild.get(childId);
      line.put("Was the child offered a return interview after the last missing episode?", yesNo(answers[0]));
      line.put("Did the child accept the return interview after the last missing episode?",
          Boolean.TRUE.equals(answers[0]) ? yesNo(answers[1]) : "");
    });
    return new ArrayList<>(byChild.values());
  }
}
