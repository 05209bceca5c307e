package org.opencsc.protection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.opencsc.compliance.AnnexAList;
import org.opencsc.compliance.CaseScope.Visible;
import org.opencsc.compliance.DateWindow;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Annex A List 7: children subject to a child protection plan at any time in the window, one row
 * per plan, with the plan's categories, the last visit (and whether the child was seen alone), the
 * latest review and the end if it ended by the window's end. Emergency protection orders are not
 * recorded by the workflow and stay empty.
 */
@Component
class AnnexAList7 extends AnnexAList {

  static final String START = "Child Protection Plan Start Date";
  static final String INITIAL = "Initial Category of Abuse";
  static final String LATEST = "Latest Category of Abuse";
  static final String LAST_VISIT = "Date of the Last Statutory Visit";
  static final String SEEN_ALONE = "Was the Child Seen Alone?";
  static final String LATEST_REVIEW = "Date of latest review conference";
  static final String END = "Child Protection Plan End Date";
  static final String EMERGENCY = "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six "
      + "Months (Y/N)";
  static final String PREVIOUS = "Number of Previous Child Protection Plans";
  /** The template's forms of the CIN census categories. */
  static final Map<String, String> CATEGORIES = Map.of("NEGLECT", "a) Neglect", "PHYSICAL", "b) Physical abuse",
      "SEXUAL", "c) Sexual abuse", "EMOTIONAL", "d) Emotional abuse", "MULTIPLE", "e) Multiple/not recommended");

  AnnexAList7(NamedParameterJdbcTemplate jdbc) {
    super(jdbc, 7, childColumns(START, INITIAL, LATEST, LAST_VISIT, SEEN_ALONE, LATEST_REVIEW, END, EMERGENCY, PREVIOUS));
  }

  @Override
  public List<Map<String, String>> rows(DateWindow window, Visible scope) {
    return jdbc.query("select " + CHILD_SELECT + ", p.cpp_start_date, p.initial_category, p.latest_category, "
        + "p.last_visit_at, p.last_seen_alone, p.last_review_on, p.cpp_end_date, " + ChildProtectionPlans.PREVIOUS_PLANS
        + " as previous from child_protection_plan p join child c on c.id = p.child_id "
        + "where p.cpp_start_date < :dayAfter and (p.cpp_end_date is null or p.cpp_end_date >= :firstDay)"
        + and(scope, "p.process_instance_id") + " order by p.cpp_start_date, p.process_instance_id",
        params(window, scope), (row, i) -> {
          Map<String, String> line = child(row, window.last());
          LocalDate ended = row.getObject("cpp_end_date", LocalDate.class);
          line.put(START, date(row.getObject("cpp_start_date", LocalDate.class)));
          line.put(INITIAL, CATEGORIES.get(row.getString("initial_category")));
          line.put(LATEST, CATEGORIES.get(row.getString("latest_category")));
          line.put(LAST_VISIT, date(row.getTimestamp("last_visit_at")));
          line.put(SEEN_ALONE, yesNo(row.getObject("last_seen_alone")));
          line.put(LATEST_REVIEW, date(row.getObject("last_review_on", LocalDate.class)));
          line.put(END, ended != null && window.contains(ended) ? date(ended) : "");
          line.put(EMERGENCY, "");
          line.put(PREVIOUS, String.valueOf(row.getInt("previous")));
          return line;
        });
  }
}
