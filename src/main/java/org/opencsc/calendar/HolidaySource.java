package org.opencsc.calendar;

import java.time.LocalDate;
import java.util.Set;

/** Where the bank holidays for a year come from; a seam so tests can supply their own. */
@FunctionalInterface
public interface HolidaySource {

  /** The days off (after any weekend substitution) falling in the given year. */
  Set<LocalDate> holidays(int year);
}
