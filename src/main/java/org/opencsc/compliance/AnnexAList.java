package org.opencsc.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencsc.child.ChildRegistry;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * One of Ofsted's Annex A lists as the template has it: its column names in its order, its code
 * forms ("a) Yes", "b) Female", "a) WBRI"), dates dd/mm/yyyy, for an inspection window. Columns
 * the workflow does not hold (legal status, placements, health checks …) are there and empty, so
 * the file merges with the council's case-system extract on Child Unique ID. Each process that
 * feeds a list declares it in its own package, as a bean of this type; {@link AnnexAExports}
 * offers every one.
 */
public abstract class AnnexAList extends ExportTable {

  /** The columns about the child that (nearly) every list begins with, in the template's order. */
  protected static final List<String> CHILD = List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth",
      "Age of Child (Years)", "Does the Child have a Disability");
  /** The columns most lists end with. */
  protected static final List<String> ALLOCATED = List.of("Allocated Team", "Allocated Worker");
  /** What {@link #child} reads, for a query that joins the child as {@code c}. */
  protected static final String CHILD_SELECT = "c.id as child_id, " + CHILD_KEY + " as child_key, "
      + "c.gender, c.ethnicity, c.date_of_birth, c.disabled, c.allocated_team, c.allocated_worker";

  private static final Map<String, String> GENDERS = Map.of("MALE", "a) Male", "FEMALE", "b) Female",
      "NOT_STATED", "c) Not stated/recorded", "NEITHER", "d) Neither");

  private final int number;

  /** List {@code number} of Annex A, with these columns (the template's, all of them, in order). */
  protected AnnexAList(NamedParameterJdbcTemplate jdbc, int number, List<String> columns) {
    super(jdbc, "annex-a-list" + number, columns);
    this.number = number;
  }

  /** The child's columns, then these, then the allocated team and worker. */
  protected static List<String> childColumns(String... listColumns) {
    List<String> all = new ArrayList<>(CHILD);
    all.addAll(List.of(listColumns));
    all.addAll(ALLOCATED);
    return all;
  }

  final int number() {
    return number;
  }

  /** A new line with the child's columns (selected with {@link #CHILD_SELECT}) filled in, as the template codes them. */
  protected static Map<String, String> child(ResultSet row, LocalDate on) throws SQLException {
    Map<String, String> line = new LinkedHashMap<>();
    LocalDate born = row.getObject("date_of_birth", LocalDate.class);
    line.put("Child Unique ID", row.getString("child_key"));
    line.put("Gender", row.getString("gender") == null ? "" : GENDERS.getOrDefault(row.getString("gender"), ""));
    line.put("Ethnicity", ethnicity(row.getString("ethnicity")));
    line.put("Date of Birth", born.format(DATE));
    line.put("Age of Child (Years)", String.valueOf(Period.between(born, on).getYears()));
    line.put("Does the Child have a Disability", yesNo(row.getBoolean("disabled")));
    line.put("Allocated Team", row.getString("allocated_team"));
    line.put("Allocated Worker", row.getString("allocated_worker"));
    return line;
  }

  /** "a) WBRI" … "t) NOBT": the template's letter before each DfE code, in the DfE's order. */
  static String ethnicity(String code) {
    int at = code == null ? -1 : ChildRegistry.ETHNICITIES.indexOf(code);
    return at < 0 ? "" : (char) ('a' + at) + ") " + code;
  }

  /** The template's yes and no ("a) Yes", "b) No"); empty when not recorded. */
  protected static String yesNo(Object value) {
    return value == null ? "" : Boolean.TRUE.equals(value) ? "a) Yes" : "b) No";
  }
}
