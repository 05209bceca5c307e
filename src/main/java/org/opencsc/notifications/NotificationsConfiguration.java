package org.opencsc.notifications;

import java.time.LocalDate;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.calendar.LondonTime;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The managers' morning digest: at {@code opencsc.notifications.digest-cron} (default 07:30 UK
 * time, Monday to Friday; "-" turns it off). Every node of a cluster asks; the first one queues it.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationsConfiguration {

  private final Notifications notifications;

  public NotificationsConfiguration(Notifications notifications) {
    this.notifications = notifications;
  }

  @Scheduled(cron = "${opencsc.notifications.digest-cron:0 30 7 * * MON-FRI}", zone = "Europe/London")
  void morningDigest() {
    LocalDate today = LondonTime.toLondon(ClockUtil.getCurrentTime().toInstant()).toLocalDate();
    notifications.dailyDigest(today);
  }
}
