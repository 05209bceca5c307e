package org.opencsc.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;

/**
 * The CIN census's section 47 items for 2025-26, built from strategy discussions through the
 * engine and checked row by row: the enquiry's start, the conference's target (15 working days
 * from the discussion), the conference's date, and whether none was required.
 */
class CinSection47ReturnTest extends ApplicationTest {

  @AfterEach
  void deleteOpenCases() {
    deleteTheOpenCasesThisTestStarted();
  }


  private final String run = UUID.randomUUID().toString().substring(0, 6);

  private String child(String laChildId) {
    Reply reply = api.post("/api/children", "sarah", Map.of("name", "Census Child", "dateOfBirth", "2014-01-01",
        "laChildId", run + laChildId));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().get("id").asText();
  }

  private List<String> ours(String csv) {
    return Arrays.stream(csv.strip().split("\r?\n")).skip(1).map(line -> line.replace("\"", ""))
        .filter(line -> line.startsWith(run)).toList();
  }

  @Test
  void eachEnquiryOfTheYearWithItsConferenceTargetDateAndOutcome() {
    // Held Monday 9 June 2025: 15 working days on is Monday 30 June.
    ProcessInstance conference = sectionFortySevenEnquiry(child("-ICPC"), "2025-06-09T10:00:00Z");
    clockAt(Instant.parse("2025-06-27T16:00:00Z"));
    complete(conference, "recordS47Outcome", "sam", variables("s47Outcome", "ICPC_REQUIRED"));
    complete(conference, "recordIcpc", "sam", variables("icpcHeldOn", "2025-06-27", "childProtectionPlan", true, "initialCategoryOfAbuse", "NEGLECT"));

    ProcessInstance none = sectionFortySevenEnquiry(child("-NONE"), "2025-11-03T10:00:00Z");
    clockAt(Instant.parse("2025-11-10T16:00:00Z"));
    complete(none, "recordS47Outcome", "sam", variables("s47Outcome", "ICPC_NOT_REQUIRED",
        "icpcNotRequiredReason", "Concerns not substantiated; family support plan agreed"));

    sectionFortySevenEnquiry(child("-OPEN"), "2026-03-16T10:00:00Z"); // outcome not yet recorded
    sectionFortySevenEnquiry(child("-LAST"), "2025-03-20T10:00:00Z"); // the year before

    clockAt(Instant.parse("2026-04-10T10:00:00Z"));
    Reply reply = api.get("/api/returns/cin/s47.csv?year=2025-26", "tom");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.body().lines().findFirst().orElseThrow().replace("\"", ""))
        .isEqualTo("LAchildID,S47ActualStartDate,InitialCPCtarget,DateOfInitialCPC,ICPCnotRequired");
    assertThat(ours(reply.body())).containsExactly(
        run + "-ICPC,09/06/2025,30/06/2025,27/06/2025,false",
        run + "-NONE,03/11/2025,24/11/2025,,true",
        run + "-OPEN,16/03/2026,08/04/2026,,"); // Good Friday and Easter Monday are not working days
  }
}
