package org.opencsc.compliance;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opencsc.calendar.LondonTime;
import org.opencsc.child.ChildRegistry;
import org.opencsc.child.Upn;
import org.opencsc.compliance.CaseScope.Visible;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What the returns need of each child and is missing or wrong, so that an analyst can put it
 * right before the deadline: {@code GET /api/returns/quality}. Children registered before the
 * returns' fields existed are listed here until they are filled in.
 */
@Service
public class ReturnsQuality {

  /** From this age a child has a UPN (they are in school). */
  static final int SCHOOL_AGE = 5;

  private final NamedParameterJdbcTemplate jdbc;
  private final ComplianceReport report;

  public ReturnsQuality(NamedParameterJdbcTemplate jdbc, ComplianceReport report) {
    this.jdbc = jdbc;
    this.report = report;
  }

  /** One entry per child with something to put right, in name order, for the children the caller may see. */
  public List<Map<String, Object>> problems(Visible scope) {
    Set<String> visible = scope.all() ? null : new HashSet<>(report.childrenOf(new ArrayList<>(scope.cases())).values());
    LocalDate today = LondonTime.now().toLocalDate();
    List<Map<String, Object>> children = new ArrayList<>();
    jdbc.query("select c.id, c.name, c.date_of_birth, c.looked_after, c.la_child_id, c.upn, c.gender, c.ethnicity, "
        + "c.allocated_worker, (select count(*) from looked_after_period p where p.child_id = c.id) as periods "
        + "from child c order by c.name, c.id", new MapSqlParameterSource(), row -> {
          if (visible != null && !visible.contains(row.getString("id"))) {
            return;
          }
          List<Map<String, String>> found = new ArrayList<>();
          if (row.getString("la_child_id") == null) {
            found.add(problem("laChildId", "missing: every return is keyed on the council's own id for the child"));
          }
          String upn = row.getString("upn");
          LocalDate born = row.getObject("date_of_birth", LocalDate.class);
          if (upn == null && Period.between(born, today).getYears() >= SCHOOL_AGE) {
            found.add(problem("upn", "missing for a child of school age"));
          } else if (upn != null && !Upn.valid(upn)) {
            found.add(problem("upn", "not a Unique Pupil Number (13 characters, the first the DfE check letter)"));
          }
          code(found, "gender", row.getString("gender"), ChildRegistry.GENDERS);
          code(found, "ethnicity", row.getString("ethnicity"), ChildRegistry.ETHNICITIES);
          if (row.getBoolean("looked_after") && row.getLong("periods") == 0) {
            found.add(problem("lookedAfterFrom", "missing: the child is looked after, but no looked-after period says since when"));
          }
          if (row.getString("allocated_worker") == null) {
            found.add(problem("allocatedWorker", "missing: the Annex A lists name the child's allocated worker"));
          }
          if (!found.isEmpty()) {
            Map<String, Object> child = new LinkedHashMap<>();
            child.put("childId", row.getString("id"));
            child.put("name", row.getString("name"));
            child.put("laChildId", row.getString("la_child_id"));
            child.put("problems", found);
            children.add(child);
          }
        });
    return children;
  }

  private static void code(List<Map<String, String>> found, String field, String value, List<String> codes) {
    if (value == null) {
      found.add(problem(field, "missing"));
    } else if (!codes.contains(value)) {
      found.add(problem(field, "not one of the DfE's codes (" + String.join(", ", codes) + ")"));
    }
  }

  private static Map<String, String> problem(String field, String problem) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("field", field);
    entry.put("problem", problem);
    return entry;
  }
}
