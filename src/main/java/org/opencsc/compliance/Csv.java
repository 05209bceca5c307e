package org.opencsc.compliance;

import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV with a header row. A cell that a spreadsheet would read as a formula (starting
 * with =, +, -, @, a tab or a carriage return: OWASP's list) is prefixed with an apostrophe, so
 * an export opened in Excel cannot run anything a user typed into a reason.
 */
final class Csv {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private Csv() {
  }

  /** The header row, then each row's cells in the header's order. */
  static String of(List<String> columns, List<Map<String, String>> rows) {
    StringBuilder csv = new StringBuilder();
    line(csv, columns);
    for (Map<String, String> row : rows) {
      line(csv, columns.stream().map(row::get).toList());
    }
    return csv.toString();
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
