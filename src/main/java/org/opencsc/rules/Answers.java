package org.opencsc.rules;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.opencsc.calendar.LondonTime;

/**
 * What a start, message or task completion has recorded so far, read through the variables
 * the engine hands a listener (or a request body to our own API). Readers are lenient (a wrong type reads as "no"), so a
 * condition never throws while the rules are still finding out what is wrong.
 */
public final class Answers {

  private final Function<String, Object> values;

  private Answers(Function<String, Object> values) {
    this.values = values;
  }

  /** Answers read one by one, e.g. from the variables the engine hands a listener. */
  public static Answers from(Function<String, Object> values) {
    return new Answers(values);
  }

  /** Answers submitted to our own API as a JSON object. */
  public static Answers of(Map<String, ?> values) {
    return new Answers(values::get);
  }

  public Object get(String name) {
    return values.apply(name);
  }

  public boolean isTrue(String name) {
    return Boolean.TRUE.equals(get(name));
  }

  public boolean isFalse(String name) {
    return Boolean.FALSE.equals(get(name));
  }

  public boolean is(String name, Object value) {
    return value.equals(get(name));
  }

  public String text(String name) {
    Object value = get(name);
    return value instanceof String text ? text : null;
  }

  /**
   * A date-time answer in UK time, or null if absent or unreadable. A date answer reads as the
   * start of that day, so a conference held on its due date meets a deadline ending that day.
   */
  public ZonedDateTime dateTime(String name) {
    Object value = get(name);
    try {
      return value == null ? null : LondonTime.dateTime(value);
    } catch (IllegalArgumentException notDateTime) {
      LocalDate date = date(name);
      return date == null ? null : date.atStartOfDay(LondonTime.ZONE);
    }
  }

  /** A date answer, or null if absent or unreadable. */
  public LocalDate date(String name) {
    Object value = get(name);
    if (value instanceof Date date) {
      return LondonTime.dateTime(date).toLocalDate();
    }
    if (value instanceof String text) {
      try {
        return LondonTime.parseDate(text);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  /** A list answer's records (see {@link FieldType#records}); empty if absent or unreadable. */
  public List<Map<String, Object>> records(String name) {
    Object value = get(name);
    try {
      return value == null ? List.of() : FieldType.recordsIn(value);
    } catch (IllegalArgumentException unreadable) {
      return List.of();
    }
  }

  public Long integer(String name) {
    Object value = get(name);
    return value instanceof Number number ? number.longValue() : null;
  }
}
