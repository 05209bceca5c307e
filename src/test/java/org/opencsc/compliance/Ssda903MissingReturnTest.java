package org.opencsc.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;

/**
 * The SSDA903 Missing table for 2025-26 (1 April 2025 – 31 March 2026), built from a year of
 * episodes and checked row by row, then against each of the DfE's rules for the table: each rule
 * passes on our file and fails on a file made to break it.
 */
class Ssda903MissingReturnTest extends ApplicationTest {

  @AfterEach
  void deleteOpenCases() {
    deleteTheOpenCasesThisTestStarted();
  }


  private static final DateWindow YEAR = DateWindow.collectionYear("2025-26");
  private final String run = UUID.randomUUID().toString().substring(0, 6);

  @BeforeEach
  void afterTheYear() {
    clockAt(Instant.parse("2026-04-05T10:00:00Z"));
  }

  private String child(String laChildId, String dateOfBirth, String lookedAfterFrom) {
    Map<String, Object> details = new HashMap<>(Map.of("name", "Year Child " + laChildId, "dateOfBirth", dateOfBirth,
        "laChildId", run + laChildId));
    details.put("lookedAfterFrom", lookedAfterFrom);
    return registerChild(details);
  }

  private ProcessInstance episode(String child, String type, String from, String returnedAt) {
    return missingEpisode(child, type, from, returnedAt, "sam");
  }

  private String export(String user) {
    Reply reply = api.get("/api/returns/ssda903/missing.csv?year=2025-26", user);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.body();
  }

  /** Our children's rows, in the file's order, quotes removed. */
  private List<String> ours(String csv) {
    return Arrays.stream(csv.strip().split("\r?\n")).skip(1).map(line -> line.replace("\"", ""))
        .filter(line -> line.startsWith(run)).toList();
  }

  @Test
  void aYearOfEpisodesGivesTheTableRowByRowAndEveryDfERuleHolds() {
    String twice = child("-TWICE", "2011-02-03", "2024-01-01");
    episode(twice, "MISSING", "2025-06-10T19:00:00Z", "2025-06-11T08:00:00Z");
    episode(twice, "MISSING", "2026-03-30T21:00:00Z", "2026-04-02T09:00:00Z"); // still open at 31 March
    String away = child("-AWAY", "2012-05-06", "2023-06-01");
    episode(away, "AWAY", "2025-09-01T17:00:00Z", "2025-09-02T10:00:00Z");
    String partYear = child("-PART", "2013-07-08", "2025-04-01");
    api.post("/api/children/" + partYear + "/looked-after-periods", "sarah", Map.of("from", "2025-04-01", "to", "2025-08-31"));
    episode(partYear, "MISSING", "2025-07-01T20:00:00Z", "2025-07-02T07:00:00Z");
    episode(partYear, "MISSING", "2025-10-01T20:00:00Z", "2025-10-02T07:00:00Z"); // no longer looked after
    String crossing = child("-CROSS", "2010-09-10", "2022-02-02");
    episode(crossing, "MISSING", "2025-03-30T22:00:00Z", "2025-04-02T09:00:00Z"); // began before 1 April
    episode(crossing, "MISSING", "2024-11-01T22:00:00Z", "2024-11-02T09:00:00Z"); // ended before the year
    String notInCare = child("-HOME", "2012-01-01", null);
    episode(notInCare, "MISSING", "2025-05-05T20:00:00Z", "2025-05-06T09:00:00Z");
    String openNow = child("-OPEN", "2014-03-03", "2024-04-01");
    episode(openNow, "MISSING", "2026-03-31T22:30:00Z", null); // 31 March 23:30 UK time, not back yet

    String csv = export("tom");
    assertThat(csv.lines().findFirst().orElseThrow().replace("\"", "")).isEqualTo(Ssda903MissingChecker.HEADER);
    assertThat(ours(csv)).containsExactly(
        run + "-AWAY,06/05/2012,A,01/09/2025,02/09/2025",
        run + "-CROSS,10/09/2010,M,30/03/2025,02/04/2025",
        run + "-OPEN,03/03/2014,M,31/03/2026,",
        run + "-PART,08/07/2013,M,01/07/2025,02/07/2025",
        run + "-TWICE,03/02/2011,M,10/06/2025,11/06/2025",
        run + "-TWICE,03/02/2011,M,30/03/2026,");
    assertThat(new Ssda903MissingChecker(csv, YEAR).all()).as("every DfE rule, on the whole file").isEmpty();
  }

  @Test
  void aYearIsNamedAsTheDfENamesItAndTheTableIsForThoseWhoSeeTheFigures() {
    Reply badYear = api.get("/api/returns/ssda903/missing.csv?year=2025-2026", "tom");
    assertThat(badYear.status()).isEqualTo(400);
    assertThat(badYear.message()).contains("year: must be a collection year such as 2025-26");
    assertThat(api.get("/api/returns/ssda903/missing.csv?year=2025-27", "tom").status()).isEqualTo(400);
    assertThat(api.get("/api/returns/ssda903/nothing.csv?year=2025-26", "tom").status()).isEqualTo(404);
    assertThat(api.get("/api/returns/ssda903/missing.csv?year=2025-26", "pam").status()).isEqualTo(403);
    assertThat(api.get("/api/returns/ssda903/missing.csv?year=2025-26", "alex").status()).isEqualTo(200);

    // A social worker's file holds the episodes of their own cases only.
    String mine = child("-MINE", "2012-02-02", "2024-01-01");
    episode(mine, "MISSING", "2025-06-10T19:00:00Z", "2025-06-11T08:00:00Z");
    assertThat(ours(export("sarah"))).containsExactly(run + "-MINE,02/02/2012,M,10/06/2025,11/06/2025");
    assertThat(ours(export("tina"))).as("a manager sees every case").hasSize(1);
  }

  // --- each DfE rule fails on a file made to break it ---

  private static List<String> broken(String rows, Function<Ssda903MissingChecker, List<String>> rule) {
    return rule.apply(new Ssda903MissingChecker(Ssda903MissingChecker.HEADER + "\n" + rows, YEAR));
  }

  @Test
  void ruleStartPresentAndValid() {
    assertThat(broken("C1,01/01/2010,M,,", Ssda903MissingChecker::startPresentAndValid)).hasSize(1);
    assertThat(broken("C1,01/01/2010,M,31/02/2025,", Ssda903MissingChecker::startPresentAndValid)).hasSize(1);
    assertThat(broken("C1,01/01/2010,M,01/05/2025,", Ssda903MissingChecker::startPresentAndValid)).isEmpty();
  }

  @Test
  void ruleTypeGivenWithAStart() {
    assertThat(broken("C1,01/01/2010,,01/05/2025,", Ssda903MissingChecker::typeGivenWithAStart)).hasSize(1);
    assertThat(broken("C1,01/01/2010,X,01/05/2025,", Ssda903MissingChecker::typeGivenWithAStart)).hasSize(1);
    assertThat(broken("C1,01/01/2010,A,01/05/2025,", Ssda903MissingChecker::typeGivenWithAStart)).isEmpty();
  }

  @Test
  void ruleEndNotBeforeStart() {
    assertThat(broken("C1,01/01/2010,M,05/05/2025,04/05/2025", Ssda903MissingChecker::endNotBeforeStart)).hasSize(1);
    assertThat(broken("C1,01/01/2010,M,05/05/2025,05/05/2025", Ssda903MissingChecker::endNotBeforeStart)).isEmpty();
  }

  @Test
  void ruleStartNotAfterTheYear() {
    assertThat(broken("C1,01/01/2010,M,01/04/2026,", Ssda903MissingChecker::startNotAfterTheYear)).hasSize(1);
    assertThat(broken("C1,01/01/2010,M,31/03/2026,", Ssda903MissingChecker::startNotAfterTheYear)).isEmpty();
  }

  @Test
  void ruleEndWithinTheYear() {
    assertThat(broken("C1,01/01/2010,M,30/03/2026,02/04/2026", Ssda903MissingChecker::endWithinTheYear)).hasSize(1);
    assertThat(broken("C1,01/01/2010,M,30/03/2025,31/03/2025", Ssda903MissingChecker::endWithinTheYear)).hasSize(1);
    assertThat(broken("C1,01/01/2010,M,30/03/2025,01/04/2025", Ssda903MissingChecker::endWithinTheYear)).isEmpty();
  }

  @Test
  void ruleNoOverlapNorNewWhileOpen() {
    assertThat(broken("C1,01/01/2010,M,01/05/2025,10/05/2025\nC1,01/01/2010,M,05/05/2025,06/05/2025",
        Ssda903MissingChecker::noOverlapNorNewWhileOpen)).as("inside another").hasSize(1);
    assertThat(broken("C1,01/01/2010,M,01/05/2025,\nC1,01/01/2010,M,05/06/2025,06/06/2025",
        Ssda903MissingChecker::noOverlapNorNewWhileOpen)).as("while one is open").hasSize(1);
    assertThat(broken("C1,01/01/2010,M,01/05/2025,10/05/2025\nC1,01/01/2010,M,10/05/2025,\nC2,01/01/2010,M,02/05/2025,",
        Ssda903MissingChecker::noOverlapNorNewWhileOpen)).as("one after another; another child").isEmpty();
  }

  @Test
  void ruleNotBeforeBirth() {
    assertThat(broken("C1,01/06/2025,M,01/05/2025,", Ssda903MissingChecker::notBeforeBirth)).hasSize(1);
    assertThat(broken("C1,01/05/2025,M,01/05/2025,", Ssda903MissingChecker::notBeforeBirth)).isEmpty();
  }
}
