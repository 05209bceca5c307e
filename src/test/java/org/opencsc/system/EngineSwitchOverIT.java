package org.opencsc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.opencsc.Api;
import org.opencsc.Api.Reply;
import org.opencsc.CaseJourney;
import org.opencsc.CaseJourney.Context;
import org.opencsc.CaseJourney.Step;

/**
 * The switch from one engine to the other on the same PostgreSQL database, as the runbook in
 * docs/operations.md does it (issue 29). The build in {@code switch-over.from.jar} (Camunda 7.24 CE)
 * runs first: whole cases of every process, missing episodes whose chase timers fall due after
 * the switch, and a strategy discussion whose first step the manager has opened. It stops; this
 * build (Operaton, made by tools/operaton/convert.sh) starts on the same database. Every open case,
 * task, timer, deployment and history row is still there; each timer runs once, on the new engine;
 * the opened step is completed by the manager who opened it. Then the way back: the first build
 * again on the same database, with everything the second left.
 *
 * <p>Runs only when given the jar to switch from: the Operaton job in CI passes the Camunda build.
 */
@EnabledIfSystemProperty(named = "switch-over.from.jar", matches = ".+")
class EngineSwitchOverIT {

  private static final int TIMER_CASES = 3;
  /** Long enough for the first build to stop and the second to start before the timers fall due. */
  private static final Duration TIMERS_DUE_IN = Duration.ofSeconds(90);
  /** Everything the engine keeps of a case's past, with its key. */
  private static final Map<String, String> HISTORY = Map.of(
      "act_hi_procinst", "id_", "act_hi_actinst", "id_", "act_hi_taskinst", "id_", "act_hi_varinst", "id_",
      "act_hi_op_log", "id_", "act_hi_job_log", "id_", "act_hi_identitylink", "id_");

  @TempDir
  Path dataDir;

  @Test
  void everyCaseTaskTimerAndHistoryRowCarriesOnOnTheOtherEngine() throws Exception {
    Path fromJar = Path.of(System.getProperty("switch-over.from.jar"));
    assertThat(fromJar).as("the build to switch from").isRegularFile();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      Map<String, String> environment = Map.of("OPENCSC_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
          "OPENCSC_DB_USER", "postgres", "OPENCSC_DB_PASSWORD", "postgres");
      String[] profiles = {"--spring.profiles.active=postgres,demo"};

      // 1. The first engine, with cases in every state.
      String fromVersion;
      List<String> timerCases = new ArrayList<>();
      Instant timersDue;
      String openedCase;
      String openedTask;
      Instant stoppedAt;
      CaseJourney strategy = journey("strategyDiscussion");
      Step opened = strategy.steps().get(0);
      try (RunningApplication from = RunningApplication.launchJar(List.of(), fromJar, dataDir, environment, profiles)
          .awaitReady()) {
        Api api = new Api(from.port);
        fromVersion = engineVersion(api);
        for (CaseJourney journey : CaseJourney.all()) {
          journey.run(api, TimerCases.register(api, "Switch Child " + journey.processKey()),
              "SWITCH-" + journey.processKey());
        }
        timersDue = Instant.now().plus(TIMERS_DUE_IN);
        for (int i = 0; i < TIMER_CASES; i++) {
          timerCases.add(TimerCases.returnedChildAwaitingInterview(api, timersDue, i));
        }
        String child = TimerCases.register(api, "Switch Child opened");
        Map<String, Object> start = new HashMap<>(strategy.start()
            .apply(new Context(child, "SWITCH-OPENED", Instant.now())));
        start.put("businessKey", "SWITCH-OPENED");
        Reply started = api.post("/engine-rest/process-definition/key/strategyDiscussion/start", strategy.starter(),
            start);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        openedCase = started.json().get("id").asText();
        openedTask = api.get("/engine-rest/task?processInstanceId=" + openedCase + "&taskDefinitionKey="
            + opened.taskKey() + "&maxResults=2", opened.user()).json().get(0).get("id").asText();
        Reply claimed = api.post("/engine-rest/task/" + openedTask + "/claim", opened.user(),
            Map.of("userId", opened.user()));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
      }
      stoppedAt = Instant.now();
      assertThat(stoppedAt).as("the first engine stops before the timers fall due").isBefore(timersDue);

      Snapshot before;
      try (Connection db = postgres.getPostgresDatabase().getConnection()) {
        before = Snapshot.of(db);
        // The runbook's one step between the two: web sessions of the old webapps end (they hold
        // the old engine's classes); practitioners log in again.
        try (Statement statement = db.createStatement()) {
          statement.executeUpdate("delete from spring_session");
        }
      }

      // 2. The second engine on the same database.
      try (RunningApplication to = RunningApplication.launch(dataDir, environment, profiles).awaitReady()) {
        Instant readyAt = Instant.now();
        Api api = new Api(to.port);
        String toVersion = engineVersion(api);
        System.out.printf("Switch-over on PostgreSQL: %s -> %s; %d open cases, %d open tasks, %d timers, "
            + "%d history rows carried over; the second engine ready %.1f s after the first stopped%n",
            fromVersion, toVersion, before.openCases.size(), before.openTasks.size(), before.timers.size(),
            before.historyRows(), Duration.between(stoppedAt, readyAt).toMillis() / 1000.0);
        assertThat(toVersion).as("the engine after the switch").isNotEqualTo(fromVersion);
        assertThat(readyAt).as("the second engine is up before the timers fall due").isBefore(timersDue);

        try (Connection db = postgres.getPostgresDatabase().getConnection()) {
          Snapshot after = Snapshot.of(db);
          assertThat(after.schemaLog).as("no schema change").isEqualTo(before.schemaLog);
          assertThat(after.deployments).as("no deployment made again").isEqualTo(before.deployments);
          assertThat(after.openCases).as("open cases").isEqualTo(before.openCases);
          assertThat(after.openTasks).as("open tasks, with who holds them").isEqualTo(before.openTasks);
          assertThat(after.timers).as("waiting timers, with their due dates").isEqualTo(before.timers);
          before.history.forEach((table, ids) ->
              assertThat(after.history.get(table)).as(table + " rows from before the switch").containsAll(ids));
        }

        // The step the manager opened before the switch is completed after it.
        Reply completed = api.post("/engine-rest/task/" + openedTask + "/complete", opened.user(),
            opened.answers().apply(new Context("unused", "SWITCH-OPENED", Instant.now())));
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        String next = strategy.steps().get(1).taskKey();
        assertThat(api.get("/engine-rest/task?processInstanceId=" + openedCase + "&taskDefinitionKey=" + next
            + "&maxResults=2", strategy.steps().get(1).user()).json().size())
            .as(next + " open after " + opened.taskKey()).isEqualTo(1);

        // Each timer falls due after the switch and runs once, on the second engine.
        await("each chase task open and its timer gone").atMost(TIMERS_DUE_IN.plusSeconds(60))
            .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
            .until(() -> TimerCases.chaseTasks(api, timerCases) >= TIMER_CASES
                && TimerCases.chaseTimers(api, timerCases) == 0);
        try (Connection db = postgres.getPostgresDatabase().getConnection()) {
          for (String instance : timerCases) {
            assertThat(TimerCases.count(db, "select count(*) from act_hi_job_log where job_state_ = 2 and act_id_ = "
                + "'startEvent_48HoursPassed' and process_instance_id_ = ? and timestamp_ > ?", instance,
                java.sql.Timestamp.from(readyAt))).as("the chase timer of " + instance + " ran once after the switch")
                .isEqualTo(1);
            assertThat(TimerCases.count(db, "select count(*) from act_hi_job_log where job_state_ = 2 and act_id_ = "
                + "'startEvent_48HoursPassed' and process_instance_id_ = ?", instance))
                .as("and never before").isEqualTo(1);
          }
        }
      }

      // 3. The way back, while the schema is the same: the first build again, on what the second left.
      Snapshot onTheSecond;
      try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement statement = db.createStatement()) {
        onTheSecond = Snapshot.of(db);
        statement.executeUpdate("delete from spring_session");
      }
      try (RunningApplication back = RunningApplication.launchJar(List.of(), fromJar, dataDir, environment, profiles)
          .awaitReady()) {
        Api api = new Api(back.port);
        assertThat(engineVersion(api)).as("back on the first engine").isEqualTo(fromVersion);
        try (Connection db = postgres.getPostgresDatabase().getConnection()) {
          Snapshot after = Snapshot.of(db);
          assertThat(after.schemaLog).isEqualTo(before.schemaLog);
          assertThat(after.deployments).isEqualTo(before.deployments);
          assertThat(after.openCases).isEqualTo(onTheSecond.openCases);
          assertThat(after.openTasks).isEqualTo(onTheSecond.openTasks);
          onTheSecond.history.forEach((table, ids) -> assertThat(after.history.get(table)).as(table).containsAll(ids));
        }
        // The step that followed on the second engine is taken up on the first.
        String next = strategy.steps().get(1).taskKey();
        String nextTask = api.get("/engine-rest/task?processInstanceId=" + openedCase + "&taskDefinitionKey=" + next
            + "&maxResults=2", strategy.steps().get(1).user()).json().get(0).get("id").asText();
        Reply claimed = api.post("/engine-rest/task/" + nextTask + "/claim", strategy.steps().get(1).user(),
            Map.of("userId", strategy.steps().get(1).user()));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
        System.out.printf("Switched back to %s: %d open cases, %d open tasks carried over%n", fromVersion,
            onTheSecond.openCases.size(), onTheSecond.openTasks.size());
      }
    }
  }

  private static CaseJourney journey(String processKey) {
    return CaseJourney.all().stream().filter(journey -> journey.processKey().equals(processKey)).findFirst()
        .orElseThrow();
  }

  private static String engineVersion(Api api) {
    Reply version = api.get("/engine-rest/version", "admin");
    assertThat(version.status()).as(version.body()).isEqualTo(200);
    return version.json().get("version").asText();
  }

  /** What the database holds of the engine's state, read directly. */
  private record Snapshot(List<String> schemaLog, Set<String> deployments, Set<String> openCases,
      Map<String, String> openTasks, Map<String, String> timers, Map<String, Set<String>> history) {

    static Snapshot of(Connection db) throws SQLException {
      Map<String, Set<String>> history = new LinkedHashMap<>();
      for (Map.Entry<String, String> table : HISTORY.entrySet()) {
        history.put(table.getKey(),
            new TreeSet<>(column(db, "select " + table.getValue() + " from " + table.getKey())));
      }
      return new Snapshot(column(db, "select version_ from act_ge_schema_log order by id_"),
          new TreeSet<>(column(db, "select id_ from act_re_deployment")),
          new TreeSet<>(column(db, "select id_ from act_ru_execution where id_ = proc_inst_id_")),
          pairs(db, "select id_, coalesce(assignee_, '-') from act_ru_task"),
          pairs(db, "select id_, cast(duedate_ as varchar) from act_ru_job where type_ = 'timer'"),
          history);
    }

    long historyRows() {
      return history.values().stream().mapToLong(Set::size).sum();
    }

    private static List<String> column(Connection db, String sql) throws SQLException {
      List<String> values = new ArrayList<>();
      try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }

    private static Map<String, String> pairs(Connection db, String sql) throws SQLException {
      Map<String, String> values = new java.util.TreeMap<>();
      try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
        while (rows.next()) {
          values.put(rows.getString(1), rows.getString(2));
        }
      }
      return values;
    }
  }
}
