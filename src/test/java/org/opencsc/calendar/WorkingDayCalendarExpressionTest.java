package org.opencsc.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.ExpressionFactory;
import org.junit.jupiter.api.Test;

/**
 * BPMN calls {@code plusWorkingDays} through Camunda's JUEL, which resolves overloads from the
 * variable's runtime type at run time; a String overload beside a Date one made Date calls ambiguous.
 */
class WorkingDayCalendarExpressionTest {

  private final ExpressionFactory factory = new ExpressionFactoryImpl();
  private final SimpleContext context = new SimpleContext();

  private Object evaluate(Object heldAt) {
    WorkingDayCalendar calendar = new WorkingDayCalendar(new JollydayHolidaySource(), CalendarProperties.none());
    context.setVariable("workingDayCalendar", factory.createValueExpression(calendar, WorkingDayCalendar.class));
    context.setVariable("heldAt", factory.createValueExpression(heldAt, Object.class));
    return factory.createValueExpression(context, "${workingDayCalendar.plusWorkingDays(heldAt, 7)}", Object.class)
        .getValue(context);
  }

  @Test
  void acceptsAnIsoStringVariable() {
    // Mon 21 Dec 2026 + 7 working days = Mon 4 Jan 2027 (see WorkingDayCalendarTest)
    assertThat(evaluate("2026-12-21T10:00:00Z")).isEqualTo("2027-01-04T23:59:00Z");
  }

  @Test
  void acceptsADateVariable() {
    assertThat(evaluate(Date.from(Instant.parse("2026-12-21T10:00:00Z")))).isEqualTo("2027-01-04T23:59:00Z");
  }

  @Test
  void aZonedDateTimeVariableGivesAZonedDateTime() {
    assertThat(evaluate(ZonedDateTime.parse("2026-12-21T10:00:00Z")))
        .isEqualTo(ZonedDateTime.of(2027, 1, 4, 23, 59, 0, 0, LondonTime.ZONE));
  }
}
