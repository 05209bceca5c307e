package org.opencsc.compliance;

import java.util.List;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A table of a statutory return for a collection year (an SSDA903 table, a CIN census item), with
 * the DfE's own column names; {@link ReturnsController} offers every one at
 * {@code /api/returns/{name}.csv?year=2025-26}.
 */
public abstract class StatutoryReturn extends ExportTable {

  /** The table at {@code /api/returns/<name>.csv}, e.g. {@code ssda903/missing}. */
  protected StatutoryReturn(NamedParameterJdbcTemplate jdbc, String name, String... columns) {
    super(jdbc, name, List.of(columns));
  }
}
