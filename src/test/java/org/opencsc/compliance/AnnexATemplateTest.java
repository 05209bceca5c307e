package org.opencsc.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;

/**
 * The Annex A lists as Ofsted's template has them: the child's columns in the template's code
 * forms, List 8 for the children looked after in the window (from their periods, not today's
 * flag), episodes counted only while the child was looked after, and the window chosen by the
 * inspector.
 */
class AnnexATemplateTest extends ApplicationTest {

  @AfterEach
  void deleteOpenCases() {
    deleteTheOpenCasesThisTestStarted();
  }


  private final String run = UUID.randomUUID().toString().substring(0, 6);

  @BeforeEach
  void spring2026() {
    clockAt(Instant.parse("2026-04-05T10:00:00Z"));
  }

  private String child(String suffix, Map<String, Object> details) {
    Map<String, Object> body = new HashMap<>(Map.of("name", "Template Child", "dateOfBirth", "2011-02-03",
        "laChildId", run + suffix));
    body.putAll(details);
    Reply reply = api.post("/api/children", "sarah", body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().get("id").asText();
  }

  private void returnedEpisode(String child, String type, String from, String returnedAt) {
    ProcessInstance episode = startProcess("missingEpisode", "sarah",
        variables("childId", child, "episodeType", type, "missingFrom", from));
    complete(episode, "recordReturn", "sam", variables("returnedAt", returnedAt));
  }

  private List<Map<String, String>> list8(String query) {
    Reply reply = api.get("/api/compliance/export/annex-a-list8.csv" + query, "tom");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return CsvRows.of(reply.body(), run + "-BACK");
  }

  @Test
  void list8ShowsTheChildInTheTemplatesCodesWithTheirPeriodsAndOnlyTheEpisodesWhileLookedAfter() {
    Map<String, Object> details = new HashMap<>(Map.of("gender", "FEMALE", "ethnicity", "BAFR", "uasc", true,
        "allocatedTeam", "North", "allocatedWorker", "sarah", "lookedAfter", true, "lookedAfterFrom", "2025-06-01"));
    String back = child("-BACK", details);
    lookedAfterPeriod(back, "2025-06-01", "2025-12-31");
    lookedAfterPeriod(back, "2026-02-01", null);
    returnedEpisode(back, "MISSING", "2025-07-01T20:00:00Z", "2025-07-02T08:00:00Z"); // looked after
    returnedEpisode(back, "AWAY", "2026-01-10T20:00:00Z", "2026-01-11T08:00:00Z"); // at home between periods
    String gone = child("-GONE", Map.of("lookedAfter", true, "lookedAfterFrom", "2023-01-01"));
    lookedAfterPeriod(gone, "2023-01-01", "2024-12-31");

    Reply whole = api.get("/api/compliance/export/annex-a-list8.csv", "tom");
    assertThat(whole.body()).as("looked after only before the window").doesNotContain(run + "-GONE");
    assertThat(list8("")).singleElement().satisfies(row -> assertThat(row).containsAllEntriesOf(Map.ofEntries(
        Map.entry("Child Unique ID", run + "-BACK"),
        Map.entry("Gender", "b) Female"),
        Map.entry("Ethnicity", "o) BAFR"),
        Map.entry("Date of Birth", "03/02/2011"),
        Map.entry("Age of Child (Years)", "15"),
        Map.entry("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", "a) Yes"),
        Map.entry("Does the Child have a Disability", "b) No"),
        Map.entry("Date Started to be Looked After", "01/02/2026"),
        Map.entry("Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)", "a) Yes"),
        Map.entry("Date Ceased to be Looked After", ""),
        Map.entry("Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months", "1"),
        Map.entry("Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months", "0"),
        Map.entry("Allocated Team", "North"),
        Map.entry("Allocated Worker", "sam")))); // registered with sarah; sam has done the casework since

    // The inspector's window: the first period alone.
    assertThat(list8("?from=2025-06-01&to=2025-12-31")).singleElement().satisfies(row -> assertThat(row)
        .containsAllEntriesOf(Map.of("Date Started to be Looked After", "01/06/2025",
            "Date Ceased to be Looked After", "31/12/2025",
            "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)", "b) No",
            "Age of Child (Years)", "14")));
  }

  @Test
  void list10ShowsTheDecisionToPlaceForAdoptionAndWhenTheChildEnteredCare() {
    String placed = child("-ADOPT", Map.of("gender", "MALE", "ethnicity", "WBRI", "lookedAfter", true,
        "lookedAfterFrom", "2024-10-01"));
    clockAt(Instant.parse("2026-03-02T09:00:00Z"));
    ProcessInstance decision = startProcess("adoptionDecision", "sarah",
        variables("childId", placed, "decisionType", "SHOULD_BE_PLACED", "route", "DIRECT"));
    complete(decision, "prepareChildPermanenceReport", "sarah", variables("cprChildAndFamily", "x", "siblingCount", 0,
        "cprHealthSummary", "x", "cprWishesAndFeelings", "x", "cprContact", "x", "cprChronology", "x", "cprOptionsAnalysis", "x"));
    complete(decision, "qualityAssureCpr", "tom", variables("cprApproved", true, "managerRationale", "Complete"));
    complete(decision, "makeAgencyDecision", "ada", variables("readCpr", true, "readHealthSummary", true,
        "readLegalAdvice", true, "admApproves", true,
        "admReasons", "Having read every paper, adoption is the plan that meets this child's lifelong needs."));
    clockAt(Instant.parse("2026-04-05T10:00:00Z"));

    Reply reply = api.get("/api/compliance/export/annex-a-list10.csv", "tom");
    assertThat(CsvRows.of(reply.body(), run + "-ADOPT")).singleElement().satisfies(row -> assertThat(row)
        .containsAllEntriesOf(Map.of("Gender", "a) Male", "Ethnicity", "a) WBRI",
            "Date the Child Entered Care", "01/10/2024",
            "Date of Decision that Child Should be Placed for Adoption", "02/03/2026",
            "Date of Matching Child and Prospective Adopters", "", "Date of Adoption Order", "",
            "Family identifier", "")));
  }

  @Test
  void aWindowIsTwoDatesTheFirstNotAfterTheLast() {
    Reply backwards = api.get("/api/compliance/export/annex-a-list8.csv?from=2026-01-01&to=2025-01-01", "tom");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.message()).contains("from: must not be after to");
    Reply notADate = api.get("/api/compliance/export/annex-a-list5.csv?to=31/03/2026", "tom");
    assertThat(notADate.status()).isEqualTo(400);
    assertThat(notADate.message()).contains("to: must be a date");
  }

  @Test
  void theTemplatesEthnicityLettersFollowTheDfEsOrder() {
    assertThat(AnnexAList.ethnicity("WBRI")).isEqualTo("a) WBRI");
    assertThat(AnnexAList.ethnicity("REFU")).isEqualTo("s) REFU");
    assertThat(AnnexAList.ethnicity("NOBT")).isEqualTo("t) NOBT");
    assertThat(AnnexAList.ethnicity(null)).isEmpty();
  }
}
