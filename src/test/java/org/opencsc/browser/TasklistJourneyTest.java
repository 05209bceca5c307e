package org.opencsc.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;
import static org.opencsc.WorkflowFixture.DUAL_ROLE_USER;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.opencsc.WorkflowFixture;
import org.opencsc.calendar.LondonTime;

/**
 * Journeys through the real Tasklist in a real browser, as social workers, managers and decision
 * makers use it: the forms, the role filters, the server's rules, and nothing left behind.
 */
class TasklistJourneyTest extends TasklistBrowserTest {

  @Test
  void aSocialWorkerRecordsTheReturnAndOffersTheInterviewAndADeclineNeedsItsReason() throws Exception {
    ProcessInstance episode = missingEpisode("EP-TL-1");
    tasklist.login("sarah");
    assertThat(tasklist.filters()).contains("My tasks", "My team's tasks", "Overdue", "Due in the next 24 hours");
    tasklist.filter("My team's tasks");
    tasklist.openTask(task(episode, "recordReturn").getId());
    assertThat(tasklist.placeholder("returnedAt")).as("UK date format").isEqualTo("dd/mm/yyyy");
    ZonedDateTime anHourAgo = ZonedDateTime.now(ZoneId.of("Europe/London")).minusHours(1);
    tasklist.dateTime("returnedAt", date(anHourAgo), time(anHourAgo));
    Browser.screenshot(browser, "tasklist-record-return");
    tasklist.complete();
    assertThat(task(episode, "offerReturnInterview")).isNotNull();

    tasklist.openTask(task(episode, "offerReturnInterview").getId());
    tasklist.tick("rhiOffered");
    tasklist.dateTime("rhiOfferedAt", date(anHourAgo), time(anHourAgo));
    assertThat(tasklist.visible("rhiDeclineReason")).as("asked why, once the offer is declined").isTrue();
    tasklist.complete();
    assertThat(tasklist.notificationContaining("required")).as("the form says the reason is missing").isNotBlank();
    assertThat(task(episode, "offerReturnInterview")).as("the task stays open").isNotNull();
    assertThat(engine.getRuntimeService().getVariable(episode.getId(), "rhiOffered")).as("nothing written").isNull();
    Browser.screenshot(browser, "tasklist-decline-needs-reason");

    tasklist.type("rhiDeclineReason", "Did not want to talk today; will ask again");
    tasklist.save();
    assertThat(tasklist.browserStorage()).contains("camunda-form:");
    tasklist.complete();
    assertThat(engine.getRuntimeService().getVariable(episode.getId(), "rhiDeclineReason"))
        .isEqualTo("Did not want to talk today; will ask again");
    assertThat(tasklist.browserStorage()).as("the answers saved in the browser are forgotten once sent")
        .doesNotContain("camunda-form:").doesNotContain("Did not want to talk");
  }

  @Test
  void aManagerSignsOffFromTheTeamsTasksButNotTheirOwnWork() throws Exception {
    ProcessInstance other = missingEpisode("EP-TL-4");
    complete(other, "assessMissingRisk", "sarah", lowRiskAssessment());
    ProcessInstance own = missingEpisode("EP-TL-5");
    complete(own, "assessMissingRisk", DUAL_ROLE_USER, lowRiskAssessment());

    tasklist.login(DUAL_ROLE_USER);
    tasklist.filter("My team's tasks");
    tasklist.openTask(task(other, "approveMissingRisk").getId());
    tasklist.tick("riskApproved");
    tasklist.type("managerRationale", "Proportionate; review if missing again");
    tasklist.complete();
    assertThat(task(other, "approveMissingRisk")).as("signed off").isNull();
    assertThat(engine.getRuntimeService().getVariable(other.getId(), "approveMissingRiskCompletedBy"))
        .isEqualTo(DUAL_ROLE_USER);

    tasklist.openTask(task(own, "approveMissingRisk").getId());
    tasklist.tick("riskApproved");
    tasklist.type("managerRationale", "Fine");
    assertRefused(own, "approveMissingRisk", "four eyes", "someone else must", "tasklist-four-eyes-refused");
  }

  @Test
  void aStrategyDiscussionWithoutPoliceGoesToTheManagersEngagementTask() throws Exception {
    String child = registerChild("Strategy Tasklist");
    ZonedDateTime heldAt = ZonedDateTime.now(ZoneId.of("Europe/London"))
        .minusHours(1).withSecond(0).withNano(0);
    ProcessInstance discussion = startProcess("strategyDiscussion", "tom", variables("childId", child,
        "referralReceivedAt", heldAt.minusHours(3).toInstant().toString(), "concern", "Bruising"));
    complete(discussion, "scheduleStrategyDiscussion", "tom", variables("discussionAt", heldAt.toInstant().toString(),
        "format", "CALLS"));

    tasklist.login("sarah");
    tasklist.openTask(task(discussion, "recordStrategyDiscussion").getId());
    tasklist.dateTime("heldAt", heldAt.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
        heldAt.format(DateTimeFormatter.ofPattern("HH:mm")));
    // Who took part, one row each (four rows are offered); the police were not on the call.
    String[][] participants = {{"Sarah Jones", "Social worker", "Children's social care"},
        {"Tom Price", "MANAGER", "Children's social care"}, {"Dr Lee", "Named doctor", "Health"},
        {"Ann Carer", "Foster carer", "Placement provider (foster carer or home)"}};
    // A row's required field left empty still stops completion (the dynamic-lists script keeps real errors).
    tasklist.typeInRow("attendeeName", 0, "S");
    tasklist.typeInRow("attendeeName", 0, "");
    assertThat(tasklist.completeButton().isEnabled()).as("Complete with a participant's name empty").isFalse();
    for (int row = 0; row < participants.length; row++) {
      tasklist.typeInRow("attendeeName", row, participants[row][0]);
      tasklist.typeInRow("attendeeRole", row, participants[row][1]);
      tasklist.select("attendeeAgency", row, participants[row][2]);
    }
    tasklist.tick("educationInvited");
    assertThat(tasklist.completeButton().isEnabled()).as("Complete once every row is filled in; errors shown: %s", tasklist.errorsShown()).isTrue();
    tasklist.type("informationShared", "School and GP records shared; police not on the call");
    tasklist.choose("decision", 2);
    Browser.screenshot(browser, "tasklist-strategy-without-police");
    tasklist.complete();
    assertThat(engine.getRuntimeService().getVariable(discussion.getId(), "absentAgencies")).isEqualTo("attendedPolice");
    assertThat(String.valueOf(engine.getRuntimeService().getVariable(discussion.getId(), "attendees")))
        .contains("Dr Lee").contains("PLACEMENT_PROVIDER");
    assertThat(engine.getRuntimeService().getVariable(discussion.getId(), "attendedHealth")).isEqualTo(true);
    tasklist.logout();
    tasklist.login("tom");
    assertThat(tasklist.canSeeTask(task(discussion, "engageAbsentAgency").getId())).isTrue();
  }

  @Test
  void theInterviewerIsChosenFromAListThatLeavesOutTheChildsOwnWorker() throws Exception {
    ProcessInstance episode = missingEpisode("EP-TL-RHI");
    ZonedDateTime anHourAgo = ZonedDateTime.now(ZoneId.of("Europe/London")).minusHours(1).withSecond(0).withNano(0);
    complete(episode, "recordReturn", "sarah", variables("returnedAt", anHourAgo.minusHours(1).toInstant().toString()));
    complete(episode, "offerReturnInterview", "sarah", variables("rhiOffered", true,
        "rhiOfferedAt", anHourAgo.minusMinutes(30).toInstant().toString(), "rhiAccepted", true));

    tasklist.login(WorkflowFixture.RETURN_INTERVIEWER);
    tasklist.openTask(task(episode, "conductReturnInterview").getId());
    assertThat(tasklist.options("interviewer")).contains("Rhian Interviewer (rhian)", "Sam Social Worker (sam)")
        .noneMatch(label -> label.contains("sarah"));
    tasklist.dateTime("rhiHeldAt", date(anHourAgo), time(anHourAgo));
    tasklist.select("interviewer", 0, "Rhian Interviewer (rhian)");
    tasklist.tick("interviewerIndependent");
    tasklist.type("pushPullFactors", "Arguments at home");
    tasklist.type("interviewSummary", "Safe; wants to see her brother");
    Browser.screenshot(browser, "tasklist-interviewer-chosen");
    tasklist.complete();
    assertThat(engine.getRuntimeService().getVariable(episode.getId(), "interviewer"))
        .isEqualTo(WorkflowFixture.RETURN_INTERVIEWER);
  }

  @Test
  void theFormStopsADecisionMakerWhoHasNotReadThePapersBesideEachBoxAndSendsNothing() throws Exception {
    ProcessInstance decision = atAgencyDecision();
    tasklist.login("ada");
    tasklist.openTask(task(decision, "makeAgencyDecision").getId());
    tasklist.type("admReasons", "Having read every paper I am satisfied that adoption meets the child's lifelong needs.");
    tasklist.complete();
    assertThat(tasklist.errorBeside("readCpr")).as("beside the box, in the form").contains("required");
    assertThat(tasklist.errorBeside("readLegalAdvice")).contains("required");
    assertThat(tasklist.errorBeside("admReasons")).as("the reasons are long enough").isEmpty();
    assertThat(task(decision, "makeAgencyDecision")).as("the task stays open").isNotNull();
    assertThat(engine.getRuntimeService().getVariable(decision.getId(), "admApproves")).as("nothing written").isNull();
    assertThat(tasklist.vendorBannerShown()).as("no vendor banner for practitioners").isFalse();
    Browser.screenshot(browser, "tasklist-decision-refused");

    tasklist.tick("readCpr");
    tasklist.tick("readHealthSummary");
    tasklist.tick("readLegalAdvice");
    tasklist.tick("admApproves");
    tasklist.complete();
    assertThat(engine.getRuntimeService().getVariable(decision.getId(), "admApproves")).isEqualTo(true);
  }

  @Test
  void aRuleOnlyTheServerCanCheckIsRefusedInTheFormsWordsAtTheTop() throws Exception {
    ProcessInstance episode = missingEpisode("EP-TL-9");
    tasklist.login("sarah");
    tasklist.openTask(task(episode, "recordReturn").getId());
    ZonedDateTime tomorrow = ZonedDateTime.now(ZoneId.of("Europe/London")).plusDays(1);
    tasklist.dateTime("returnedAt", date(tomorrow), time(tomorrow));
    assertRefused(episode, "recordReturn", "in the future", "When the child returned", "tasklist-return-refused");
    Tasklist.Notice notice = tasklist.notice();
    assertThat(notice.text()).as("in the form's words, not the engine's")
        .contains("\u201cWhen the child returned\u201d must not be in the future.")
        .doesNotContain("returnedAt").doesNotContain("ENGINE-").doesNotContain(task(episode, "recordReturn").getId());
    assertThat(notice.fromTop()).as("where the worker looks: the top of the page").isLessThan(0.25);
    assertThat(engine.getRuntimeService().getVariable(episode.getId(), "returnedAt")).as("nothing written").isNull();
  }

  @Test
  void eachRoleSeesItsOwnFiltersAndTasksOnly() throws Exception {
    String decisionTask = task(atAgencyDecision(), "makeAgencyDecision").getId();
    String returnTask = task(missingEpisode("EP-TL-3"), "recordReturn").getId();
    tasklist.login("sarah");
    assertThat(tasklist.filters()).containsExactly("My tasks", "My team's tasks", "Overdue", "Due in the next 24 hours",
        "Waiting: missing children, visit requests");
    assertThat(tasklist.canSeeTask(returnTask)).isTrue();
    assertThat(tasklist.canSeeTask(decisionTask)).as("a social worker does not see the decision maker's task").isFalse();
    tasklist.logout();
    tasklist.login("ada");
    assertThat(tasklist.canSeeTask(decisionTask)).isTrue();
    assertThat(tasklist.canSeeTask(returnTask)).isFalse();
  }

  @Test
  void taskListsOpenSoonestDueFirst() throws Exception {
    Task dueSooner = task(missingEpisode("EP-TL-6"), "assessMissingRisk");
    Task dueLater = task(missingEpisode("EP-TL-7"), "assessMissingRisk");
    dueSooner.setDueDate(Date.from(Instant.now().minusSeconds(3 * 3600)));
    dueLater.setDueDate(Date.from(Instant.now().minusSeconds(3600)));
    engine.getTaskService().saveTask(dueSooner);
    engine.getTaskService().saveTask(dueLater);

    tasklist.login("sarah");
    tasklist.filter("Overdue");
    Browser.screenshot(browser, "tasklist-soonest-due-first");
    List<String> listed = tasklist.listedTaskIds();
    assertThat(listed).contains(dueSooner.getId(), dueLater.getId());
    assertThat(listed.indexOf(dueSooner.getId())).as("created first but due sooner, so listed first")
        .isLessThan(listed.indexOf(dueLater.getId()));
    assertThat(tasklist.sortLabel()).contains("Due date");
  }

  @Test
  void aNewCasesStepIsOnTheFirstScreenOfTheTeamsListWithTheChildAndDueDateAmong300WaitingSteps() throws Exception {
    // 300 older episodes, of 300 children: each waits for the child's return, with a risk
    // assessment to do.
    List<String> waiting = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String older = registerChild("Older Child " + i);
      waiting.add(engine.getRuntimeService().startProcessInstanceByKey("missingEpisode", Map.of("childId", older,
          "episodeType", "MISSING", "missingFrom", Instant.now().minusSeconds(86_400L + i).toString())).getId());
    }
    try {
      String child = registerChild("Nia Newcase");
      ProcessInstance episode = startProcess("missingEpisode", "sarah", variables("childId", child,
          "episodeType", "MISSING", "missingFrom", Instant.now().minusSeconds(7200).toString()));
      ZonedDateTime returned = ZonedDateTime.now(LondonTime.ZONE).minusHours(1).withSecond(0).withNano(0);
      complete(episode, "recordReturn", "sam", variables("returnedAt", returned.toOffsetDateTime().toString()));
      String offer = task(episode, "offerReturnInterview").getId();

      tasklist.login("sarah");
      tasklist.filter("My team's tasks");
      String card = tasklist.listedCard(offer);
      assertThat(tasklist.listedOnFirstScreen(offer)).as("the step due soonest, on the first screen").isTrue();
      assertThat(card).contains("Offer").contains("Nia Newcase").contains(child)
          .contains("Due by").contains(returned.plusHours(72).format(DateTimeFormatter.ofPattern("EEE dd/MM/yyyy HH:mm",
              java.util.Locale.UK)));
      Browser.screenshot(browser, "tasklist-team-list");
      assertThat(tasklist.listedTaskIds()).as("waiting for a return is not on the team's worklist")
          .noneSatisfy(id -> assertThat(keyOf(id)).isEqualTo("recordReturn"));
      tasklist.filter("Waiting: missing children, visit requests");
      assertThat(tasklist.listedTaskIds()).isNotEmpty()
          .allSatisfy(id -> assertThat(keyOf(id)).isIn("recordReturn", "recordVisitRequest"));
    } finally {
      engine.getRuntimeService().deleteProcessInstances(waiting, "test data", true, true);
    }
  }

  @Test
  void aBrowserOnNewYorkTimeInUsEnglishStillShowsUkDatesAndSaysItsClockIsNotOnUkTime() throws Exception {
    reopenBrowser("America/New_York", "en-US");
    ProcessInstance episode = missingEpisode("EP-TL-NY");
    ZonedDateTime returned = ZonedDateTime.now(LondonTime.ZONE).minusHours(1).withSecond(0).withNano(0);
    complete(episode, "recordReturn", "sam", variables("returnedAt", returned.toOffsetDateTime().toString()));
    String offer = task(episode, "offerReturnInterview").getId();

    tasklist.login("sarah");
    tasklist.filter("My team's tasks");
    assertThat(tasklist.listedCard(offer)).as("the deadline in UK time, day first")
        .contains(returned.plusHours(72).format(DateTimeFormatter.ofPattern("EEE dd/MM/yyyy HH:mm", java.util.Locale.UK)));
    assertThat(tasklist.zoneWarning()).as("told, in words, that typed times are this computer's")
        .contains("America/New_York").contains("not UK time");

    tasklist.openTask(offer);
    assertThat(tasklist.formText()).as("the form's own display of the deadline, in UK time too")
        .contains("Interview due by: " + returned.plusHours(72).format(DateTimeFormatter.ofPattern("EEE dd/MM/yyyy HH:mm",
            java.util.Locale.UK)));
    tasklist.tick("rhiOffered");
    assertThat(tasklist.placeholder("rhiOfferedAt")).as("day first, though the browser is American").isEqualTo("dd/mm/yyyy");
    ZonedDateTime offered = ZonedDateTime.now(ZoneId.of("America/New_York")).minusMinutes(30).withSecond(0).withNano(0);
    tasklist.tick("rhiAccepted");
    tasklist.dateTime("rhiOfferedAt", date(offered), time(offered));
    Browser.screenshot(browser, "tasklist-new-york-browser");
    tasklist.complete();
    assertThat(LondonTime.dateTime(engine.getRuntimeService().getVariable(episode.getId(), "rhiOfferedAt")).toInstant())
        .as("the date typed day first, the time read on the computer's clock").isEqualTo(offered.toInstant());
  }

  @Test
  void nothingSavedInTheBrowserOutlivesLoggingOut() throws Exception {
    ProcessInstance episode = missingEpisode("EP-TL-2");
    tasklist.login("sam");
    tasklist.openTask(task(episode, "assessMissingRisk").getId());
    tasklist.type("riskSummary", "Jo was seen with older men near the station");
    tasklist.save();
    assertThat(tasklist.browserStorage()).contains("older men");
    tasklist.logout();
    assertThat(tasklist.browserStorage()).doesNotContain("camunda-form:").doesNotContain("older men");
  }

  private String keyOf(String taskId) {
    return engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getTaskDefinitionKey();
  }

  private ProcessInstance atAgencyDecision() {
    String child = registerChild("Ayo Tasklist");
    ProcessInstance decision = startProcess("adoptionDecision", "sarah",
        variables("childId", child, "decisionType", "SHOULD_BE_PLACED", "route", "DIRECT"));
    complete(decision, "prepareChildPermanenceReport", "sarah", variables("cprChildAndFamily", "x", "siblingCount", 0,
        "cprHealthSummary", "x", "cprWishesAndFeelings", "x", "cprContact", "x", "cprChronology", "x", "cprOptionsAnalysis", "x"));
    complete(decision, "qualityAssureCpr", "tom", variables("cprApproved", true, "managerRationale", "Complete"));
    return decision;
  }

  /** An hour ago on the UK clock (the return cannot be in the future). */
  // Date and time from the same moment: just after midnight, an hour ago is yesterday.
  private static String time(ZonedDateTime moment) {
    return moment.format(DateTimeFormatter.ofPattern("HH:mm"));
  }

  private static String date(ZonedDateTime moment) {
    return moment.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
  }

  /** Completes the open form, expects the server's refusal on screen and the task still open. */
  private void assertRefused(ProcessInstance instance, String taskKey, String notification, String reason,
      String screenshot) throws Exception {
    tasklist.complete();
    assertThat(tasklist.notificationContaining(notification)).contains(reason);
    assertThat(task(instance, taskKey)).as("the task stays open").isNotNull();
    Browser.screenshot(browser, screenshot);
  }
}
