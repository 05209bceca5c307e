package org.opencsc.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Working days in England and Wales, for statutory deadlines counted in working days.
 * A working day is any day that is not a Saturday, Sunday or bank holiday (Christmas Day and
 * Good Friday are among the bank holidays). The trigger day is day 0 and the deadline is the
 * end of the Nth following working day, 23:59 London time.
 */
@Component
public class WorkingDayCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  static final LocalTime END_OF_DAY = LocalTime.of(23, 59);
  static final String TRIGGER_MISSING = "The trigger date-time for a working-day deadline is missing";

  private final HolidaySource source;
  private final List<LocalDate> extraHolidays;
  // called for every task with a working-day deadline, so each year is worked out once
  private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

  public WorkingDayCalendar(HolidaySource source, CalendarProperties properties) {
    this.source = source;
    this.extraHolidays = properties.extraHolidays();
  }

  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek dayOfWeek = day.getDayOfWeek();
    return dayOfWeek != DayOfWeek.SATURDAY
        && dayOfWeek != DayOfWeek.SUNDAY
        && !holidays(day.getYear()).contains(day);
  }

  /**
   * Bank holidays in the year from the holiday library plus configured extras. Substitute days
   * never cross into the next year in England (the latest is 28 December), so a year's set is
   * enough to decide any day in it.
   */
  public Set<LocalDate> holidays(int year) {
    return holidaysByYear.computeIfAbsent(year, this::loadHolidays);
  }

  private Set<LocalDate> loadHolidays(int year) {
    Set<LocalDate> days = new HashSet<>(source.holidays(year));
    extraHolidays.stream().filter(day -> day.getYear() == year).forEach(days::add);
    return Set.copyOf(days);
  }

  /** The last working day before the given day (a reminder the working day before a deadline). */
  public LocalDate workingDayBefore(LocalDate day) {
    LocalDate before = day.minusDays(1);
    while (!isWorkingDay(before)) {
      before = before.minusDays(1);
    }
    return before;
  }

  /**
   * The deadline N working days after the trigger: the trigger's calendar day in London is
   * day 0 (even if it is a weekend or holiday) and the deadline is 23:59 London time on the
   * Nth working day after it.
   */
  public ZonedDateTime plusWorkingDays(ZonedDateTime trigger, int n) {
    if (trigger == null) {
      throw new IllegalArgumentException(TRIGGER_MISSING);
    }
    if (n < 1) {
      throw new IllegalArgumentException(
          "A working-day deadline must be at least 1 working day after the trigger, but was " + n);
    }
    LocalDate day = trigger.withZoneSameInstant(LondonTime.ZONE).toLocalDate();
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return endOf(day);
  }

  /**
   * The end of the Nth working day counting the trigger's own day as day 1 when it is a working
   * day (a period that "begins on the day the notice is sent"); a trigger on a weekend or bank
   * holiday starts the count at the next working day.
   */
  public ZonedDateTime workingDaysCountingTheDay(ZonedDateTime trigger, int n) {
    if (trigger == null) {
      throw new IllegalArgumentException(TRIGGER_MISSING);
    }
    LocalDate day = trigger.withZoneSameInstant(LondonTime.ZONE).toLocalDate();
    if (isWorkingDay(day)) {
      return n == 1 ? endOf(day) : plusWorkingDays(trigger, n - 1);
    }
    return plusWorkingDays(trigger, n);
  }

  /** 23:59 UK time on the day: when every deadline that ends with a day ends. */
  public static ZonedDateTime endOf(LocalDate day) {
    return day.atTime(END_OF_DAY).atZone(LondonTime.ZONE);
  }

  /**
   * For BPMN expressions such as {@code ${workingDayCalendar.plusWorkingDays(heldAt, 15)}}: the
   * trigger may be an ISO-8601 string (see {@link LondonTime#parseDateTime}) or a
   * {@link java.util.Date}, {@link Instant}, {@link OffsetDateTime} or {@link ZonedDateTime};
   * the deadline comes back as ISO text such as {@code 2027-01-04T23:59:00Z}.
   * <p>
   * One {@code Object} parameter rather than String and Date overloads: Camunda's JUEL finds
   * those ambiguous for a Date variable (it can coerce any value to String), so the
   * expression would fail at run time.
   */
  public String plusWorkingDays(Object trigger, int n) {
    return LondonTime.format(plusWorkingDays(LondonTime.dateTime(trigger), n));
  }

  /** Years in the range (inclusive) for which no holidays at all are known. */
  public List<Integer> yearsWithoutHolidays(int fromYear, int toYear) {
    return IntStream.rangeClosed(fromYear, toYear)
        .filter(year -> holidays(year).isEmpty())
        .boxed()
        .toList();
  }

  /**
   * Deadlines set in December reach into next year; if the holiday data stops this year,
   * they would silently count bank holidays as working days. Returns the year warned about.
   */
  public Optional<Integer> warnIfNextYearHasNoHolidays() {
    int nextYear = LondonTime.now().getYear() + 1;
    if (yearsWithoutHolidays(nextYear, nextYear).isEmpty()) {
      return Optional.empty();
    }
    log.warn("No bank holidays are defined for {}: working-day deadlines in {} will count bank holidays"
        + " as working days. Update the holiday library or set opencsc.calendar.extra-holidays.",
        nextYear, nextYear);
    return Optional.of(nextYear);
  }

  @EventListener(ApplicationReadyEvent.class)
  public void checkHolidaysOnStartUp() {
    warnIfNextYearHasNoHolidays();
  }
}
