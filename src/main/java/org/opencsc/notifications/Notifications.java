package org.opencsc.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.calendar.LondonTime;
import org.opencsc.calendar.WorkingDayCalendar;
import org.opencsc.engine.Breach;
import org.opencsc.engine.BreachRecorded;
import org.opencsc.engine.DeadlineStepOpened;
import org.opencsc.rules.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides which mails a step, a breach or a morning causes, and records each one
 * ({@link Notification}) in the same transaction, with a job that sends it. Sending happens
 * later, in that job ({@link NotificationSender}): a mail never holds up or undoes a step.
 */
@Component
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final NotificationRepository notifications;
  private final NotificationProperties properties;
  private final WorkingDayCalendar calendar;
  private final ObjectProvider<JavaMailSender> mail;
  private final ObjectProvider<ProcessEngine> engine;
  private final JdbcTemplate jdbc;
  private final NotificationsPlugin plugin;

  public Notifications(NotificationRepository notifications, NotificationProperties properties,
      WorkingDayCalendar calendar, ObjectProvider<JavaMailSender> mail, ObjectProvider<ProcessEngine> engine,
      JdbcTemplate jdbc, NotificationsPlugin plugin) {
    this.notifications = notifications;
    this.properties = properties;
    this.calendar = calendar;
    this.mail = mail;
    this.engine = engine;
    this.jdbc = jdbc;
    this.plugin = plugin;
  }

  /** A step with a deadline opened: tell whoever it is for now, and remind them before the deadline. */
  @EventListener
  public void stepOpened(DeadlineStepOpened step) {
    String recipients = step.assignee() != null ? "user:" + step.assignee()
        : String.join(",", step.candidateGroups().stream().map(group -> "group:" + group).toList());
    Instant now = ClockUtil.getCurrentTime().toInstant();
    recordStep(NotificationKind.STEP_DUE, recipients, now, now, step);
    Instant remindAt = reminderAt(step.deadlineVariable(), step.due());
    if (remindAt.isAfter(now)) {
      recordStep(NotificationKind.REMINDER, recipients, now, remindAt, step);
    }
  }

  private void recordStep(NotificationKind kind, String recipients, Instant now, Instant sendAt,
      DeadlineStepOpened step) {
    record(new Notification(kind, recipients, now, sendAt).aboutStep(step.processKey(), step.processInstanceId(),
        step.childId(), step.taskId(), step.taskName(), step.due()), step.processDefinitionId());
  }

  /** A deadline was missed: the team managers are told. */
  @EventListener
  public void breachRecorded(BreachRecorded recorded) {
    Breach breach = recorded.breach();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    record(new Notification(NotificationKind.BREACH, "group:" + Groups.TEAM_MANAGERS, now, now).aboutStep(
        breach.getProcessKey(), breach.getProcessInstanceId(), breach.getChildId(), null,
        breach.getCode().name(), breach.getDueAt()), definitionOf(breach.getProcessInstanceId()));
  }

  /**
   * The morning digest for each team manager, once a day however many nodes ask (the day is
   * claimed in {@code notification_digest}); returns how many digests were queued.
   */
  @Transactional
  public int dailyDigest(LocalDate day) {
    try {
      jdbc.update("insert into notification_digest (digest_day, created_at) values (?, ?)", day,
          java.sql.Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
    } catch (DataIntegrityViolationException alreadyDone) {
      log.info("The digest for {} was already queued", day);
      return 0;
    }
    IdentityService identity = engine.getObject().getIdentityService();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<String> managers = identity.createUserQuery().memberOfGroup(Groups.TEAM_MANAGERS).list().stream()
        .map(org.camunda.bpm.engine.identity.User::getId).toList();
    for (String manager : managers) {
      record(new Notification(NotificationKind.DIGEST, "user:" + manager, now, now)
          .aboutStep(null, null, null, null, "Digest for " + day, null), null);
    }
    return managers.size();
  }

  /** The child's mails, oldest first, for the timeline. */
  public List<Notification> forChild(String childId) {
    return notifications.findByChildIdOrderByCreatedAtAscSendAtAsc(childId);
  }

  /**
   * An hours deadline ({@code hourDeadlines}, e.g. the 72-hour interview): {@code reminderHours}
   * before it. Any other: {@code reminderTime} UK time on the working day before the due day.
   */
  Instant reminderAt(String deadlineVariable, Instant due) {
    if (properties.hourDeadlines().contains(deadlineVariable)) {
      return due.minus(Duration.ofHours(properties.reminderHours()));
    }
    LocalDate day = calendar.workingDayBefore(LondonTime.toLondon(due).toLocalDate());
    return ZonedDateTime.of(day, properties.reminderTime(), LondonTime.ZONE).toInstant();
  }

  /** The case's process definition, from the engine command that recorded the breach (cached there). */
  private static String definitionOf(String processInstanceId) {
    CommandContext context = Context.getCommandContext();
    ExecutionEntity instance = context == null ? null
        : context.getExecutionManager().findExecutionById(processInstanceId);
    return instance == null ? null : instance.getProcessDefinitionId();
  }

  /**
   * Saves the notification and queues its mail job. The job names the case's process definition
   * (not the case itself, whose end must not delete it), so a mail that keeps failing shows as an
   * incident of that process in Cockpit.
   */
  private void record(Notification notification, String processDefinitionId) {
    if (mail.getIfAvailable() == null) {
      notification.notSent(Notification.Status.NOT_CONFIGURED, "no mail server configured (spring.mail.host)");
      notifications.insert(notification);
      return;
    }
    notifications.insert(notification);
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(MailJobHandler.TYPE);
    job.setJobHandlerConfiguration(new MailJobHandler.Configuration(notification.getId()));
    job.setRetries(plugin.mailJobRetries());
    if (processDefinitionId != null) {
      job.setProcessDefinitionId(processDefinitionId);
      job.setProcessDefinitionKey(notification.getProcessKey());
    }
    if (notification.getSendAt().isAfter(ClockUtil.getCurrentTime().toInstant())) {
      job.setDuedate(Date.from(notification.getSendAt()));
    }
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      context.getJobManager().send(job);
    } else {
      ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration()).getCommandExecutorTxRequired()
          .execute(commandContext -> {
            commandContext.getJobManager().send(job);
            return null;
          });
    }
  }
}
