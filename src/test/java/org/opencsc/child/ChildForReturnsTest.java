package org.opencsc.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;
import org.opencsc.Variables;
import org.opencsc.calendar.LondonTime;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The child as the statutory returns know them: the council's own id, UPN, gender, ethnicity,
 * UASC, allocated team and worker, and looked-after periods that say whether the child was
 * looked after on a given day. Bad values are refused naming the field, and nothing is written.
 */
class ChildForReturnsTest extends ApplicationTest {

  @Autowired
  private ChildRepository children;
  @Autowired
  private LookedAfterPeriodRepository periodRows;
  @Autowired
  private LookedAfterPeriods periods;

  private static String laChildId() {
    return "LA" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aChildRegisteredWithWhatTheReturnsNeedReadsBackWithItsLookedAfterPeriod() {
    String laChildId = laChildId();
    Map<String, Object> body = new HashMap<>(Map.of("name", "Rae Returns", "dateOfBirth", "2012-04-01",
        "lookedAfter", true, "lookedAfterFrom", "2024-09-02", "laChildId", " " + laChildId + " ",
        "upn", "h801200001001", "gender", "FEMALE", "ethnicity", "WBRI", "uasc", false));
    body.putAll(Map.of("allocatedTeam", "North", "allocatedWorker", "sarah"));
    Reply reply = api.post("/api/children", "sarah", body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    JsonNode child = api.get("/api/children/" + reply.json().get("id").asText(), "tom").json();
    assertThat(child.get("laChildId").asText()).as("trimmed").isEqualTo(laChildId);
    assertThat(child.get("upn").asText()).as("in capitals, as the DfE writes it").isEqualTo("H801200001001");
    assertThat(child.get("gender").asText()).isEqualTo("FEMALE");
    assertThat(child.get("ethnicity").asText()).isEqualTo("WBRI");
    assertThat(child.get("uasc").asBoolean()).isFalse();
    assertThat(child.get("allocatedTeam").asText()).isEqualTo("North");
    assertThat(child.get("allocatedWorker").asText()).isEqualTo("sarah");
    assertThat(child.get("lookedAfterPeriods").toString()).isEqualTo("[{\"from\":\"2024-09-02\",\"to\":null}]");
    String id = reply.json().get("id").asText();
    assertThat(periods.lookedAfterOn(id, LocalDate.parse("2024-09-02"))).isTrue();
    assertThat(periods.lookedAfterOn(id, LocalDate.parse("2024-09-01"))).isFalse();
  }

  /** The allocated worker follows the casework: a visit by another worker moves it; a manager's sign-off does not. */
  @Test
  void theAllocatedWorkerIsWhoeverDidTheCaseworkLast() {
    Map<String, Object> body = new HashMap<>(Map.of("name", "Ari Allocated", "dateOfBirth", "2012-04-01",
        "laChildId", laChildId(), "allocatedTeam", "North", "allocatedWorker", "sarah"));
    String id = api.post("/api/children", "sarah", body).json().get("id").asText();
    ProcessInstance episode = startProcess("missingEpisode", "sarah",
        Variables.variables("childId", id, "episodeType", "MISSING", "missingFrom", LondonTime.format(LondonTime.now().minusHours(5))));
    complete(episode, "assessMissingRisk", "sam", Variables.variables("riskLevel", "MEDIUM", "cseRisk", false,
        "cceRisk", false, "radicalisationRisk", false, "traffickingRisk", false, "riskSummary", "Known pattern"));
    assertThat(api.get("/api/children/" + id, "tom").json().get("allocatedWorker").asText()).isEqualTo("sam");
    complete(episode, "approveMissingRisk", "tom", Variables.variables("riskApproved", true, "managerRationale", "Fine"));
    assertThat(api.get("/api/children/" + id, "tom").json().get("allocatedWorker").asText())
        .as("a manager's sign-off is not casework").isEqualTo("sam");
    complete(episode, "recordReturn", "sarah", Variables.variables("returnedAt", LondonTime.format(LondonTime.now().minusHours(1))));
    assertThat(api.get("/api/children/" + id, "tom").json().get("allocatedWorker").asText()).isEqualTo("sarah");
    deleteTheOpenCasesThisTestStarted();
  }

  @Test
  void aChildLookedAfterWithoutAStartDateIsLookedAfterFromToday() {
    String id = api.post("/api/children", "sarah", Map.of("name", "Tay Today", "dateOfBirth", "2015-01-01",
        "lookedAfter", true)).json().get("id").asText();
    assertThat(periods.of(id)).singleElement().satisfies(period -> {
      assertThat(period.getFrom()).isEqualTo(LondonTime.now().toLocalDate());
      assertThat(period.getTo()).isNull();
    });
  }

  @Test
  void theDfEsOwnExampleUpnsPassAndAWrongCheckLetterFails() {
    // From the DfE's guidance on Unique Pupil Numbers: a permanent and a temporary UPN.
    assertThat(Upn.valid("H801200001001")).isTrue();
    assertThat(Upn.valid("G80120000101A")).isTrue();
    assertThat(Upn.valid("Z801200001001")).as("wrong check letter").isFalse();
    assertThat(Upn.valid("H80120000100")).as("12 characters").isFalse();
    assertThat(Upn.valid("I801200001001")).as("I is not a check letter").isFalse();
    assertThat(Upn.valid("H8012000010O1")).as("a letter inside").isFalse();
  }

  @ParameterizedTest(name = "{0}={1} is refused")
  @CsvSource(delimiter = '|', value = {
      "upn|Z801200001001|upn: must be a Unique Pupil Number",
      "upn|H8012000010|upn: must be a Unique Pupil Number",
      "gender|F|gender: must be one of MALE, FEMALE, NOT_STATED, NEITHER",
      "ethnicity|WHITE|ethnicity: must be one of WBRI",
      "uasc|no|uasc: must be true or false",
      "allocatedWorker|nobody-here|allocatedWorker: must be a known user id",
      "lookedAfterFrom|2011-01-01|lookedAfterFrom: must not be before dateOfBirth or in the future",
      "lookedAfterFrom|2999-01-01|lookedAfterFrom: must not be before dateOfBirth or in the future",
      "laChildId|'two\nlines'|laChildId: must be one line"})
  void aBadValueIs400NamingTheFieldAndWritesNothing(String field, String value, String message) {
    long before = children.count();
    long periodsBefore = periodRows.count();
    Map<String, Object> body = new HashMap<>(Map.of("name", "Bo Bad", "dateOfBirth", "2012-04-01", "lookedAfter", true));
    body.put(field, value.replace("\\n", "\n"));
    Reply reply = api.post("/api/children", "sarah", body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.message()).contains(message);
    assertThat(children.count()).isEqualTo(before);
    assertThat(periodRows.count()).isEqualTo(periodsBefore);
  }

  @Test
  void theCouncilsIdIsOneChildsOnlyAndAStartDateIsForAChildLookedAfter() {
    String laChildId = laChildId();
    assertThat(api.post("/api/children", "sarah", Map.of("name", "Uni One", "dateOfBirth", "2012-04-01",
        "laChildId", laChildId)).status()).isEqualTo(201);
    Reply again = api.post("/api/children", "sarah", Map.of("name", "Uni Two", "dateOfBirth", "2013-04-01",
        "laChildId", laChildId));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.message()).contains("laChildId: is already the id of another child");
    Reply notLookedAfter = api.post("/api/children", "sarah", Map.of("name", "Uni Three", "dateOfBirth", "2013-04-01",
        "lookedAfterFrom", "2020-01-01"));
    assertThat(notLookedAfter.status()).isEqualTo(400);
    assertThat(notLookedAfter.message()).contains("lookedAfterFrom: is only for a child looked after");
  }

  @Test
  void periodsAreAddedAndEndedAndNeverOverlap() {
    String id = api.post("/api/children", "sarah", Map.of("name", "Per Iods", "dateOfBirth", "2010-06-01",
        "lookedAfter", true, "lookedAfterFrom", "2023-01-10")).json().get("id").asText();
    String path = "/api/children/" + id + "/looked-after-periods";

    Reply ended = api.post(path, "sarah", Map.of("from", "2023-01-10", "to", "2024-03-31"));
    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    assertThat(ended.body()).isEqualTo("[{\"from\":\"2023-01-10\",\"to\":\"2024-03-31\"}]");
    assertThat(children.findById(id).orElseThrow().isLookedAfter()).as("no period open today").isFalse();

    Map<String, Object> overlapping = new HashMap<>(Map.of("from", "2024-03-31"));
    overlapping.put("to", null);
    Reply refused = api.post(path, "sarah", overlapping);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).contains("from: overlaps another looked-after period");
    assertThat(periods.of(id)).hasSize(1);

    Reply again = api.post(path, "tom", Map.of("from", "2025-05-01"));
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.body()).isEqualTo("[{\"from\":\"2023-01-10\",\"to\":\"2024-03-31\"},{\"from\":\"2025-05-01\",\"to\":null}]");
    assertThat(children.findById(id).orElseThrow().isLookedAfter()).isTrue();
    assertThat(periods.lookedAfterOn(id, LocalDate.parse("2024-06-01"))).as("between periods").isFalse();
    assertThat(periods.lookedAfterOn(id, LocalDate.parse("2024-03-31"))).as("the last day counts").isTrue();

    Reply backwards = api.post(path, "sarah", Map.of("from", "2022-01-01", "to", "2021-01-01"));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.message()).contains("to: must not be before from");
    Reply beforeBirth = api.post(path, "sarah", Map.of("from", "2009-01-01", "to", "2009-02-01"));
    assertThat(beforeBirth.message()).contains("from: must not be before the child's date of birth");
    Reply unknownField = api.post(path, "sarah", Map.of("from", "2022-01-01", "reason", "x"));
    assertThat(unknownField.message()).contains("reason: is not a field of a looked-after period");
    assertThat(periods.of(id)).hasSize(2);
  }

  @Test
  void onlyThoseWhoRegisterChildrenChangeTheirPeriods() {
    String id = api.post("/api/children", "sarah", Map.of("name", "Acc Ess", "dateOfBirth", "2010-06-01"))
        .json().get("id").asText();
    assertThat(api.post("/api/children/" + id + "/looked-after-periods", "pam", Map.of("from", "2024-01-01"))
        .status()).isEqualTo(403);
    assertThat(api.post("/api/children/no-such-child/looked-after-periods", "sarah", Map.of("from", "2024-01-01"))
        .status()).isEqualTo(404);
    assertThat(periods.of(id)).isEmpty();
  }
}
