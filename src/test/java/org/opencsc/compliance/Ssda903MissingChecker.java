package org.opencsc.compliance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DfE's validation rules for the SSDA903 Missing table, written from the rule texts published
 * with the SSDA903 guide (as the sector's open validator words them), one method per rule. Each
 * answers the rows that break it ("row 3: ..."), so a test can feed it our export and a file made
 * to break the rule.
 */
final class Ssda903MissingChecker {

  static final String HEADER = "CHILD,DOB,MISSING,MIS_START,MIS_END";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
      .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  private final List<Map<String, String>> rows = new ArrayList<>();
  private final DateWindow year;

  Ssda903MissingChecker(String csv, DateWindow year) {
    this.year = year;
    String[] lines = csv.strip().split("\r?\n");
    if (!lines[0].equals(HEADER) && !lines[0].replace("\"", "").equals(HEADER)) {
      throw new IllegalArgumentException("Not the Missing table: " + lines[0]);
    }
    String[] columns = HEADER.split(",");
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < columns.length; c++) {
        row.put(columns[c], c < cells.length ? cells[c].replace("\"", "").strip() : "");
      }
      rows.add(row);
    }
  }

  /** MIS_START is present and a valid date. */
  List<String> startPresentAndValid() {
    return broken(row -> date(row.get("MIS_START")) == null, "MIS_START missing or not a valid date");
  }

  /** MISSING is M or A when MIS_START is given. */
  List<String> typeGivenWithAStart() {
    return broken(row -> !row.get("MIS_START").isEmpty() && !List.of("M", "A").contains(row.get("MISSING")),
        "MISSING must be M or A when MIS_START is given");
  }

  /** MIS_END, where given, is a valid date not before MIS_START. */
  List<String> endNotBeforeStart() {
    return broken(row -> !row.get("MIS_END").isEmpty() && (date(row.get("MIS_END")) == null
        || date(row.get("MIS_START")) != null && date(row.get("MIS_END")).isBefore(date(row.get("MIS_START")))),
        "MIS_END before MIS_START");
  }

  /** MIS_START is not after the end of the collection year. */
  List<String> startNotAfterTheYear() {
    return broken(row -> date(row.get("MIS_START")) != null && date(row.get("MIS_START")).isAfter(year.last()),
        "MIS_START after the end of the collection year");
  }

  /** MIS_END, where given, is within the collection year. */
  List<String> endWithinTheYear() {
    return broken(row -> date(row.get("MIS_END")) != null && !year.contains(date(row.get("MIS_END"))),
        "MIS_END outside the collection year");
  }

  /**
   * No two periods of one child overlap, and none begins while another is still open (no
   * MIS_END). A period that ends on the day the next begins does not overlap it.
   */
  List<String> noOverlapNorNewWhileOpen() {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < rows.size(); j++) {
        Map<String, String> a = rows.get(i);
        Map<String, String> b = rows.get(j);
        if (i == j || !a.get("CHILD").equals(b.get("CHILD"))) {
          continue;
        }
        LocalDate aStart = date(a.get("MIS_START"));
        LocalDate bStart = date(b.get("MIS_START"));
        LocalDate aEnd = date(a.get("MIS_END"));
        if (aStart == null || bStart == null) {
          continue;
        }
        boolean bStartsInsideA = bStart.isAfter(aStart) && (aEnd == null || bStart.isBefore(aEnd))
            || bStart.equals(aStart) && i < j;
        if (bStartsInsideA) {
          found.add("row " + (j + 1) + ": begins while the period in row " + (i + 1) + " is open or not yet ended");
        }
      }
    }
    return found;
  }

  /** No period begins before the child's date of birth. */
  List<String> notBeforeBirth() {
    return broken(row -> date(row.get("MIS_START")) != null && date(row.get("DOB")) != null
        && date(row.get("MIS_START")).isBefore(date(row.get("DOB"))), "MIS_START before DOB");
  }

  /** Every rule's findings. */
  List<String> all() {
    List<String> found = new ArrayList<>();
    found.addAll(startPresentAndValid());
    found.addAll(typeGivenWithAStart());
    found.addAll(endNotBeforeStart());
    found.addAll(startNotAfterTheYear());
    found.addAll(endWithinTheYear());
    found.addAll(noOverlapNorNewWhileOpen());
    found.addAll(notBeforeBirth());
    return found;
  }

  private List<String> broken(java.util.function.Predicate<Map<String, String>> breaks, String what) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (breaks.test(rows.get(i))) {
        found.add("row " + (i + 1) + ": " + what);
      }
    }
    return found;
  }

  private static LocalDate date(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(text, DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
