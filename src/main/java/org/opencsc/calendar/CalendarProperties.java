package org.opencsc.calendar;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Calendar settings. {@code extraHolidays} carries one-off bank holidays announced after the
 * holiday library was released (a coronation, a state funeral), e.g.
 * {@code opencsc.calendar.extra-holidays=2030-06-03,2030-06-04}.
 */
@ConfigurationProperties("opencsc.calendar")
public record CalendarProperties(
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> extraHolidays) {

  public CalendarProperties {
    extraHolidays = extraHolidays == null ? List.of() : List.copyOf(extraHolidays);
  }

  public static CalendarProperties none() {
    return new CalendarProperties(List.of());
  }
}
