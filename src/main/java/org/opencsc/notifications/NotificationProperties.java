package org.opencsc.notifications;

import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code opencsc.notifications}: where links in mails point, who mails come from and when reminders
 * go (the digest's schedule: {@link NotificationsConfiguration}). The SMTP server itself is
 * Spring's {@code spring.mail.*}.
 *
 * @param baseUrl        the address users open the application at (links to tasks)
 * @param from           the sender of every mail
 * @param hourDeadlines  deadline variables counted in hours (a reminder {@code reminderHours}
 *                       before); every other deadline gets its reminder at {@code reminderTime}
 *                       on the working day before it
 * @param reminderHours  hours before an hours deadline
 * @param reminderTime   UK time of day for working-day reminders
 */
@ConfigurationProperties("opencsc.notifications")
public record NotificationProperties(String baseUrl, String from, List<String> hourDeadlines, int reminderHours,
    LocalTime reminderTime) {

  public NotificationProperties {
    baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    from = from == null || from.isBlank() ? "OpenCSC <no-reply@opencsc.invalid>" : from;
    hourDeadlines = hourDeadlines == null ? List.of("rhiDueAt") : List.copyOf(hourDeadlines);
    reminderHours = reminderHours <= 0 ? 24 : reminderHours;
    reminderTime = reminderTime == null ? LocalTime.of(9, 0) : reminderTime;
  }
}
