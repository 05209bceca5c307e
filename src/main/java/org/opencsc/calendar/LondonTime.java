package org.opencsc.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Statutory deadlines are days in England, so every date and time we read or show is
 * interpreted in Europe/London, whatever the server's own time zone is.
 */
public final class LondonTime {

  public static final ZoneId ZONE = ZoneId.of("Europe/London");
  private static final java.time.format.DateTimeFormatter READABLE =
      java.time.format.DateTimeFormatter.ofPattern("EEE dd/MM/yyyy HH:mm", java.util.Locale.UK);

  static final String DATE_TIME_EXPECTED =
      "must be a date-time such as 2026-11-27T09:30 or 2026-11-27T09:30:00Z";
  static final String DATE_EXPECTED = "must be a date such as 2026-11-27";

  // Seconds always present and the offset as Z or +01:00: one shape for every stored value.
  // Compare them as instants, not as text (the repeated hour in October breaks text order).
  private static final DateTimeFormatter ISO_WITH_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private LondonTime() {
  }

  /**
   * Reads an ISO-8601 date-time. With an offset it is an exact instant; without one it is
   * wall-clock time in London, because that is what a practitioner typing it means.
   */
  public static ZonedDateTime parseDateTime(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(DATE_TIME_EXPECTED + ", but was empty");
    }
    String trimmed = text.trim();
    try {
      return OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .atZoneSameInstant(ZONE);
    } catch (DateTimeParseException notWithOffset) {
      try {
        return LocalDateTime.parse(trimmed, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(ZONE);
      } catch (DateTimeParseException notLocal) {
        throw new IllegalArgumentException(DATE_TIME_EXPECTED + ", but was '" + text + "'", notLocal);
      }
    }
  }

  /** Reads a calendar date in yyyy-MM-dd form only; impossible dates such as 2026-02-30 are rejected. */
  public static LocalDate parseDate(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(DATE_EXPECTED + ", but was empty");
    }
    try {
      return LocalDate.parse(text.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(DATE_EXPECTED + ", but was '" + text + "'", e);
    }
  }

  public static String format(ZonedDateTime dateTime) {
    return dateTime.withZoneSameInstant(ZONE).format(ISO_WITH_OFFSET);
  }

  /** The start (midnight UK time) of the day, as a deadline variable holds it: what a date-only event counts from. */
  public static String startOf(LocalDate day) {
    return format(day.atStartOfDay(ZONE));
  }

  public static String format(Instant instant) {
    return instant.atZone(ZONE).format(ISO_WITH_OFFSET);
  }

  public static String format(Date date) {
    // getTime() rather than toInstant(): java.sql.Date throws on toInstant()
    return format(Instant.ofEpochMilli(date.getTime()));
  }

  /**
   * A date-time held in a process variable: ISO text (see {@link #parseDateTime}), or a
   * {@link Date}, {@link Instant}, {@link OffsetDateTime} or {@link ZonedDateTime}; in UK time.
   */
  public static ZonedDateTime dateTime(Object trigger) {
    if (trigger instanceof String text) {
      return LondonTime.parseDateTime(text);
    }
    if (trigger instanceof Date date) {
      // getTime() rather than toInstant(): java.sql.Date throws on toInstant()
      return Instant.ofEpochMilli(date.getTime()).atZone(LondonTime.ZONE);
    }
    if (trigger instanceof Instant instant) {
      return instant.atZone(LondonTime.ZONE);
    }
    if (trigger instanceof OffsetDateTime offsetDateTime) {
      return offsetDateTime.atZoneSameInstant(LondonTime.ZONE);
    }
    if (trigger instanceof ZonedDateTime zonedDateTime) {
      return zonedDateTime.withZoneSameInstant(LondonTime.ZONE);
    }
    if (trigger == null) {
      throw new IllegalArgumentException(WorkingDayCalendar.TRIGGER_MISSING);
    }
    throw new IllegalArgumentException(LondonTime.DATE_TIME_EXPECTED
        + ", but was a " + trigger.getClass().getSimpleName() + " (" + trigger + ")");
  }

  /**
   * Not later than now, with a few minutes' grace: a worker's "now" typed into a form may run
   * slightly ahead of the server's clock.
   */
  public static boolean notAfterNow(ZonedDateTime value) {
    return !value.isAfter(now().plusMinutes(5));
  }

  /** An instant as UK local time. */
  /** For people rather than machines: day first, 24-hour clock, UK time ("Thu 10/12/2026 23:59"). */
  public static String forReading(Instant instant) {
    return toLondon(instant).format(READABLE);
  }

  public static ZonedDateTime toLondon(Instant instant) {
    return instant.atZone(ZONE);
  }

  /** The engine's clock, so that tests and process simulations that move it also move us. */
  public static ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE);
  }
}
