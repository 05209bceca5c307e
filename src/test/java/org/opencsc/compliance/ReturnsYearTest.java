package org.opencsc.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.participants;
import static org.opencsc.Variables.variables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;

/**
 * One collection year (1 April 2025 – 31 March 2026) of cases across the four processes, driven
 * through the engine in the order they happened, and every file an analyst sends checked row by
 * row against the file we expect ({@code src/test/resources/returns/2025-26/}): the SSDA903
 * Missing table, the CIN census's s47 and child protection items, Annex A Lists 5, 7, 8 and 10
 * for the year, and the breach register. Among the year: a looked-after child missing twice (the second still open at
 * 31 March), an away episode, a child in care only for part of the year (missing while in care and
 * after), an episode crossing 1 April, an enquiry with a conference and one without, a private
 * fostering arrangement visited late, a child placed and adopted, a plan to place that ended, a
 * child protection plan from a conference (reviewed, its category changed, a visit late) and one
 * transferred in that a review ended.
 */
class ReturnsYearTest extends ApplicationTest {

  private static final String OWN_REASONS = "Having read every paper, adoption is the plan that meets this child's "
      + "lifelong needs.";

  private static final String SOCIAL_WORKER = "Sam Smith|Social worker|SOCIAL_CARE";
  private static final String POLICE = "DS Khan|Detective Sergeant|POLICE";
  private static final String HEALTH = "Dr Lee|Named doctor|HEALTH";

  private final String run = UUID.randomUUID().toString().substring(0, 6);
  /** Case ids as the breach register writes them, and the names the expected file gives them. */
  private final Map<String, String> caseNames = new LinkedHashMap<>();

  @AfterEach
  void deleteOpenCases() {
    deleteTheOpenCasesThisTestStarted();
  }

  @Test
  void aYearOfCasesGivesEveryReturnAndListAsExpected() {
    at("2025-03-01T09:00:00Z");
    String twice = child("-TWICE", "2011-02-03", "FEMALE", "WBRI", "2024-01-01");
    String away = child("-AWAY", "2012-05-06", "MALE", "BAFR", "2023-06-01");
    String part = child("-PART", "2013-07-08", "FEMALE", "MWBC", null);
    String crossing = child("-CROSS", "2010-09-10", "MALE", "WBRI", "2022-02-02");
    String conference = child("-S47", "2014-01-01", "FEMALE", "APKN", null);
    String noConference = child("-NFA", "2015-03-03", "MALE", "WIRI", null);
    String fostered = child("-PF", "2010-06-06", "MALE", "BOTH", null);
    String adopted = child("-ADOPT", "2023-08-01", "MALE", "WBRI", "2024-10-01");
    String replanned = child("-RD", "2022-05-05", "FEMALE", "WOTH", "2024-01-15");
    String protectedBefore = child("-CPP", "2016-09-09", "FEMALE", "WBRI", null);

    // A plan transferred in (it began on 10 January 2025 elsewhere; conference here on 20 January).
    ProcessInstance transferredPlan = startProcess("childProtectionPlan", "tom", variables("childId", protectedBefore,
        "icpcHeldOn", "2025-01-20", "cppStartDate", "2025-01-10", "initialCategoryOfAbuse", "PHYSICAL"));

    // An episode crossing 1 April, returned on the 2nd.
    at("2025-04-02T12:00:00Z");
    episode(crossing, "MISSING", "2025-03-30T22:00:00Z", "2025-04-02T09:00:00Z");
    lookedAfterPeriod(part, "2025-04-01", null);

    // Decided on 20 May 2025 that the child should be placed for adoption.
    at("2025-05-20T10:00:00Z");
    ProcessInstance toPlace = decidedToPlace(adopted);
    at("2025-05-21T10:00:00Z");
    ProcessInstance toPlaceToo = decidedToPlace(replanned);

    // A private fostering arrangement notified on 2 June; the first visit a week late.
    at("2025-06-02T09:00:00Z");
    ProcessInstance arrangement = startProcess("privateFostering", "sarah", variables("childId", fostered,
        "notifiedAt", "2025-06-02T08:00:00Z", "notificationType", "STARTED", "arrangementStart", "2025-05-30",
        "intendedDurationDays", 120, "carerName", "Mrs Ada Lovelace", "carerRelationship", "OTHER"));
    caseNames.put(arrangement.getId(), "{case:PF}");

    // A strategy discussion on Monday 9 June 2025, a section 47 enquiry, a conference on the 27th.
    ProcessInstance enquiry = sectionFortySevenEnquiry(conference, "2025-06-09T10:00:00Z");
    at("2025-06-10T12:00:00Z");
    episode(twice, "MISSING", "2025-06-10T01:00:00Z", "2025-06-10T11:00:00Z");
    at("2025-06-19T09:00:00Z");
    completeVisit(arrangement, "initialVisit", "2025-06-18T15:00:00Z", "Visit fell through twice; seen on 18 June");
    at("2025-06-27T16:00:00Z");
    complete(enquiry, "recordS47Outcome", "sam", variables("s47Outcome", "ICPC_REQUIRED"));
    complete(enquiry, "recordIcpc", "sam", variables("icpcHeldOn", "2025-06-27", "childProtectionPlan", true,
        "initialCategoryOfAbuse", "NEGLECT"));
    ProcessInstance plan = engine.getRuntimeService().createProcessInstanceQuery()
        .variableValueEquals("strategyDiscussionId", enquiry.getId()).singleResult();
    caseNames.put(plan.getId(), "{case:CPP}");
    at("2025-07-04T15:00:00Z");
    complete(plan, "recordCppVisit", "sam", variables("visitedAt", "2025-07-04T10:00:00Z", "seenAlone", true));
    at("2025-07-08T15:00:00Z");
    Map<String, Object> coreGroup = variables("coreGroupHeldOn", "2025-07-08", "planOutcomes", "Home conditions; school");
    variablesOf(coreGroup).put("attendees", participants(SOCIAL_WORKER, POLICE, HEALTH));
    complete(plan, "holdCoreGroup", "sam", coreGroup);

    at("2025-04-15T16:00:00Z");
    review(transferredPlan, "2025-04-15", "CONTINUE");

    // In care from April to August: missing once while in care; once after.
    at("2025-07-02T12:00:00Z");
    ProcessInstance whileInCare = episode(part, "MISSING", "2025-07-01T20:00:00Z", "2025-07-02T07:00:00Z");
    complete(whileInCare, "offerReturnInterview", "sarah", variables("rhiOffered", true,
        "rhiOfferedAt", "2025-07-02T09:00:00Z", "rhiAccepted", true));
    at("2025-07-14T10:00:00Z");
    milestone(toPlace, "PlacementOrderMade", "placementOrderOn", "2025-07-12");

    at("2025-09-01T09:00:00Z");
    lookedAfterPeriod(part, "2025-04-01", "2025-08-31"); // back home at the end of August

    at("2025-09-02T12:00:00Z");
    ProcessInstance awayEpisode = episode(away, "AWAY", "2025-09-01T17:00:00Z", "2025-09-02T10:00:00Z");
    complete(awayEpisode, "offerReturnInterview", "sarah", variables("rhiOffered", true,
        "rhiOfferedAt", "2025-09-02T11:00:00Z", "rhiAccepted", false, "rhiDeclineReason", "Did not want to talk about it"));

    at("2025-09-25T16:00:00Z");
    review(plan, "2025-09-25", "CONTINUE");

    at("2025-10-02T12:00:00Z");
    episode(part, "MISSING", "2025-10-01T20:00:00Z", "2025-10-02T07:00:00Z"); // no longer looked after

    // Matched on 6 October, placed on 1 November.
    at("2025-10-06T11:00:00Z");
    ProcessInstance match = startProcess("adoptionDecision", "sarah",
        variables("childId", adopted, "decisionType", "MATCH", "route", "PANEL"));
    report(match);
    complete(match, "recordPanelRecommendation", "pam", variables("panelDate", "2025-10-02",
        "panelRecommendsApproval", true, "panelMembers", "pete", "finalMinutesReceivedAt", "2025-10-03T12:00:00Z"));
    complete(match, "makeAgencyDecision", "ada", variables("readCpr", true, "readHealthSummary", true,
        "readLegalAdvice", true, "readPanelMinutes", true, "readPanelRecommendation", true,
        "admApproves", true, "admReasons", OWN_REASONS));
    at("2025-11-03T10:00:00Z");
    milestone(toPlace, "ChildPlacedForAdoption", "placedForAdoptionOn", "2025-11-01");

    // A discussion on Monday 3 November: an enquiry that found no conference needed.
    ProcessInstance noIcpc = sectionFortySevenEnquiry(noConference, "2025-11-03T10:00:00Z");
    at("2025-11-10T16:00:00Z");
    complete(noIcpc, "recordS47Outcome", "sam", variables("s47Outcome", "ICPC_NOT_REQUIRED",
        "icpcNotRequiredReason", "Concerns not substantiated; family support plan agreed"));

    at("2025-10-15T16:00:00Z");
    review(transferredPlan, "2025-10-15", "END_PLAN");

    at("2026-01-16T10:00:00Z");
    decidedNoLongerToPlace(toPlaceToo, "2026-01-15", "RD3");
    at("2026-03-11T10:00:00Z");
    milestone(toPlace, "AdoptionOrderMade", "adoptionOrderOn", "2026-03-10");

    // The plan's second review changes the category; the next visit, long overdue, is a breach.
    at("2026-03-20T16:00:00Z");
    review(plan, "2026-03-20", "CHANGE_CATEGORY");
    complete(plan, "recordCppVisit", "sarah", variables("visitedAt", "2026-03-20T11:00:00Z", "seenAlone", false,
        "notSeenAloneReason", "Mother would not leave the room", "lateReason", "Worker on long-term sick leave"));

    // Missing again on 30 March 2026, back only on 2 April: open at the year's end.
    at("2026-04-02T12:00:00Z");
    episode(twice, "MISSING", "2026-03-30T21:00:00Z", "2026-04-02T09:00:00Z");

    at("2026-04-10T10:00:00Z");
    String window = "?from=2025-04-01&to=2026-03-31";
    assertThat(ours("/api/returns/ssda903/missing.csv?year=2025-26")).isEqualTo(expected("ssda903-missing.csv"));
    assertThat(new Ssda903MissingChecker(api.get("/api/returns/ssda903/missing.csv?year=2025-26", "tom").body(),
        DateWindow.collectionYear("2025-26")).all()).as("every DfE rule for the Missing table, on the whole file").isEmpty();
    assertThat(ours("/api/returns/cin/s47.csv?year=2025-26")).isEqualTo(expected("cin-s47.csv"));
    assertThat(ours("/api/compliance/export/annex-a-list5.csv" + window)).isEqualTo(expected("annex-a-list5.csv"));
    assertThat(ours("/api/compliance/export/annex-a-list8.csv" + window)).isEqualTo(expected("annex-a-list8.csv"));
    assertThat(ours("/api/compliance/export/annex-a-list10.csv" + window)).isEqualTo(expected("annex-a-list10.csv"));
    assertThat(ours("/api/returns/cin/cpp.csv?year=2025-26")).isEqualTo(expected("cin-cpp.csv"));
    assertThat(ours("/api/compliance/export/annex-a-list7.csv" + window)).isEqualTo(expected("annex-a-list7.csv"));
    assertThat(ours("/api/compliance/export/breaches.csv" + window)).isEqualTo(expected("breaches.csv"));
  }

  // --- the year's cases ---

  private void at(String instant) {
    clockAt(Instant.parse(instant));
  }

  private String child(String suffix, String dateOfBirth, String gender, String ethnicity, String lookedAfterFrom) {
    Map<String, Object> details = new HashMap<>(Map.of("name", "Year Child", "dateOfBirth", dateOfBirth,
        "laChildId", run + suffix, "gender", gender, "ethnicity", ethnicity, "allocatedTeam", "North"));
    details.put("lookedAfterFrom", lookedAfterFrom);
    return registerChild(details);
  }

  private ProcessInstance episode(String child, String type, String from, String returnedAt) {
    return missingEpisode(child, type, from, returnedAt, "sarah");
  }

  private void completeVisit(ProcessInstance arrangement, String taskKey, String visitedAt, String lateReason) {
    complete(arrangement, taskKey, "sarah", variables("visitedAt", visitedAt, "seenAlone", true, "householdSeen", true,
        "visitReport", "Warm home; child settled", "lateReason", lateReason));
  }

  private void report(ProcessInstance decision) {
    complete(decision, "prepareChildPermanenceReport", "sarah", variables("cprChildAndFamily", "Lives with foster carers",
        "siblingCount", 0, "cprHealthSummary", "Healthy", "cprWishesAndFeelings", "Too young", "cprContact", "Letterbox",
        "cprChronology", "Events", "cprOptionsAnalysis", "Adoption best"));
    complete(decision, "qualityAssureCpr", "tom", variables("cprApproved", true, "managerRationale", "Complete"));
  }

  /** Decided now, on the direct route, that the child should be placed for adoption; told at once. */
  private ProcessInstance decidedToPlace(String child) {
    ProcessInstance decision = startProcess("adoptionDecision", "sarah",
        variables("childId", child, "decisionType", "SHOULD_BE_PLACED", "route", "DIRECT"));
    report(decision);
    complete(decision, "makeAgencyDecision", "ada", variables("readCpr", true, "readHealthSummary", true,
        "readLegalAdvice", true, "admApproves", true, "admReasons", OWN_REASONS));
    String now = ClockUtil.getCurrentTime().toInstant().toString();
    complete(decision, "notifyDecisionOrally", "sarah", variables("notifiedOrallyAt", now, "personsNotified", "Mother"));
    complete(decision, "notifyDecisionInWriting", "sarah", variables("writtenNoticeSentAt", now));
    return decision;
  }

  /** A review conference with everyone there, recorded by tom and signed off by tina. */
  private void review(ProcessInstance plan, String heldOn, String decision) {
    Map<String, Object> review = variables("reviewHeldOn", heldOn, "reviewDecision", decision);
    variablesOf(review).put("attendees", participants(SOCIAL_WORKER, POLICE, HEALTH));
    if ("CHANGE_CATEGORY".equals(decision)) {
      variablesOf(review).put("latestCategoryOfAbuse", Map.of("value", "EMOTIONAL", "type", "String"));
    }
    if ("END_PLAN".equals(decision)) {
      variablesOf(review).put("cppEndReason", Map.of("value", "Risks reduced; child in need plan", "type", "String"));
    }
    complete(plan, "recordReviewConference", "tom", review);
    complete(plan, "approvePlanOutcomes", "tina", variables("outcomesApproved", true, "managerRationale", "Agreed"));
  }

  private void milestone(ProcessInstance decision, String messageName, String field, String on) {
    Reply reply = api.post("/engine-rest/message", "sarah", Map.of("messageName", messageName,
        "processInstanceId", decision.getId(), "processVariables", Map.of(field, Map.of("value", on, "type", "String"))));
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }

  private void decidedNoLongerToPlace(ProcessInstance decision, String on, String reason) {
    Reply reply = api.post("/engine-rest/message", "sarah", Map.of("messageName", "DecidedNoLongerToPlace",
        "processInstanceId", decision.getId(), "processVariables", Map.of(
            "noLongerToBePlacedOn", Map.of("value", on, "type", "String"),
            "noLongerToBePlacedReason", Map.of("value", reason, "type", "String"))));
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }

  // --- the files ---

  /** The file's header and our children's rows, in its order, with this run's ids as the expected file names them. */
  private List<String> ours(String path) {
    Reply reply = api.get(path, "tom");
    assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
    List<String> lines = new ArrayList<>();
    String[] all = reply.body().split("\r\n");
    lines.add(all[0]);
    for (int i = 1; i < all.length; i++) {
      if (all[i].contains(run)) {
        String line = all[i].replace(run, "{run}");
        for (Map.Entry<String, String> name : caseNames.entrySet()) {
          line = line.replace(name.getKey(), name.getValue());
        }
        lines.add(line);
      }
    }
    return lines;
  }

  private static List<String> expected(String file) {
    try (InputStream in = ReturnsYearTest.class.getResourceAsStream("/returns/2025-26/" + file)) {
      assertThat(in).as(file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
