package org.opencsc.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.Set;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.springframework.stereotype.Component;

/**
 * Bank holidays in England and Wales from jollyday's UK calendar. England and Wales share
 * one set of bank holidays, so the England subdivision stands for both.
 */
@Component
public class JollydayHolidaySource implements HolidaySource {

  // jollyday's hierarchy key for England; an unknown key would silently give UK-wide days only
  static final String ENGLAND = "eng";

  private final HolidayManager manager =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));

  @Override
  public Set<LocalDate> holidays(int year) {
    // getDate() is the day actually taken off: Boxing Day 2026 gives Monday 28 December
    return manager.getHolidays(Year.of(year), ENGLAND).stream()
        .map(Holiday::getDate)
        .collect(Collectors.toUnmodifiableSet());
  }
}
