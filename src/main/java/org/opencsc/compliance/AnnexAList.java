package org.opencsc.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencsc.calendar.LondonTime;
import org.opencsc.compliance.CaseScope.Visible;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * One of Ofsted's Annex A lists (column headings as the template has them, dates dd/mm/yyyy),
 * filled from the case table of the process that feeds it. Each such process declares its list
 * in its own package, as a bean of this type; {@link AnnexAExports} offers every one.
 */
public abstract class AnnexAList {

  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** The columns every list begins with. */
  static final List<String> CHILD = List.of("Child Unique ID", "Date of Birth", "Age of Child (Years)",
      "Child Disability");

  protected final NamedParameterJdbcTemplate jdbc;
  private final int number;
  private final List<String> columns;

  /** List {@code number} of Annex A, with these columns after the child's. */
  protected AnnexAList(NamedParameterJdbcTemplate jdbc, int number, String... columns) {
    this.jdbc = jdbc;
    this.number = number;
    List<String> all = new ArrayList<>(CHILD);
    all.addAll(List.of(columns));
    this.columns = List.copyOf(all);
  }

  /** The list's name in the export's address, e.g. {@code annex-a-list8}. */
  public final String name() {
    return "annex-a-list" + number;
  }

  final int number() {
    return number;
  }

  public final List<String> columns() {
    return columns;
  }

  /** One line (column → value) per row, for the cases the caller may see. */
  public abstract List<Map<String, String>> rows(Visible scope);

  /** The query parameters that limit a list to the cases the caller may see. */
  protected static MapSqlParameterSource params(Visible scope) {
    return ComplianceReport.params(scope);
  }

  /** {@code " and column in (:visible)"}, or nothing when the caller sees every case. */
  protected static String and(Visible scope, String column) {
    return ComplianceReport.and(scope, column);
  }

  /** A new line with the child's columns filled in. */
  protected static Map<String, String> child(String childId, LocalDate born, boolean disabled, LocalDate today) {
    Map<String, String> line = new LinkedHashMap<>();
    line.put("Child Unique ID", childId);
    line.put("Date of Birth", born.format(DATE));
    line.put("Age of Child (Years)", String.valueOf(Period.between(born, today).getYears()));
    line.put("Child Disability", disabled ? "Yes" : "No");
    return line;
  }

  protected static String date(Instant instant) {
    return LondonTime.toLondon(instant).format(DATE);
  }

  protected static String yesNo(Object value) {
    return value == null ? "" : Boolean.TRUE.equals(value) ? "Yes" : "No";
  }
}
