package org.opencsc.protection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencsc.compliance.CaseScope.Visible;
import org.opencsc.compliance.DateWindow;
import org.opencsc.compliance.StatutoryReturn;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The CIN census's child protection plan items: one row per review conference held in the
 * collection year of each plan in force during it (a plan with none in the year: one row, the
 * review date empty), with the census's codes for the categories and the plan's end if it ended
 * in the year.
 */
@Component
class CinChildProtection extends StatutoryReturn {

  /** The census's category codes. */
  static final Map<String, String> CATEGORIES = Map.of("NEGLECT", "NEG", "PHYSICAL", "PHY", "SEXUAL", "SAB",
      "EMOTIONAL", "EMO", "MULTIPLE", "MUL");

  CinChildProtection(NamedParameterJdbcTemplate jdbc) {
    super(jdbc, "cin/cpp", "LAchildID", "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
        "NumberOfPreviousCPP", "CPPreviewDate");
  }

  @Override
  public List<Map<String, String>> rows(DateWindow year, Visible scope) {
    List<Map<String, String>> rows = new ArrayList<>();
    jdbc.query("select " + CHILD_KEY + " as child_key, p.cpp_start_date, p.cpp_end_date, p.initial_category, "
        + "p.latest_category, " + ChildProtectionPlans.PREVIOUS_PLANS + " as previous, r.held_on "
        + "from child_protection_plan p join child c on c.id = p.child_id "
        + "left join child_protection_review r on r.process_instance_id = p.process_instance_id "
        + "and r.held_on >= :firstDay and r.held_on < :dayAfter "
        + "where p.cpp_start_date < :dayAfter and (p.cpp_end_date is null or p.cpp_end_date >= :firstDay)"
        + and(scope, "p.process_instance_id") + " order by child_key, p.cpp_start_date, r.held_on",
        params(year, scope), row -> {
          LocalDate ended = row.getObject("cpp_end_date", LocalDate.class);
          Map<String, String> line = new LinkedHashMap<>();
          line.put("LAchildID", row.getString("child_key"));
          line.put("CPPstartDate", date(row.getObject("cpp_start_date", LocalDate.class)));
          line.put("CPPendDate", ended != null && year.contains(ended) ? date(ended) : "");
          line.put("InitialCategoryOfAbuse", CATEGORIES.get(row.getString("initial_category")));
          line.put("LatestCategoryOfAbuse", CATEGORIES.get(row.getString("latest_category")));
          line.put("NumberOfPreviousCPP", String.valueOf(row.getInt("previous")));
          line.put("CPPreviewDate", date(row.getObject("held_on", LocalDate.class)));
          rows.add(line);
        });
    return rows;
  }
}
