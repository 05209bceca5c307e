package org.opencsc.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opencsc.calendar.LondonTime;
import org.opencsc.rules.RuleViolation;

/**
 * The days an export covers, first and last included, in UK time: an inspection window for the
 * Annex A lists (by default the 12 months to today) or a DfE collection year for a return ("2025-26"
 * is 1 April 2025 to 31 March 2026).
 */
public record DateWindow(LocalDate first, LocalDate last) {

  private static final Pattern YEAR = Pattern.compile("(\\d{4})-(\\d{2})");

  /** The 12 months to today. */
  public static DateWindow lastTwelveMonths() {
    LocalDate today = LondonTime.now().toLocalDate();
    return new DateWindow(today.plusDays(1).minusMonths(12), today);
  }

  /** A collection year named as the DfE does, or a refusal naming {@code year}. */
  public static DateWindow collectionYear(String name) {
    Matcher parts = name == null ? null : YEAR.matcher(name);
    if (parts == null || !parts.matches()
        || (Integer.parseInt(parts.group(1)) + 1) % 100 != Integer.parseInt(parts.group(2))) {
      throw RuleViolation.of("year", "must be a collection year such as 2025-26 (1 April 2025 to 31 March 2026)");
    }
    int start = Integer.parseInt(parts.group(1));
    return new DateWindow(LocalDate.of(start, 4, 1), LocalDate.of(start + 1, 3, 31));
  }

  /** The first moment of the window. */
  public Instant start() {
    return first.atStartOfDay(LondonTime.ZONE).toInstant();
  }

  /** The first moment after the window. */
  public Instant end() {
    return last.plusDays(1).atStartOfDay(LondonTime.ZONE).toInstant();
  }

  /** The first day of the 12 months that end with the window ("in the last 12 months"). */
  public LocalDate twelveMonthsBeforeEnd() {
    return last.plusDays(1).minusMonths(12);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last);
  }
}
