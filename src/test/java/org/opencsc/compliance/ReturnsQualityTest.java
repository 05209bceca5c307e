package org.opencsc.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /api/returns/quality}: per child, what the returns need and is missing or wrong. */
class ReturnsQualityTest extends ApplicationTest {

  @AfterEach
  void deleteOpenCases() {
    deleteTheOpenCasesThisTestStarted();
  }


  @Autowired
  private JdbcTemplate jdbc;

  private String register(Map<String, Object> body) {
    Reply reply = api.post("/api/children", "sarah", body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().get("id").asText();
  }

  private static Map<String, List<String>> byChild(JsonNode quality) {
    Map<String, List<String>> found = new HashMap<>();
    quality.forEach(child -> {
      List<String> fields = new ArrayList<>();
      child.get("problems").forEach(problem -> fields.add(problem.get("field").asText() + ": " + problem.get("problem").asText()));
      found.put(child.get("childId").asText(), fields);
    });
    return found;
  }

  @Test
  void eachChildIsListedWithWhatTheReturnsStillNeedAndACompleteRecordIsNot() {
    Map<String, Object> complete = new HashMap<>(Map.of("name", "Qa Complete", "dateOfBirth", "2012-04-01",
        "laChildId", "QA" + UUID.randomUUID().toString().substring(0, 8), "upn", "H801200001001", "gender", "MALE",
        "ethnicity", "BAFR", "lookedAfter", true, "lookedAfterFrom", "2020-01-01"));
    complete.put("allocatedWorker", "sarah");
    String whole = register(complete);
    String sparse = register(Map.of("name", "Qa Sparse", "dateOfBirth", "2012-04-01"));
    String baby = register(Map.of("name", "Qa Baby", "dateOfBirth", LocalDate.now().minusMonths(3).toString(),
        "laChildId", "QB" + UUID.randomUUID().toString().substring(0, 8), "gender", "FEMALE", "ethnicity", "WBRI",
        "allocatedWorker", "sam"));
    // A child recorded before the returns' fields existed, or written by another system.
    String old = UUID.randomUUID().toString();
    jdbc.update("insert into child (id, name, date_of_birth, looked_after, disabled, created_at, created_by, upn, gender) "
        + "values (?, 'Qa Old', ?, true, false, ?, 'migration', 'X1234', 'F')", old, LocalDate.parse("2010-05-05"),
        java.sql.Timestamp.from(Instant.now()));

    Map<String, List<String>> found = byChild(api.get("/api/returns/quality", "tom").json());
    assertThat(found).doesNotContainKey(whole).doesNotContainKey(baby);
    assertThat(found.get(sparse)).extracting(line -> line.substring(0, line.indexOf(':'))).containsExactly(
        "laChildId", "upn", "gender", "ethnicity", "allocatedWorker");
    assertThat(found.get(old)).containsExactly(
        "laChildId: missing: every return is keyed on the council's own id for the child",
        "upn: not a Unique Pupil Number (13 characters, the first the DfE check letter)",
        "gender: not one of the DfE's codes (MALE, FEMALE, NOT_STATED, NEITHER)",
        "ethnicity: missing",
        "lookedAfterFrom: missing: the child is looked after, but no looked-after period says since when",
        "allocatedWorker: missing: the Annex A lists name the child's allocated worker");

    // Put right, the child leaves the list.
    var periodRecorded = api.post("/api/children/" + old + "/looked-after-periods", "sarah", Map.of("from", "2015-01-01"));
    assertThat(periodRecorded.status()).as(periodRecorded.body()).isEqualTo(200);
    assertThat(byChild(api.get("/api/returns/quality", "tom").json()).get(old)).noneMatch(line -> line.startsWith("lookedAfterFrom"));
  }

  @Test
  void aSocialWorkerSeesTheChildrenOfTheirOwnCasesOthersNone() {
    String theirs = register(Map.of("name", "Qa Theirs", "dateOfBirth", "2013-04-01"));
    String another = register(Map.of("name", "Qa Another", "dateOfBirth", "2013-04-01"));
    startProcess("missingEpisode", "sam", variables("childId", theirs, "episodeType", "AWAY",
        "missingFrom", Instant.now().minusSeconds(3600).toString()));
    Map<String, List<String>> seen = byChild(api.get("/api/returns/quality", "sam").json());
    assertThat(seen).containsKey(theirs).doesNotContainKey(another);
    assertThat(api.get("/api/returns/quality", "pam").status()).isEqualTo(403);
    assertThat(byChild(api.get("/api/returns/quality", "alex").json())).containsKeys(theirs, another);
  }
}
