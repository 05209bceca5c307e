package org.opencsc.compliance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.opencsc.calendar.LondonTime;
import org.opencsc.compliance.CaseScope.Visible;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A CSV table filled from the case table of the process that holds it, for a window of days and
 * the cases the caller may see: an Annex A list ({@link AnnexAList}) or a table of a statutory
 * return ({@link StatutoryReturn}). Each process declares its tables in its own package.
 */
public abstract class ExportTable {

  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** The child as every export names them: the council's id, ours while that is not recorded. */
  protected static final String CHILD_KEY = "coalesce(c.la_child_id, c.id)";

  protected final NamedParameterJdbcTemplate jdbc;
  private final String name;
  private final List<String> columns;

  protected ExportTable(NamedParameterJdbcTemplate jdbc, String name, List<String> columns) {
    this.jdbc = jdbc;
    this.name = name;
    this.columns = List.copyOf(columns);
  }

  /** The table's name in its address, e.g. {@code annex-a-list8} or {@code ssda903/missing}. */
  public final String name() {
    return name;
  }

  public final List<String> columns() {
    return columns;
  }

  /** One line (column → value) per row of the window, for the cases the caller may see. */
  public abstract List<Map<String, String>> rows(DateWindow window, Visible scope);

  /**
   * The query parameters: the cases the caller may see ({@code :visible}, see {@link #and}), the
   * window from {@code :from} until {@code :until} (the moment after it), the same as days for date
   * columns ({@code :firstDay} to before {@code :dayAfter}), and {@code :since}, the start of the 12
   * months that end with it.
   */
  protected static MapSqlParameterSource params(DateWindow window, Visible scope) {
    return ComplianceReport.params(scope).addValue("from", Timestamp.from(window.start()))
        .addValue("until", Timestamp.from(window.end()))
        .addValue("firstDay", java.sql.Date.valueOf(window.first()))
        .addValue("dayAfter", java.sql.Date.valueOf(window.last().plusDays(1)))
        .addValue("since", Timestamp.from(window.twelveMonthsBeforeEnd().atStartOfDay(LondonTime.ZONE).toInstant()));
  }

  /** {@code " and column in (:visible)"}, or nothing when the caller sees every case. */
  protected static String and(Visible scope, String column) {
    return ComplianceReport.and(scope, column);
  }

  /** A day as the exports write it: dd/mm/yyyy, in UK time. */
  protected static String date(Instant instant) {
    return LondonTime.toLondon(instant).format(DATE);
  }

  protected static String date(Timestamp timestamp) {
    return timestamp == null ? "" : date(timestamp.toInstant());
  }

  protected static String date(LocalDate day) {
    return day == null ? "" : day.format(DATE);
  }
}
