package org.opencsc.engine;

import java.time.Duration;
import java.time.Period;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.opencsc.calendar.LondonTime;
import org.opencsc.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The one way every process computes a statutory deadline. A deadline is computed once from the
 * event's own time (when the child returned, when the discussion was held), stored as an ISO
 * date-time variable in UK time, and then used by the diagram as the task's due date
 * ({@code camunda:dueDate="${rhiDueAt}"}) and the timer's date ({@code timeDate="${rhiDueAt}"}).
 *
 * <p>From BPMN: {@code ${deadlines.hoursAfter(returnedAt, 72)}},
 * {@code ${deadlines.workingDaysAfter(heldAt, 15)}}; from Java: {@link #store}.
 */
@Component("deadlines")
public class Deadlines {

  private final WorkingDayCalendar calendar;

  public Deadlines(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** Clock hours: weekends and bank holidays count (the 72-hour return interview). */
  public String hoursAfter(Object trigger, int hours) {
    return LondonTime.format(LondonTime.dateTime(trigger).plus(Duration.ofHours(hours)));
  }

  /** The end (23:59 UK time) of the Nth working day after the trigger day. */
  public String workingDaysAfter(Object trigger, int workingDays) {
    return calendar.plusWorkingDays(trigger, workingDays);
  }

  /** Working days counting the trigger's own (working) day as day 1: a period from a notice sent. */
  public String workingDaysCountingTheDay(Object trigger, int workingDays) {
    return LondonTime.format(calendar.workingDaysCountingTheDay(LondonTime.dateTime(trigger), workingDays));
  }

  /** Calendar days on the UK clock (a 42-day assessment). */
  public String daysAfter(Object trigger, int days) {
    return LondonTime.format(LondonTime.dateTime(trigger).plus(Period.ofDays(days)));
  }

  /** Calendar weeks on the UK clock (private fostering visits every 6 or 12 weeks). */
  public String weeksAfter(Object trigger, int weeks) {
    return daysAfter(trigger, weeks * 7);
  }

  /**
   * The end (23:59 UK time) of the day this many weeks after the trigger's day, as a working-day
   * deadline ends: a visit due "within 6 weeks" may be made at any time on its due day.
   */
  public String endOfDayWeeksAfter(Object trigger, int weeks) {
    return LondonTime.format(WorkingDayCalendar.endOf(LondonTime.dateTime(trigger).toLocalDate().plusWeeks(weeks)));
  }

  /**
   * The end (23:59 UK time) of the day this many calendar months after the trigger's day (a review
   * conference "within 3 months"); from 31 August, one month is the end of 30 September.
   */
  public String endOfDayMonthsAfter(Object trigger, int months) {
    return LondonTime.format(WorkingDayCalendar.endOf(LondonTime.dateTime(trigger).toLocalDate().plusMonths(months)));
  }

  /** Stores a deadline for the diagram's due dates and timers to read. */
  public String store(VariableScope scope, String variable, String deadline) {
    scope.setVariable(variable, deadline);
    return deadline;
  }
}
