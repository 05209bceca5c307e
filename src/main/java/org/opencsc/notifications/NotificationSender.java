package org.opencsc.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.AsSystem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends one notification, from its job. A mail goes out once: a notification already sent or
 * skipped is left alone, so a job run again sends nothing, and the row is marked sent in the same
 * transaction as the job, so a failed send leaves it pending for the next try. All recipients
 * get one message (blind copies), so a retry cannot reach some of them twice.
 *
 * <p>The mail says which step, which case (its reference) and when it is due, with a link; it
 * never holds the child's name or anything recorded about the child: mail is not a secure channel.
 */
@Component
public class NotificationSender {

  /** Camunda user info key; "off" stops reminders and digests (never the statutory mails). */
  public static final String OPTIONAL_MAILS = "opencsc.notifications.optional";
  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter UK_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final NotificationRepository notifications;
  private final ObjectProvider<JavaMailSender> mail;
  private final NotificationProperties properties;
  private final IdentityService identity;
  private final TaskService tasks;
  private final HistoryService history;

  public NotificationSender(NotificationRepository notifications, ObjectProvider<JavaMailSender> mail,
      NotificationProperties properties, IdentityService identity, TaskService tasks, HistoryService history) {
    this.notifications = notifications;
    this.mail = mail;
    this.properties = properties;
    this.identity = identity;
    this.tasks = tasks;
    this.history = history;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void send(String notificationId) {
    Notification notification = notifications.findById(notificationId).orElse(null);
    if (notification == null || notification.getStatus() != Notification.Status.PENDING) {
      return;
    }
    AsSystem.call(identity, () -> {
      deliver(notification);
      return null;
    });
  }

  private void deliver(Notification notification) {
    String recipients = notification.getRecipients();
    if (notification.getTaskId() != null) {
      Task task = tasks.createTaskQuery().taskId(notification.getTaskId()).singleResult();
      if (task == null) {
        notification.notSent(Notification.Status.SKIPPED, "the step was done before the mail was due");
        return;
      }
      if (task.getAssignee() != null) {
        recipients = "user:" + task.getAssignee(); // whoever has claimed it by now
      }
    }
    Map<String, String> addresses = addresses(recipients, notification.getKind().statutory());
    if (addresses.isEmpty()) {
      notification.notSent(Notification.Status.SKIPPED, "nobody to send to (no address, or mails turned off)");
      return;
    }
    String reference = notification.getProcessInstanceId() == null ? ""
        : caseReferences(List.of(notification.getProcessInstanceId())).get(notification.getProcessInstanceId());
    notification.caseReference(reference);
    Mail content = switch (notification.getKind()) {
      case STEP_DUE -> new Mail("Statutory step due " + uk(notification.getDueAt()) + ": " + notification.getTaskName()
          + reference(reference), "A statutory step is waiting for you.\n\n" + step(notification, reference)
          + "\nOpen it in Tasklist: " + taskLink(notification.getTaskId()) + "\n");
      case REMINDER -> new Mail("Reminder: " + notification.getTaskName() + " is due " + uk(notification.getDueAt())
          + reference(reference), "This statutory step is not done yet and its deadline is near.\n\n"
          + step(notification, reference) + "\nOpen it in Tasklist: " + taskLink(notification.getTaskId()) + "\n");
      case BREACH -> new Mail("Deadline missed: " + notification.getTaskName() + reference(reference),
          "A statutory deadline was missed and a breach has been recorded.\n\nBreach: " + notification.getTaskName()
          + "\nCase reference: " + reference + "\nDeadline: " + uk(notification.getDueAt()) + " (UK time)\n"
          + "\nThe case's steps are in Tasklist (" + properties.baseUrl() + "/camunda/app/tasklist/) and the breach in"
          + " the compliance dashboard: " + properties.baseUrl() + "/dashboard/\n");
      case DIGEST -> digest();
    };
    send(notification, addresses, content);
  }

  private void send(Notification notification, Map<String, String> addresses, Mail content) {
    try {
      JavaMailSender sender = mail.getIfAvailable();
      if (sender == null) {
        throw new IllegalStateException("No mail server is configured on this node (spring.mail.host)");
      }
      MimeMessage message = sender.createMimeMessage();
      message.setFrom(new InternetAddress(properties.from()));
      for (String address : addresses.values()) {
        message.addRecipient(Message.RecipientType.BCC, new InternetAddress(address));
      }
      message.setSubject(content.subject(), "UTF-8");
      message.setText(content.body() + "\nThis mail holds no details of the child. Sign in to see the case.\n"
          + "(Reminders and digests can be turned off in your notification preferences; statutory mails cannot.)\n",
          "UTF-8");
      message.setHeader("X-OpenCSC-Notification", notification.getId());
      sender.send(message);
    } catch (MessagingException e) {
      throw new MailPreparationException("Could not write mail " + notification.getId(), e);
    }
    notification.sent(ClockUtil.getCurrentTime().toInstant(), String.join(",", addresses.keySet()));
  }

  /** user id → address of everyone the recipients name who has an address (and wants optional mail). */
  private Map<String, String> addresses(String recipients, boolean statutory) {
    Map<String, String> addresses = new LinkedHashMap<>();
    for (String recipient : recipients == null ? new String[0] : recipients.split(",")) {
      List<User> users = new ArrayList<>();
      if (recipient.startsWith("user:")) {
        users.addAll(identity.createUserQuery().userId(recipient.substring(5)).list());
      } else if (recipient.startsWith("group:")) {
        users.addAll(identity.createUserQuery().memberOfGroup(recipient.substring(6)).list());
      }
      for (User user : users) {
        boolean wanted = statutory || !"off".equals(identity.getUserInfo(user.getId(), OPTIONAL_MAILS));
        if (wanted && user.getEmail() != null && !user.getEmail().isBlank()) {
          addresses.put(user.getId(), user.getEmail());
        }
      }
    }
    return addresses;
  }

  private Mail digest() {
    ZonedDateTime now = LondonTime.toLondon(ClockUtil.getCurrentTime().toInstant());
    LocalDate today = now.toLocalDate();
    java.util.Date endOfToday = java.util.Date.from(today.plusDays(1).atStartOfDay(LondonTime.ZONE).toInstant());
    List<Task> due = tasks.createTaskQuery().dueBefore(endOfToday).orderByDueDate().asc().listPage(0, 500);
    StringBuilder body = new StringBuilder();
    long overdue = due.stream().filter(task -> task.getDueDate().toInstant().isBefore(now.toInstant())).count();
    Map<String, String> references = caseReferences(due.stream().map(Task::getProcessInstanceId)
        .filter(Objects::nonNull).toList());
    body.append("Statutory steps overdue or due today (").append(UK_DAY.format(today)).append("):\n\n");
    for (Task task : due) {
      boolean late = task.getDueDate().toInstant().isBefore(now.toInstant());
      body.append("- ").append(late ? "OVERDUE " : "due today ").append(uk(task.getDueDate().toInstant()))
          .append(": ").append(task.getName()).append(", case ")
          .append(references.getOrDefault(String.valueOf(task.getProcessInstanceId()), "(no case)"))
          .append(task.getAssignee() == null ? ", not claimed" : ", with " + task.getAssignee())
          .append("\n  ").append(taskLink(task.getId())).append("\n");
    }
    if (due.isEmpty()) {
      body.append("None. Nothing is overdue or due today.\n");
    }
    return new Mail("Your team's statutory steps: " + overdue + " overdue, " + (due.size() - overdue) + " due today",
        body.toString());
  }

  private String step(Notification notification, String reference) {
    return "Step: " + notification.getTaskName() + "\nCase reference: " + reference + "\nDue: "
        + uk(notification.getDueAt()) + " (UK time)\n";
  }

  /** Case id → its reference (business key, else the id), in one query however many cases. */
  private Map<String, String> caseReferences(Collection<String> processInstanceIds) {
    Map<String, String> references = new HashMap<>();
    processInstanceIds.forEach(id -> references.put(id, id));
    if (!references.isEmpty()) {
      history.createHistoricProcessInstanceQuery().processInstanceIds(references.keySet()).list().stream()
          .filter(instance -> instance.getBusinessKey() != null)
          .forEach(instance -> references.put(instance.getId(), instance.getBusinessKey()));
    }
    return references;
  }

  private static String reference(String reference) {
    return reference.isEmpty() ? "" : " (case " + reference + ")";
  }

  private String taskLink(String taskId) {
    return properties.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  private static String uk(Instant instant) {
    return instant == null ? "" : UK.format(LondonTime.toLondon(instant));
  }

  private record Mail(String subject, String body) {
  }
}
