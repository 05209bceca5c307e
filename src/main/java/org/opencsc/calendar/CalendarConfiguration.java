package org.opencsc.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the calendar's settings so the application class needs nothing calendar-specific. */
@Configuration
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarConfiguration {
}
