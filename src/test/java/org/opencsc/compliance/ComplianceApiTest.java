package org.opencsc.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.opencsc.security.DemoUsers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The compliance figures agree with what happened: cases are built through the processes, on
 * time and late, and every figure, filter and CSV row is checked against them and the engine.
 */
class ComplianceApiTest extends ApplicationTest {

  static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

  @BeforeEach
  void clock() {
    clockAt(NOW);
  }

  @Test
  void figuresMoveExactlyWithTheCasesBuiltAndAgreeWithTheEngine() {
    JsonNode before = summary("tom");
    String lateChild = registerChild("Late Interview");
    String onTimeChild = registerChild("On Time Conference");

    lateDeclinedInterview(lateChild, "sarah");
    conferenceOnTime(onTimeChild);
    openOverdueInterview(registerChild("Still Waiting"));

    JsonNode after = summary("tom");
    assertDelta(before, after, "missingEpisode", "cases", 2);
    // The late offer (completed) and the still-open overdue offer.
    assertDelta(before, after, "missingEpisode", "stepsDue", 2);
    assertDelta(before, after, "missingEpisode", "stepsOnTime", 0);
    assertDelta(before, after, "missingEpisode", "overdueSteps", 1);
    assertDelta(before, after, "strategyDiscussion", "cases", 1);
    assertDelta(before, after, "strategyDiscussion", "stepsDue", 2);
    assertDelta(before, after, "strategyDiscussion", "stepsOnTime", 2);

    for (String process : List.of("missingEpisode", "strategyDiscussion", "privateFostering", "adoptionDecision")) {
      JsonNode figures = figures(after, process);
      long completedWithDueDate = engine.getHistoryService().createHistoricTaskInstanceQuery().processDefinitionKey(process)
          .taskDeleteReason("completed").taskDueAfter(new Date(0)).count();
      long overdueNow = engine.getTaskService().createTaskQuery().processDefinitionKey(process).dueBefore(Date.from(NOW)).count();
      assertThat(figures.get("stepsDue").asLong()).as(process + " steps due").isEqualTo(completedWithDueDate + overdueNow);
      assertThat(figures.get("overdueSteps").asLong()).as(process + " overdue").isEqualTo(overdueNow);
      assertThat(figures.get("cases").asLong()).as(process + " cases")
          .isEqualTo(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(process).count());
      long due = figures.get("stepsDue").asLong();
      if (due > 0) {
        assertThat(figures.get("rate").asDouble()).isCloseTo((double) figures.get("stepsOnTime").asLong() / due,
            org.assertj.core.data.Offset.offset(0.001));
      }
    }
  }

  @Test
  void theSummaryListsEveryPracticeProcessOnceInTheCataloguesOrderWithItsName() {
    List<String> listed = new ArrayList<>();
    List<String> names = new ArrayList<>();
    summary("tom").forEach(figures -> {
      listed.add(figures.get("process").asText());
      names.add(figures.get("name").asText());
    });
    // the test fixture keeps no case table, so the figures leave it out
    assertThat(listed).containsExactly("missingEpisode", "strategyDiscussion", "privateFostering", "adoptionDecision",
        "childProtectionPlan", "lookedAfterReviews", "practiceAlert", "publicLawOutline");
    assertThat(names).containsExactly("Missing from home or care", "Strategy discussions", "Private fostering",
        "Adoption decisions", "Child protection plans", "Looked-after reviews", "Practice alerts", "Public Law Outline");
  }

  /** The dashboard links every export the server lists: a process adding a list adds it there too. */
  @Test
  void theExportsAreListedInListOrderWithTheBreachRegisterLast() {
    List<String> names = new java.util.ArrayList<>();
    api.get("/api/compliance/exports", "tom").json().forEach(name -> names.add(name.asText()));
    assertThat(names).containsExactly("annex-a-list5", "annex-a-list7", "annex-a-list8", "annex-a-list10", "breaches");
    assertThat(api.get("/api/compliance/exports", "pam").status()).isEqualTo(403);
    assertThat(CsvRows.cells(api.get("/api/compliance/export/annex-a-list7.csv", "tom").body().lines().findFirst()
        .orElseThrow())).startsWith("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
            "Does the Child have a Disability", "Child Protection Plan Start Date").endsWith("Allocated Team",
            "Allocated Worker");
  }

  @Test
  void breachesAreFilteredByChildCodeProcessAndDueDate() {
    String child = registerChild("Filtered Child");
    lateDeclinedInterview(child, "sarah");
    JsonNode mine = api.get("/api/compliance/breaches?childId=" + child, "tom").json();
    assertThat(mine).hasSize(1);
    JsonNode breach = mine.get(0);
    assertThat(breach.get("code").asText()).isEqualTo("RHI_NOT_WITHIN_72H");
    assertThat(breach.get("process").asText()).isEqualTo("missingEpisode");
    assertThat(breach.get("childId").asText()).isEqualTo(child);
    assertThat(breach.get("dueAt").asText()).isEqualTo("2027-02-26T09:00:00Z");
    assertThat(breach.get("doneAt").asText()).isEqualTo("2027-02-27T10:00:00Z");
    assertThat(breach.get("reason").asText()).isEqualTo("Child in hospital");
    assertThat(breach.has("processInstanceId")).isTrue();

    assertThat(api.get("/api/compliance/breaches?childId=" + child + "&code=ICPC_NOT_WITHIN_15WD", "tom").json()).isEmpty();
    assertThat(api.get("/api/compliance/breaches?childId=" + child + "&process=strategyDiscussion", "tom").json()).isEmpty();
    assertThat(api.get("/api/compliance/breaches?childId=" + child + "&from=2027-02-26&to=2027-02-26", "tom").json()).hasSize(1);
    assertThat(api.get("/api/compliance/breaches?childId=" + child + "&from=2027-02-27", "tom").json()).isEmpty();
    assertThat(api.get("/api/compliance/breaches?childId=" + child + "&to=2027-02-25", "tom").json()).isEmpty();
  }

  @Test
  void badFiltersAreRefusedNamingTheFilter() {
    assertRefused(api.get("/api/compliance/breaches?code=LATE", "tom"), "code: must be one of");
    assertRefused(api.get("/api/compliance/breaches?process=fostering", "tom"), "process: must be one of");
    assertRefused(api.get("/api/compliance/breaches?from=26/02/2027", "tom"), "from: must be a date");
    assertThat(api.get("/api/compliance/export/annex-a-list99.csv", "tom").status()).isEqualTo(404);
  }

  @Test
  void aSocialWorkerSeesOnlyTheirOwnCasesAndOthersOutsideTheGroupsGet403() {
    String sarahs = registerChild("Sarah's Case");
    String sams = registerChild("Sam's Case");
    lateDeclinedInterview(sarahs, "sarah");
    lateDeclinedInterview(sams, "sam");
    List<String> seenBySarah = childIds(api.get("/api/compliance/breaches", "sarah").json());
    assertThat(seenBySarah).contains(sarahs).doesNotContain(sams);
    assertThat(childIds(api.get("/api/compliance/breaches", "tom").json())).contains(sarahs, sams);
    assertThat(api.get("/api/compliance/export/breaches.csv", "sarah").body()).contains(sarahs).doesNotContain(sams);
    assertThat(api.get("/api/compliance/summary", "ada").status()).isEqualTo(403);
    assertThat(api.get("/api/compliance/breaches", "pam").status()).isEqualTo(403);
    assertThat(api.get("/api/compliance/summary", null).status()).isEqualTo(401);
    assertThat(api.get("/api/compliance/summary", "alex").status()).isEqualTo(200);
  }

  @Test
  void aSocialWorkerWithNoCasesSeesNoOpenSteps() {
    openOverdueInterview(registerChild("Someone Else's Case"));
    if (engine.getIdentityService().createUserQuery().userId("newstarter").count() == 0) {
      var user = engine.getIdentityService().newUser("newstarter");
      user.setPassword("demo");
      DemoUsers.save(engine.getIdentityService(), user); // a fixture: password "demo"
      engine.getIdentityService().createMembership("newstarter", "social-workers");
    }
    assertThat(api.get("/api/compliance/open-steps", "newstarter").json()).isEmpty();
    assertThat(api.get("/api/compliance/breaches", "newstarter").json()).isEmpty();
    assertThat(api.get("/api/compliance/open-steps", "tom").json()).isNotEmpty();
  }

  @Test
  void exportsHaveTheAnnexAHeadersAndOneRowPerCaseWithUkDates() {
    String child = registerChild("Export Child");
    lateDeclinedInterview(child, "sarah");
    conferenceOnTime(child);

    String list5 = api.get("/api/compliance/export/annex-a-list5.csv", "tom").body();
    assertThat(CsvRows.cells(list5.lines().findFirst().orElseThrow())).as("the template's columns, in its order")
        .containsExactly("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
            "Does the Child have a Disability", "Strategy discussion initiating Section 47 Enquiry Start Date",
            "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference",
            "Did the Initial Child Protection Conference Result in a Child Protection Plan",
            "Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months",
            "Allocated Team", "Allocated Worker");
    assertThat(CsvRows.of(list5, child)).singleElement().satisfies(row -> assertThat(row).containsAllEntriesOf(Map.of(
        "Date of Birth", "01/04/2012", "Age of Child (Years)", "14", "Does the Child have a Disability", "b) No",
        "Strategy discussion initiating Section 47 Enquiry Start Date", "09/02/2027",
        "Was an Initial Child Protection Conference deemed unnecessary?", "b) No",
        "Date of Initial Child Protection Conference", "25/02/2027",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan", "a) Yes",
        "Number of Section 47 Enquiries in the last 12 months", "1", "Number of ICPCs in the last 12 months", "1")));

    String list8 = api.get("/api/compliance/export/annex-a-list8.csv", "tom").body();
    assertThat(CsvRows.cells(list8.lines().findFirst().orElseThrow())).as("the template's 34 columns").hasSize(34)
        .contains("Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
            "Was the child offered a Return Interview after their last missing episode (Y/N)?");
    assertThat(CsvRows.of(list8, child)).singleElement().satisfies(row -> assertThat(row).containsAllEntriesOf(Map.of(
        "Date Started to be Looked After", "01/04/2012", "Child's Legal Status", "",
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months", "1",
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months", "0",
        "Was the child offered a Return Interview after their last missing episode (Y/N)?", "a) Yes",
        "Did the child accept a Return Interview after their last missing episode (Y/N)?", "b) No")));

    String breaches = api.get("/api/compliance/export/breaches.csv", "tom").body();
    assertThat(breaches.lines().findFirst().orElseThrow())
        .isEqualTo("\"Code\",\"Process\",\"Case\",\"Child Unique ID\",\"Step\",\"Due\",\"Done\",\"Done by\",\"Reason\"");
    assertThat(rowsFor(breaches, child)).singleElement().satisfies(row -> assertThat(row)
        .startsWith("\"RHI_NOT_WITHIN_72H\",\"missingEpisode\"").contains("\"26/02/2027 09:00\",\"27/02/2027 10:00\",\"sarah\",\"Child in hospital\""));
    assertThat(CsvRows.cells(api.get("/api/compliance/export/annex-a-list10.csv", "tom").body().lines().findFirst()
        .orElseThrow())).startsWith("Child Unique ID", "Family identifier", "Gender");
  }

  @Test
  void aReasonThatLooksLikeAFormulaCannotRunInASpreadsheet() {
    String child = registerChild("Formula Child");
    lateDeclinedInterview(child, "sarah", "=HYPERLINK(\"http://evil\",\"x\")");
    assertThat(rowsFor(api.get("/api/compliance/export/breaches.csv", "tom").body(), child).get(0))
        .contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
  }

  @Test
  void aChildsTimelineListsEveryStepWhoAndWhenAgainstItsDeadline() {
    String child = registerChild("Timeline Child");
    lateDeclinedInterview(child, "sarah");
    JsonNode timeline = api.get("/api/children/" + child, "tom").json().get("timeline");
    assertThat(timeline).extracting(step -> step.get("task").asText())
        .containsExactly("recordReturn", "offerReturnInterview");
    JsonNode offer = timeline.get(1);
    assertThat(offer.get("completedBy").asText()).isEqualTo("sarah");
    assertThat(offer.get("dueAt").asText()).isEqualTo("2027-02-26T09:00:00Z");
    assertThat(offer.get("late").asBoolean()).isTrue();
  }

  // --- cases built through the processes ---

  /** Returned 23 Feb 09:00, interview declined and recorded late on 27 Feb 10:00 with a reason. */
  private void lateDeclinedInterview(String child, String worker) {
    lateDeclinedInterview(child, worker, "Child in hospital");
  }

  private void lateDeclinedInterview(String child, String worker, String lateReason) {
    clockAt(Instant.parse("2027-02-27T11:00:00Z"));
    ProcessInstance episode = startProcess("missingEpisode", worker, variables("childId", child, "episodeType", "MISSING",
        "missingFrom", "2027-02-22T20:00:00Z"));
    complete(episode, "recordReturn", worker, variables("returnedAt", "2027-02-23T09:00:00Z"));
    clockAt(Instant.parse("2027-02-27T11:01:00Z"));
    complete(episode, "offerReturnInterview", worker, variables("rhiOffered", true, "rhiOfferedAt", "2027-02-27T10:00:00Z",
        "rhiAccepted", false, "rhiDeclineReason", "Does not want to talk", "lateReason", lateReason));
    clockAt(NOW);
  }

  /** Strategy discussion 9 Feb 2027 (s47), conference 25 Feb: both steps in time. */
  private void conferenceOnTime(String child) {
    clockAt(Instant.parse("2027-02-09T16:00:00Z"));
    ProcessInstance discussion = startProcess("strategyDiscussion", "tom", variables("childId", child,
        "referralReceivedAt", "2027-02-09T09:00:00Z", "concern", "Injury"));
    complete(discussion, "scheduleStrategyDiscussion", "tom", variables("discussionAt", "2027-02-09T13:00:00Z", "format", "CALLS"));
    Map<String, Object> record = variables("heldAt", "2027-02-09T13:00:00Z", "attendedSocialWorker", true,
        "attendedManager", true, "attendedPolice", true, "attendedHealth", true, "attendedPlacementProvider", true,
        "educationInvited", true, "informationShared", "Records", "decision", "SECTION_47", "s47Type", "SINGLE", "safetyPlan", "Stay with gran",
        "safetyPlanOwner", "Sam", "safetyPlanReviewBy", "2027-02-16", "legalActionNeeded", false, "familyInformed", true);
    complete(discussion, "recordStrategyDiscussion", "sam", record);
    complete(discussion, "approveStrategyDecision", "tina", variables("decisionApproved", true, "managerRationale", "Agreed"));
    clockAt(Instant.parse("2027-02-25T17:00:00Z"));
    complete(discussion, "recordS47Outcome", "sam", variables("s47Outcome", "ICPC_REQUIRED"));
    complete(discussion, "recordIcpc", "sam", variables("icpcHeldOn", "2027-02-25", "childProtectionPlan", true, "initialCategoryOfAbuse", "NEGLECT"));
    clockAt(NOW);
  }

  /** Returned 25 Feb 09:00: the offer is due 28 Feb 09:00 and still open on 1 March. */
  private void openOverdueInterview(String child) {
    clockAt(Instant.parse("2027-02-25T10:00:00Z"));
    ProcessInstance episode = startProcess("missingEpisode", "sarah", variables("childId", child, "episodeType", "AWAY",
        "missingFrom", "2027-02-24T20:00:00Z"));
    complete(episode, "recordReturn", "sarah", variables("returnedAt", "2027-02-25T09:00:00Z"));
    clockAt(NOW);
  }

  private JsonNode summary(String user) {
    Reply reply = api.get("/api/compliance/summary", user);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static JsonNode figures(JsonNode summary, String process) {
    for (JsonNode figures : summary) {
      if (process.equals(figures.get("process").asText())) {
        return figures;
      }
    }
    throw new AssertionError("No figures for " + process);
  }

  private static void assertDelta(JsonNode before, JsonNode after, String process, String figure, long delta) {
    assertThat(figures(after, process).get(figure).asLong() - figures(before, process).get(figure).asLong())
        .as(process + " " + figure).isEqualTo(delta);
  }

  private static List<String> childIds(JsonNode breaches) {
    List<String> ids = new java.util.ArrayList<>();
    breaches.forEach(breach -> ids.add(breach.get("childId").asText()));
    return ids;
  }

  private static List<String> rowsFor(String csv, String childId) {
    return Arrays.stream(csv.split("\r\n")).filter(line -> line.contains(childId)).toList();
  }

}
