package org.opencsc.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.ApplicationTest;
import org.openqa.selenium.WebDriver;

/**
 * Journeys through the real Tasklist in a real browser, as social workers, managers and decision
 * makers use it: the forms, the role filters, the server's rules, and nothing left behind.
 */
class TasklistJourneyTest extends ApplicationTest {

  private WebDriver browser;
  private Tasklist tasklist;

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Browser.open();
    tasklist = new Tasklist(browser, port);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aSocialWorkerRecordsTheReturnAndOffersTheInterviewAndADeclineNeedsItsReason() throws Exception {
    ProcessInstance episode = missingEpisode("EP-TL-1");
    tasklist.login("sarah");
    assertThat(tasklist.filters()).contains("My tasks", "My team's tasks", "Overdue", "Due in the next 24 hours");
    tasklist.filter("My team's tasks");
    tasklist.openTask(task(episode, "recordReturn").getId());
    tasklist.dateTime("returnedAt", today(), "09:00");
    Browser.screenshot(browser, "tasklist-record-return");
    tasklist.complete();
    assertThat(task(episode, "offerReturnInterview")).isNotNull();

    tasklist.openTask(task(episode, "offerReturnInterview").getId());
    tasklist.tick("rhiOffered");
    tasklist.dateTime("rhiOfferedAt", today(), "09:30");
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
  void theServerRefusesADecisionMakerWhoHasNotReadThePapersAndTheMessageIsShown() throws Exception {
    ProcessInstance decision = atAgencyDecision();
    tasklist.login("ada");
    tasklist.openTask(task(decision, "makeAgencyDecision").getId());
    tasklist.type("admReasons", "Having read every paper I am satisfied that adoption meets the child's lifelong needs.");
    tasklist.complete();
    assertThat(tasklist.notificationContaining("readCpr")).contains("must be true");
    assertThat(task(decision, "makeAgencyDecision")).as("the task stays open").isNotNull();
    Browser.screenshot(browser, "tasklist-decision-refused");
  }

  @Test
  void eachRoleSeesItsOwnFiltersAndTasksOnly() throws Exception {
    String decisionTask = task(atAgencyDecision(), "makeAgencyDecision").getId();
    String returnTask = task(missingEpisode("EP-TL-3"), "recordReturn").getId();
    tasklist.login("sarah");
    assertThat(tasklist.filters()).containsExactly("My tasks", "My team's tasks", "Overdue", "Due in the next 24 hours");
    assertThat(tasklist.canSeeTask(returnTask)).isTrue();
    assertThat(tasklist.canSeeTask(decisionTask)).as("a social worker does not see the decision maker's task").isFalse();
    tasklist.logout();
    tasklist.login("ada");
    assertThat(tasklist.canSeeTask(decisionTask)).isTrue();
    assertThat(tasklist.canSeeTask(returnTask)).isFalse();
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

  private ProcessInstance missingEpisode(String reference) {
    String child = registerChild("Jo Tasklist");
    Map<String, Object> body = new java.util.HashMap<>(variables("childId", child, "episodeType", "MISSING",
        "missingFrom", java.time.Instant.now().minusSeconds(6 * 3600).toString()));
    body.put("businessKey", reference);
    return startProcess("missingEpisode", "sarah", body);
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

  private static String today() {
    return java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))
        .format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy"));
  }
}
