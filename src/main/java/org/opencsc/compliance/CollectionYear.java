package org.opencsc.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opencsc.calendar.LondonTime;
import org.opencsc.rules.RuleViolation;

/**
 * A year of a statutory return, as the DfE names it: "2025-26" runs from 1 April 2025 to 31 March
 * 2026, both days included, in UK time.
 */
public record CollectionYear(LocalDate first, LocalDate last) {

  private static final Pattern NAME = Pattern.compile("(\\d{4})-(\\d{2})");

  /** The year named as the DfE does, or a refusal naming {@code year}. */
  public static CollectionYear of(String name) {
    Matcher parts = name == null ? null : NAME.matcher(name);
    if (parts == null || !parts.matches()
        || (Integer.parseInt(parts.group(1)) + 1) % 100 != Integer.parseInt(parts.group(2))) {
      throw RuleViolation.of("year", "must be a collection year such as 2025-26 (1 April 2025 to 31 March 2026)");
    }
    int start = Integer.parseInt(parts.group(1));
    return new CollectionYear(LocalDate.of(start, 4, 1), LocalDate.of(start + 1, 3, 31));
  }

  /** The first moment of the year. */
  public Instant from() {
    return first.atStartOfDay(LondonTime.ZONE).toInstant();
  }

  /** The first moment after the year (1 April, midnight, UK time). */
  public Instant until() {
    return last.plusDays(1).atStartOfDay(LondonTime.ZONE).toInstant();
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last);
  }
}
