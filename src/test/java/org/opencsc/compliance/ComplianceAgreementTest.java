package org.opencsc.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.opencsc.WorkflowFixture;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The figures, the breach register and the Annex A exports tell an inspector the same story:
 * four missing episodes of one looked-after child (interview held on time, declined in time,
 * not offered, held late), and every step the summary counts as missed has its breach, in the
 * API and in the export alike. The dashboard draws the same summary and register.
 */
class ComplianceAgreementTest extends ApplicationTest {

  @Test
  void theSummaryTheBreachRegisterAndTheExportsAgreeOnAMixedSetOfCases() {
    clockAt(Instant.parse("2027-03-01T10:00:00Z"));
    String child = registerChild("Agreement Child");
    Figures before = Figures.of(summary());

    // Four episodes of one child, one after another (a child's episodes never overlap).
    ProcessInstance heldOnTime = returnedEpisode(child, "2027-02-28T10:00:00Z", "2027-02-28T12:00:00Z");
    ProcessInstance declined = returnedEpisode(child, "2027-02-28T13:00:00Z", "2027-02-28T15:00:00Z");
    ProcessInstance notOffered = returnedEpisode(child, "2027-02-28T16:00:00Z", "2027-02-28T18:00:00Z");
    ProcessInstance heldLate = returnedEpisode(child, "2027-02-28T19:00:00Z", "2027-03-01T08:00:00Z");
    complete(heldOnTime, "offerReturnInterview", "sarah", accepted());
    complete(declined, "offerReturnInterview", "sarah", variables("rhiOffered", true,
        "rhiOfferedAt", "2027-03-01T09:00:00Z", "rhiAccepted", false, "rhiDeclineReason", "Did not want to talk"));
    complete(notOffered, "offerReturnInterview", "sarah",
        variables("rhiOffered", false, "rhiNotOfferedReason", "No interviewer free this week"));
    complete(heldLate, "offerReturnInterview", "sarah", accepted());

    clockAt(Instant.parse("2027-03-06T10:00:00Z"));
    complete(heldOnTime, "conductReturnInterview", "sam", interview("2027-03-02T10:00:00Z", null));
    complete(heldLate, "conductReturnInterview", "sam", interview("2027-03-05T10:00:00Z", "Child unwell all week"));

    // The figures: two completed steps missed (the offer never made, the interview held late).
    Figures after = Figures.of(summary());
    assertThat(after.cases - before.cases).isEqualTo(4);
    assertThat(after.missedCompleted() - before.missedCompleted()).isEqualTo(2);

    // The register, through the API and in the export, names exactly those two.
    JsonNode register = api.get("/api/compliance/breaches?childId=" + child, "tom").json();
    List<String> apiCodes = new ArrayList<>();
    register.forEach(breach -> apiCodes.add(breach.get("code").asText() + " " + breach.get("processInstanceId").asText()));
    assertThat(apiCodes).containsExactlyInAnyOrder("RHI_NOT_OFFERED " + notOffered.getId(),
        "RHI_NOT_WITHIN_72H " + heldLate.getId());
    List<String> exported = rowsFor(api.get("/api/compliance/export/breaches.csv", "tom").body(), child).stream()
        .map(row -> row.split(",")[0].replace("\"", "") + " " + row.split(",")[2].replace("\"", "")).toList();
    assertThat(exported).containsExactlyInAnyOrderElementsOf(apiCodes);

    // Annex A list 8: four episodes; the last one (held late) was offered and accepted.
    assertThat(CsvRows.of(api.get("/api/compliance/export/annex-a-list8.csv", "tom").body(), child)).singleElement()
        .satisfies(row -> assertThat(row).containsAllEntriesOf(Map.of(
            "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months", "4",
            "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months", "0",
            "Was the child offered a Return Interview after their last missing episode (Y/N)?", "a) Yes",
            "Did the child accept a Return Interview after their last missing episode (Y/N)?", "a) Yes")));
  }

  private ProcessInstance returnedEpisode(String child, String missingFrom, String returnedAt) {
    ProcessInstance episode = startProcess("missingEpisode", "sarah",
        variables("childId", child, "episodeType", "MISSING", "missingFrom", missingFrom));
    complete(episode, "recordReturn", "sam", variables("returnedAt", returnedAt));
    return episode;
  }

  private static Map<String, Object> accepted() {
    return variables("rhiOffered", true, "rhiOfferedAt", "2027-03-01T09:00:00Z", "rhiAccepted", true);
  }

  private static Map<String, Object> interview(String heldAt, String lateReason) {
    Map<String, Object> body = variables("rhiHeldAt", heldAt, "interviewer", WorkflowFixture.RETURN_INTERVIEWER,
        "interviewerIndependent", true, "pushPullFactors", "Conflict at home", "harmDisclosed", false,
        "interviewSummary", "Child safe");
    if (lateReason != null) {
      variablesOf(body).put("lateReason", Map.of("value", lateReason, "type", "String"));
    }
    return body;
  }

  private JsonNode summary() {
    Reply reply = api.get("/api/compliance/summary", "tom");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    for (JsonNode figures : reply.json()) {
      if ("missingEpisode".equals(figures.get("process").asText())) {
        return figures;
      }
    }
    throw new AssertionError("No missing-episode figures in " + reply.body());
  }

  private static List<String> rowsFor(String csv, String childId) {
    return Arrays.stream(csv.split("\r\n")).filter(line -> line.contains(childId)).toList();
  }

  /** One process's summary: completed steps that were missed are due − on time − overdue now. */
  private record Figures(long cases, long due, long onTime, long overdue) {
    static Figures of(JsonNode figures) {
      return new Figures(figures.get("cases").asLong(), figures.get("stepsDue").asLong(),
          figures.get("stepsOnTime").asLong(), figures.get("overdueSteps").asLong());
    }

    long missedCompleted() {
      return due - onTime - overdue;
    }
  }
}
