package org.opencsc.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.opencsc.WorkflowFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * Mail before and at deadlines (issue 13), through a real SMTP server (GreenMail) and the
 * engine's jobs, with the clock moved: who gets what and when, what a mail may say, and that a
 * failing mail server neither holds up a step nor makes anyone get a mail twice.
 */
class NotificationsTest extends ApplicationTest {

  private static final String CHILD_NAME = "Jo Confidential-Name";
  private static final String SARAH = "sarah@demo.opencsc.invalid";
  private static final String SAM = "sam@demo.opencsc.invalid";
  private static final String TOM = "tom@demo.opencsc.invalid";
  private static final String TINA = "tina@demo.opencsc.invalid";

  @Autowired
  private GreenMail mail;
  @Autowired
  private NotificationRepository notifications;
  @Autowired
  private Notifications notifier;
  @Autowired
  private NotificationSender sender;
  @Autowired
  private TransactionTemplate transactions;

  private String childId;

  @BeforeEach
  void cleanMailbox() throws Exception {
    mail.purgeEmailFromAllMailboxes();
    clockAt(Instant.parse("2026-12-07T10:00:00Z"));
    childId = registerChild(CHILD_NAME);
  }

  @AfterEach
  void mailServerRunning() {
    if (!mail.isRunning()) {
      mail.start();
    }
    for (String user : List.of("sarah", "sam")) {
      engine.getIdentityService().setUserInfo(user, NotificationSender.OPTIONAL_MAILS, "on");
    }
  }

  @Test
  void aDeadlineStepMailsItsTeamWithTheCaseReferenceAndALinkButNothingAboutTheChild() throws Exception {
    ProcessInstance episode = returned("EP-MAIL-1");
    String offerId = task(episode, "offerReturnInterview").getId();
    List<Notification> queued = notifications.findByTaskIdOrderByCreatedAtAscSendAtAsc(offerId);
    assertThat(queued).extracting(Notification::getKind).containsExactly(NotificationKind.STEP_DUE, NotificationKind.REMINDER);

    assertThat(sendDueMails(queued)).isEqualTo(1);
    assertThat(mailboxes(SARAH, SAM, TOM)).containsExactly(1, 1, 0);
    MimeMessage message = inbox(SARAH).get(0);
    String body = GreenMailUtil.getBody(message);
    assertThat(message.getSubject()).isEqualTo("Statutory step due 10/12/2026 08:30: "
        + task(episode, "offerReturnInterview").getName() + " (case EP-MAIL-1)");
    assertThat(body).contains("Case reference: EP-MAIL-1").contains("Due: 10/12/2026 08:30 (UK time)")
        .contains("http://localhost:8080/camunda/app/tasklist/default/#/?task=" + offerId)
        .doesNotContain(CHILD_NAME).doesNotContain("Confidential").doesNotContain(childId)
        .doesNotContain("county lines");
    assertThat(message.getRecipients(Message.RecipientType.TO)).as("addresses are blind copies").isNull();

    Reply child = api.get("/api/children/" + childId, "sarah");
    assertThat(child.json().get("notifications")).hasSize(2);
    assertThat(child.json().get("notifications").get(0).get("kind").asText()).isEqualTo("STEP_DUE");
    assertThat(child.json().get("notifications").get(0).get("status").asText()).isEqualTo("SENT");
    assertThat(child.json().get("notifications").get(0).get("sentTo").asText()).contains("sarah").contains("sam");
    assertThat(child.json().get("notifications").get(1).get("status").asText()).isEqualTo("PENDING");
    assertThat(child.json().get("notifications").get(1).get("sendAt").asText()).isEqualTo("2026-12-09T08:30:00Z");
  }

  @Test
  void theReminderGoesADayBeforeTheDeadlineToWhoeverClaimedItAndNotToThoseWhoTurnedItOff() throws Exception {
    ProcessInstance claimedBySam = returned("EP-MAIL-2");
    ProcessInstance claimedBySarah = returned("EP-MAIL-3");
    ProcessInstance doneEarly = returned("EP-MAIL-4");
    claim(claimedBySam, "sam");
    claim(claimedBySarah, "sarah");
    assertThat(api.put("/api/notifications/preferences", "sarah", Map.of("remindersAndDigest", false)).json()
        .get("remindersAndDigest").asBoolean()).isFalse();
    complete(doneEarly, "offerReturnInterview", "sarah", variables("rhiOffered", true,
        "rhiOfferedAt", "2026-12-07T09:30:00Z", "rhiAccepted", true));
    List<Notification> reminders = new ArrayList<>();
    for (ProcessInstance episode : List.of(claimedBySam, claimedBySarah, doneEarly)) {
      reminders.add(reminder(episode));
    }
    sendDueMails(notifications.findAll()); // the steps' own "due" mails
    mail.purgeEmailFromAllMailboxes();

    clockAt(Instant.parse("2026-12-09T08:29:00Z"));
    assertThat(sendDueMails(reminders)).as("not before 24 hours before the deadline").isZero();
    clockAt(Instant.parse("2026-12-09T08:31:00Z"));
    assertThat(sendDueMails(reminders)).isEqualTo(3);
    assertThat(mailboxes(SAM, SARAH)).containsExactly(1, 0);
    assertThat(inbox(SAM).get(0).getSubject()).startsWith("Reminder: ").endsWith("(case EP-MAIL-2)");
    assertThat(notifications.findById(reminders.get(1).getId()).orElseThrow().getStatus())
        .as("sarah turned reminders off").isEqualTo(Notification.Status.SKIPPED);
    assertThat(notifications.findById(reminders.get(2).getId()).orElseThrow().getSentTo())
        .isEqualTo("the step was done before the mail was due");
  }

  @Test
  void aPreferenceThatIsNotTrueOrFalseIsRefusedAndChangesNothing() {
    assertThat(api.put("/api/notifications/preferences", "sam", Map.of("remindersAndDigest", false)).status())
        .isEqualTo(200);
    for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("remindersAndDigest", "yes"), Map.of(),
        Map.of("remindersAndDigest", true, "statutory", false), Map.of("reminders", true))) {
      Reply refused = api.put("/api/notifications/preferences", "sam", bad);
      assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
      assertThat(refused.message()).contains("remindersAndDigest");
      assertThat(api.get("/api/notifications/preferences", "sam").json().get("remindersAndDigest").asBoolean())
          .as("unchanged after " + bad).isFalse();
    }
    assertThat(api.put("/api/notifications/preferences", "sam", Map.of("remindersAndDigest", true)).json()
        .get("remindersAndDigest").asBoolean()).isTrue();
  }

  @Test
  void aWorkingDayDeadlineIsRemindedAtNineOnTheWorkingDayBefore() {
    // Due Tuesday 29 December 2026 23:59: Monday 28 is a bank holiday (Boxing Day substitute),
    // so the reminder goes on Thursday 24 December at 09:00.
    assertThat(notifier.reminderAt("icpcDueAt", Instant.parse("2026-12-29T23:59:00Z")))
        .isEqualTo(Instant.parse("2026-12-24T09:00:00Z"));
    assertThat(notifier.reminderAt("rhiDueAt", Instant.parse("2026-12-10T08:30:00Z")))
        .isEqualTo(Instant.parse("2026-12-09T08:30:00Z"));
  }

  @Test
  void aMissedDeadlineMailsTheTeamManagersOnceEvenIfItsJobRunsAgain() throws Exception {
    ProcessInstance work = startProcess(WorkflowFixture.PROCESS_KEY, "sarah",
        variables("childId", childId, "workDueAt", "2026-12-08T17:00:00Z"));
    clockAt(Instant.parse("2026-12-08T17:00:01Z"));
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(work.getId()).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    engine.getRuntimeService().createProcessInstanceModification(work.getId())
        .startBeforeActivity("serviceTask_recordBreach").execute(); // the breach step again

    List<Notification> breaches = notifications.findAll().stream()
        .filter(n -> n.getKind() == NotificationKind.BREACH && work.getId().equals(n.getProcessInstanceId())).toList();
    assertThat(breaches).hasSize(1);
    assertThat(mailJob(breaches.get(0)).getProcessDefinitionId()).as("its incident would show with the case's process")
        .isEqualTo(work.getProcessDefinitionId());
    assertThat(sendDueMails(breaches)).isEqualTo(1);
    assertThat(mailboxes(TOM, TINA, SARAH)).containsExactly(1, 1, 0);
    MimeMessage message = inbox(TOM).get(0);
    assertThat(message.getSubject()).isEqualTo("Deadline missed: RHI_NOT_WITHIN_72H (case " + work.getId() + ")");
    assertThat(GreenMailUtil.getBody(message)).contains("Deadline: 08/12/2026 17:00").doesNotContain(CHILD_NAME);
  }

  @Test
  void aFailingMailServerNeitherHoldsUpTheStepNorSendsTwice() throws Exception {
    mail.stop();
    ProcessInstance episode = returned("EP-MAIL-5"); // completing the return opens the interview step
    assertThat(task(episode, "offerReturnInterview")).as("the step went ahead without mail").isNotNull();
    Notification due = notifications.findByTaskIdOrderByCreatedAtAscSendAtAsc(task(episode, "offerReturnInterview").getId()).get(0);

    Job job = mailJob(due);
    ManagementService management = engine.getManagementService();
    Instant now = Instant.parse("2026-12-07T10:00:00Z");
    for (int attempt = 1; attempt <= 5; attempt++) {
      clockAt(now);
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Mail");
      Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
      assertThat(failed.getRetries()).as("tries left after attempt %d", attempt).isEqualTo(5 - attempt);
      if (attempt < 5) {
        assertThat(failed.getDuedate()).as("next try in 5 minutes").isEqualTo(java.util.Date.from(now.plusSeconds(300)));
        now = now.plusSeconds(300);
      }
    }
    assertThat(notifications.findById(due.getId()).orElseThrow().getStatus()).isEqualTo(Notification.Status.PENDING);
    Incident incident = engine.getRuntimeService().createIncidentQuery()
        .configuration(job.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getProcessDefinitionId()).as("shown with the case's process in Cockpit")
        .isEqualTo(episode.getProcessDefinitionId());
    assertThat(mailboxes(SARAH, SAM)).containsExactly(0, 0);

    // The mail server is back; an operator retries the job from Cockpit.
    mail.start();
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    assertThat(mailboxes(SARAH, SAM)).containsExactly(1, 1);
    assertThat(engine.getRuntimeService().createIncidentQuery().configuration(job.getId()).count()).isZero();
    // the same notification sent again (a job run twice) sends nothing more
    transactions.executeWithoutResult(status -> sender.send(due.getId()));
    assertThat(mailboxes(SARAH, SAM)).containsExactly(1, 1);
    assertThat(notifications.findById(due.getId()).orElseThrow().getStatus()).isEqualTo(Notification.Status.SENT);
  }

  @Test
  void eachTeamManagerGetsOneDigestADayWithReferencesOnly() throws Exception {
    ProcessInstance overdue = startProcess(WorkflowFixture.PROCESS_KEY, "sarah",
        variables("childId", childId, "workDueAt", "2026-12-06T17:00:00Z"));
    LocalDate day = LocalDate.of(2026, 12, 7);
    int queued = notifier.dailyDigest(day);
    assertThat(queued).as("one per team manager").isGreaterThanOrEqualTo(2);
    assertThat(notifier.dailyDigest(day)).as("asked again the same day").isZero();

    List<Notification> digests = notifications.findAll().stream()
        .filter(n -> n.getKind() == NotificationKind.DIGEST).toList();
    assertThat(digests).hasSize(queued);
    sendDueMails(digests);
    assertThat(mailboxes(TOM, TINA, SARAH)).containsExactly(1, 1, 0);
    String body = GreenMailUtil.getBody(inbox(TOM).get(0));
    assertThat(inbox(TOM).get(0).getSubject()).startsWith("Your team's statutory steps: ");
    assertThat(body).contains("OVERDUE 06/12/2026 17:00").contains(overdue.getId()).doesNotContain(CHILD_NAME);
  }

  // --- helpers ---

  /**
   * A child went missing, came back at 08:30: the 72-hour interview step is open, due 10/12 08:30.
   * A child of their own each time (one child's episodes cannot overlap); the last is childId.
   */
  private ProcessInstance returned(String reference) {
    childId = registerChild(CHILD_NAME);
    Map<String, Object> start = new HashMap<>(variables("childId", childId, "episodeType", "MISSING",
        "missingFrom", "2026-12-06T20:00:00Z"));
    start.put("businessKey", reference);
    ProcessInstance episode = startProcess("missingEpisode", "sarah", start);
    complete(episode, "recordReturn", "sam", variables("returnedAt", "2026-12-07T08:30:00Z"));
    return episode;
  }

  private void claim(ProcessInstance episode, String user) {
    assertThat(api.post("/engine-rest/task/" + task(episode, "offerReturnInterview").getId() + "/claim", user,
        Map.of("userId", user)).status()).isEqualTo(204);
  }

  private Notification reminder(ProcessInstance episode) {
    return notifications.findAll().stream().filter(n -> n.getKind() == NotificationKind.REMINDER
        && episode.getId().equals(n.getProcessInstanceId())).findFirst().orElseThrow();
  }

  /** Runs the mail jobs of these notifications that are due now, as the job executor would; returns how many ran. */
  private int sendDueMails(List<Notification> these) {
    ManagementService management = engine.getManagementService();
    int ran = 0;
    for (Notification notification : these) {
      Job job = mailJobOrNull(notification);
      if (job != null && (job.getDuedate() == null || !job.getDuedate().toInstant().isAfter(now()))) {
        management.executeJob(job.getId());
        ran++;
      }
    }
    return ran;
  }

  private Job mailJob(Notification notification) {
    Job job = mailJobOrNull(notification);
    assertThat(job).as("the mail job of " + notification.getKind()).isNotNull();
    return job;
  }

  private Job mailJobOrNull(Notification notification) {
    return engine.getManagementService().createJobQuery().messages().list().stream()
        .filter(job -> notification.getId().equals(((JobEntity) job).getJobHandlerConfigurationRaw()))
        .findFirst().orElse(null);
  }

  private static Instant now() {
    return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
  }

  /** Counts per mailbox: what each address received (blind copies carry no recipient header). */
  private List<Integer> mailboxes(String... addresses) {
    List<Integer> counts = new ArrayList<>();
    for (String address : addresses) {
      counts.add(inbox(address).size());
    }
    return counts;
  }

  private List<MimeMessage> inbox(String address) {
    return mail.findReceivedMessages(user -> address.equalsIgnoreCase(user.getEmail()), message -> true).toList();
  }
}
