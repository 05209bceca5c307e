package org.opencsc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.opencsc.Api;
import org.opencsc.Api.Reply;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Application nodes (packaged jars, each its own JVM) sharing one real PostgreSQL server that the
 * test starts itself, as a council runs them behind a load balancer. Also the few direct looks
 * into the database the cluster tests need: which jobs exist, who ran them, the breach register.
 */
final class Cluster implements AutoCloseable {

  /** Job log states (HistoricJobLog): a job created, failed, succeeded. */
  static final int SUCCEEDED = 2;
  static final int FAILED = 1;

  private final EmbeddedPostgres postgres;
  private final Path workDir;
  private final List<RunningApplication> nodes = new ArrayList<>();
  private final List<Path> cgroups = new ArrayList<>();

  private Cluster(EmbeddedPostgres postgres, Path workDir) {
    this.postgres = postgres;
    this.workDir = workDir;
  }

  static Cluster start(Path workDir) throws IOException {
    return new Cluster(EmbeddedPostgres.builder().start(), workDir);
  }

  /** Launches a node (not yet ready): postgres and demo profiles, node id, extra Spring arguments. */
  RunningApplication launch(String nodeId, Map<String, String> environment, String... arguments)
      throws IOException {
    return launch(List.of(), nodeId, environment, arguments);
  }

  /** A node confined to one CPU of this machine, as if it had a machine of its own with one core. */
  RunningApplication launchOnCpu(int cpu, String nodeId, String... arguments) throws IOException {
    return launch(List.of("taskset", "-c", String.valueOf(cpu)), nodeId, Map.of(), arguments);
  }

  /**
   * A node allowed {@code cpus} CPUs' worth of time (a Linux cgroup v1 CPU quota; needs root), as if
   * it ran on a machine of that size, leaving the rest of this machine to PostgreSQL.
   */
  RunningApplication launchWithCpuQuota(double cpus, String nodeId, String... arguments) throws IOException {
    Path cgroup = Path.of("/sys/fs/cgroup/cpu", "opencsc-" + nodeId + "-" + ProcessHandle.current().pid());
    if (!Files.isWritable(cgroup.getParent())) {
      throw new IllegalStateException("CPU quotas need root and cgroup v1 at " + cgroup.getParent());
    }
    RunningApplication node = launch(List.of(), nodeId, Map.of("JAVA_TOOL_OPTIONS",
        "-XX:ActiveProcessorCount=" + Math.max(1, (int) Math.ceil(cpus))), arguments);
    Files.createDirectories(cgroup);
    Files.writeString(cgroup.resolve("cpu.cfs_period_us"), "100000");
    Files.writeString(cgroup.resolve("cpu.cfs_quota_us"), String.valueOf((long) (cpus * 100_000)));
    Files.writeString(cgroup.resolve("cgroup.procs"), String.valueOf(node.pid()));
    cgroups.add(cgroup);
    return node;
  }

  private RunningApplication launch(List<String> launcher, String nodeId, Map<String, String> environment,
      String... arguments) throws IOException {
    Map<String, String> env = new HashMap<>(Map.of(
        "OPENCSC_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
        "OPENCSC_DB_USER", "postgres", "OPENCSC_DB_PASSWORD", "postgres", "OPENCSC_NODE_ID", nodeId));
    env.putAll(environment);
    String[] args = Stream.concat(Stream.of("--spring.profiles.active=postgres,demo"), Stream.of(arguments))
        .toArray(String[]::new);
    RunningApplication node = RunningApplication.launch(launcher, Files.createDirectories(workDir.resolve(nodeId)), env, args);
    nodes.add(node);
    return node;
  }

  DataSource database() {
    return postgres.getPostgresDatabase();
  }

  /**
   * Notifies {@code count} private fostering arrangements through the node's API (a child each),
   * which sets each one's "first visit within 7 working days" timer; returns the instance ids.
   */
  List<String> notifyArrangements(Api api, int count) {
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Reply child = api.post("/api/children", "sarah", Map.of("name", "Cluster Child " + i,
          "dateOfBirth", "2015-05-05", "lookedAfter", false, "disabled", false));
      assertThat(child.status()).as(child.body()).isEqualTo(201);
      Map<String, Object> notification = new LinkedHashMap<>();
      notification.put("variables", Map.of(
          "childId", value(child.json().get("id").asText()),
          "notifiedAt", value(Instant.now().minus(Duration.ofHours(1)).toString()),
          "notificationType", value("STARTED"),
          "arrangementStart", value(LocalDate.now().plusDays(60).toString()),
          "intendedDurationDays", Map.of("value", 90, "type", "Integer"),
          "carerName", value("Mrs Ada Lovelace"),
          "carerRelationship", value("FAMILY_FRIEND")));
      Reply started = api.post("/engine-rest/process-definition/key/privateFostering/start", "sarah", notification);
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      instances.add(started.json().get("id").asText());
    }
    return instances;
  }

  private static Map<String, Object> value(String value) {
    return Map.of("value", value, "type", "String");
  }

  /** Makes every waiting "first visit late" timer due now, as if the 7 working days had passed. */
  List<String> makeFirstVisitTimersDue() throws SQLException {
    List<String> jobs = strings("select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
        + " where d.act_id_ = 'boundaryEvent_firstVisitLate'");
    query("update act_ru_job set duedate_ = now() - interval '1 minute' where id_ = any(?)", jobs, null);
    return jobs;
  }

  /** Waits until none of the jobs is left to run; fails if one fails for good or time runs out. */
  void awaitDone(List<String> jobs, Duration timeout) {
    await("none of the " + jobs.size() + " jobs left to run").atMost(timeout)
        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
        .until(() -> {
          assertThat(count("select count(*) from act_ru_job where id_ = any(?) and retries_ = 0", jobs))
              .as("jobs that failed for good (incidents)").isZero();
          return count("select count(*) from act_ru_job where id_ = any(?)", jobs);
        }, equalTo(0L));
  }

  /** How many times each of the jobs succeeded, by job id (history job log). */
  Map<String, Long> successesPerJob(List<String> jobs) throws SQLException {
    return successesBy("job_id_", jobs);
  }

  /** Successful runs of the jobs per node (the engine host name is the node id). */
  Map<String, Long> successesPerNode(List<String> jobs) throws SQLException {
    return successesBy("hostname_", jobs);
  }

  private Map<String, Long> successesBy(String column, List<String> jobs) throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    query("select " + column + ", count(*) from act_hi_job_log where job_state_ = " + SUCCEEDED
        + " and job_id_ = any(?) group by " + column, jobs, rows -> counts.put(rows.getString(1), rows.getLong(2)));
    return counts;
  }

  /** When the first of the jobs succeeded (engine clock, as the lock times are). */
  Timestamp firstSuccess(List<String> jobs) throws SQLException {
    return successTime("min", jobs);
  }

  Timestamp lastSuccess(List<String> jobs) throws SQLException {
    return successTime("max", jobs);
  }

  private Timestamp successTime(String aggregate, List<String> jobs) throws SQLException {
    Timestamp[] time = new Timestamp[1];
    query("select " + aggregate + "(timestamp_) from act_hi_job_log where job_state_ = " + SUCCEEDED
        + " and job_id_ = any(?)", jobs, rows -> time[0] = rows.getTimestamp(1));
    return time[0];
  }

  /** A count over the given ids (the statement's one parameter, {@code any(?)}). */
  long count(String sql, List<String> ids) throws SQLException {
    long[] count = new long[1];
    query(sql, ids, rows -> count[0] = rows.getLong(1));
    return count[0];
  }

  long count(String sql) throws SQLException {
    return Long.parseLong(strings(sql).get(0));
  }

  List<String> strings(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = database().getConnection();
         PreparedStatement query = connection.prepareStatement(sql);
         ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  /** Runs the statement with the ids as its array parameter, handing each result row (if any) to {@code row}. */
  private void query(String sql, List<String> ids, RowHandler row) throws SQLException {
    try (Connection connection = database().getConnection();
         PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
      if (row == null) {
        statement.executeUpdate();
        return;
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          row.accept(rows);
        }
      }
    }
  }

  private interface RowHandler {
    void accept(ResultSet row) throws SQLException;
  }

  @Override
  public void close() throws Exception {
    for (RunningApplication node : nodes) {
      node.close();
    }
    for (Path cgroup : cgroups) {
      Files.deleteIfExists(cgroup);
    }
    postgres.close();
  }
}
