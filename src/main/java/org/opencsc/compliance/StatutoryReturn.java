package org.opencsc.compliance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.opencsc.calendar.LondonTime;
import org.opencsc.compliance.CaseScope.Visible;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A table of a statutory return for a collection year (an SSDA903 table, a CIN census item), with
 * the DfE's own column names, filled from the case table of the process that holds it. Each such
 * process declares its table in its own package, as a bean of this type; {@link ReturnsController}
 * offers every one at {@code /api/returns/{name}.csv?year=2025-26}.
 */
public abstract class StatutoryReturn {

  protected final NamedParameterJdbcTemplate jdbc;
  private final String name;
  private final List<String> columns;

  /** The table at {@code /api/returns/<name>.csv}, e.g. {@code ssda903/missing}. */
  protected StatutoryReturn(NamedParameterJdbcTemplate jdbc, String name, String... columns) {
    this.jdbc = jdbc;
    this.name = name;
    this.columns = List.of(columns);
  }

  public final String name() {
    return name;
  }

  public final List<String> columns() {
    return columns;
  }

  /** One line (column → value) per row of the year, for the cases the caller may see. */
  public abstract List<Map<String, String>> rows(CollectionYear year, Visible scope);

  /**
   * The query parameters of a table: the cases the caller may see ({@code :visible}, see
   * {@link #and}) and the year, from {@code :from} (1 April) until {@code :until} (the next 1 April).
   */
  protected static MapSqlParameterSource params(CollectionYear year, Visible scope) {
    return ComplianceReport.params(scope).addValue("from", Timestamp.from(year.from()))
        .addValue("until", Timestamp.from(year.until()));
  }

  /** The child as every return names them: the council's id, ours while that is not recorded. */
  protected static final String CHILD_KEY = "coalesce(c.la_child_id, c.id)";

  /** {@code " and column in (:visible)"}, or nothing when the caller sees every case. */
  protected static String and(Visible scope, String column) {
    return ComplianceReport.and(scope, column);
  }

  /** A date as the returns write it: dd/mm/yyyy, the day in UK time. */
  protected static String date(Instant instant) {
    return LondonTime.toLondon(instant).format(AnnexAList.DATE);
  }
}
