package org.opencsc.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CalendarPropertiesTest {

  private static CalendarProperties bind(Map<String, String> properties) {
    Binder binder = new Binder(new MapConfigurationPropertySource(properties));
    return binder.bindOrCreate("opencsc.calendar", Bindable.of(CalendarProperties.class));
  }

  @Test
  void extraHolidaysBindFromACommaSeparatedIsoList() {
    CalendarProperties properties = bind(Map.of("opencsc.calendar.extra-holidays", "2030-06-03,2030-06-04"));
    assertThat(properties.extraHolidays()).containsExactly(LocalDate.of(2030, 6, 3), LocalDate.of(2030, 6, 4));
  }

  @Test
  void extraHolidaysBindFromAnIndexedList() {
    CalendarProperties properties = bind(Map.of("opencsc.calendar.extra-holidays[0]", "2030-06-03"));
    assertThat(properties.extraHolidays()).containsExactly(LocalDate.of(2030, 6, 3));
  }

  @Test
  void noExtraHolidaysByDefault() {
    assertThat(bind(Map.of()).extraHolidays()).isEmpty();
  }
}
