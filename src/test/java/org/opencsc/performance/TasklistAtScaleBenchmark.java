package org.opencsc.performance;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencsc.Api;
import org.opencsc.OpenCscApplication;
import org.opencsc.engine.ProcessCatalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Council scale on PostgreSQL (issue 11): a social worker's Tasklist list with 100,000 open tasks
 * and authorization on, and the compliance summary over 1,000,000 recorded steps. Not part of
 * the test command: {@code mvn -B -Pbenchmark verify} (docs/performance.md).
 */
@SpringBootTest(classes = OpenCscApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class TasklistAtScaleBenchmark {

  private static final int OPEN_TASKS = Integer.getInteger("benchmark.open-tasks", 100_000);
  private static final int STEPS = Integer.getInteger("benchmark.steps", 1_000_000);
  private static final int WARM_UP = 20;
  private static final int SAMPLES = 200;
  /** Open tasks per group: half for social workers, the rest for others they cannot see. */
  private static final List<String> TEAMS = List.of("social-workers", "social-workers", "team-managers",
      "agency-decision-makers");

  private static EmbeddedPostgres postgres;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (Boolean.getBoolean("benchmark.explain")) { // logs the plan of every statement slower than 50 ms
      builder.setServerConfig("shared_preload_libraries", "auto_explain")
          .setServerConfig("auto_explain.log_min_duration", "50").setServerConfig("auto_explain.log_analyze", "on");
    }
    postgres = builder.start();
    // The postgres profile as a council runs it, on this server.
    registry.add("OPENCSC_DB_URL", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("OPENCSC_DB_USER", () -> "postgres");
    registry.add("OPENCSC_DB_PASSWORD", () -> "postgres");
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Autowired
  ProcessEngine engine;

  @Autowired
  ProcessCatalogue catalogue;

  @Autowired
  PlatformTransactionManager transactions;

  @Autowired
  DataSource dataSource;

  @LocalServerPort
  int port;

  @Test
  void tasklistAndComplianceAtCouncilScale() throws Exception {
    long seeding = System.nanoTime();
    seedOpenTasks();
    seedSteps();
    analyze();
    System.out.printf("Seeded %,d open tasks and %,d recorded steps in %.0f s%n", OPEN_TASKS, STEPS,
        (System.nanoTime() - seeding) / 1e9);

    if (Boolean.getBoolean("benchmark.explain")) {
      explainVariants();
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Filter myTeam = engine.getFilterService().createFilterQuery().filterName("My team's tasks").singleResult();
    Filter overdue = engine.getFilterService().createFilterQuery().filterName("Overdue").singleResult();
    Api api = new Api(port);

    List<String[]> rows = new ArrayList<>();
    rows.add(measure("My team's tasks, first 15 (Java API)", () -> asSarah(() ->
        engine.getFilterService().listPage(myTeam.getId(), 0, 15).size())));
    rows.add(measure("My team's tasks, count (Java API)", () -> asSarah(() ->
        (int) engine.getFilterService().count(myTeam.getId()).longValue())));
    rows.add(measure("Overdue, first 15 (Java API)", () -> asSarah(() ->
        engine.getFilterService().listPage(overdue.getId(), 0, 15).size())));
    rows.add(measure("My team's tasks, first 15 (REST, as Tasklist)", () -> status(api.post(
        "/engine-rest/filter/" + myTeam.getId() + "/list?firstResult=0&maxResults=15", "sarah", Map.of()))));
    configuration.setAuthorizationEnabled(false);
    try {
      rows.add(measure("My team's tasks, first 15, authorization off", () -> asSarah(() ->
          engine.getFilterService().listPage(myTeam.getId(), 0, 15).size())));
      rows.add(measure("Overdue, first 15, authorization off", () -> asSarah(() ->
          engine.getFilterService().listPage(overdue.getId(), 0, 15).size())));
      rows.add(measure("My team's tasks, count, authorization off", () -> asSarah(() ->
          (int) engine.getFilterService().count(myTeam.getId()).longValue())));
    } finally {
      configuration.setAuthorizationEnabled(true);
    }
    rows.add(measure("Compliance summary (REST, team manager)", () -> status(api.get("/api/compliance/summary", "tom"))));

    System.out.println();
    System.out.printf("PostgreSQL %s, %,d open tasks (half for social-workers), %,d recorded steps, %d cores%n",
        single("show server_version"), OPEN_TASKS, STEPS, Runtime.getRuntime().availableProcessors());
    System.out.printf("| %-56s | %8s | %8s | %8s |%n", "query", "p50 ms", "p95 ms", "max ms");
    for (String[] row : rows) {
      System.out.printf("| %-56s | %8s | %8s | %8s |%n", (Object[]) row);
    }
  }

  /** Opens the tasks through the engine, as cases would, so each has its identity links and grants. */
  private void seedOpenTasks() throws Exception {
    BpmnModelInstance caseload = Bpmn.createExecutableProcess("benchmarkCaseload").camundaHistoryTimeToLive(30)
        .startEvent().userTask("caseworkStep").name("Casework step").camundaCandidateGroups("${team}")
        .camundaDueDate("${due}").endEvent().done();
    engine.getRepositoryService().createDeployment().name("benchmark").addModelInstance("benchmark-caseload.bpmn",
        caseload).deploy();
    Instant start = Instant.now().minus(Duration.ofDays(10));
    int batch = 500;
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int from = 0; from < OPEN_TASKS; from += batch) {
        int first = from;
        int last = Math.min(OPEN_TASKS, from + batch);
        done.add(workers.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
          for (int i = first; i < last; i++) {
            engine.getRuntimeService().startProcessInstanceByKey("benchmarkCaseload", Map.of(
                "team", TEAMS.get(i % TEAMS.size()),
                "due", Date.from(start.plus(Duration.ofMinutes(i % (60 * 24 * 60))))));
          }
        })));
      }
      for (Future<?> each : done) {
        each.get();
      }
    } finally {
      workers.shutdown();
    }
  }

  /** Completed steps as the completion listener records them, over three years, 1 in 10 late. */
  private void seedSteps() throws Exception {
    List<String> processes = catalogue.caseProcesses();
    Instant start = Instant.now().minus(Duration.ofDays(3 * 365));
    try (Connection connection = dataSource.getConnection();
         PreparedStatement insert = connection.prepareStatement("insert into step_record (task_id, process_instance_id,"
             + " process_key, task_key, completed_by, completed_at, due_at, late) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
      connection.setAutoCommit(false);
      for (int i = 0; i < STEPS; i++) {
        Instant completed = start.plusSeconds(i * 90L);
        insert.setString(1, "bench-task-" + i);
        insert.setString(2, "bench-case-" + (i / 10));
        insert.setString(3, processes.get((i / 10) % processes.size()));
        insert.setString(4, "step" + (i % 10));
        insert.setString(5, "worker" + (i % 200));
        insert.setTimestamp(6, Timestamp.from(completed));
        insert.setTimestamp(7, i % 3 == 0 ? null : Timestamp.from(completed.plusSeconds(3600)));
        insert.setBoolean(8, i % 10 == 0);
        insert.addBatch();
        if (i % 5000 == 4999) {
          insert.executeBatch();
          connection.commit();
        }
      }
      insert.executeBatch();
      connection.commit();
    }
  }

  /** The task query's authorization join as the engine writes it and in other shapes (EXPLAIN ANALYZE). */
  private void explainVariants() throws Exception {
    String auth = "(select A.* from ACT_RU_AUTHORIZATION A where A.TYPE_ < 2 and (A.USER_ID_ in ('sarah', '*')"
        + " or A.GROUP_ID_ in ('social-workers')) and ((A.RESOURCE_TYPE_ = 7 and A.PERMS_ & 2 = 2)"
        + " or (A.RESOURCE_TYPE_ = 6 and A.PERMS_ & 64 = 64)))";
    String base = "select distinct RES.ID_, RES.DUE_DATE_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I"
        + " on I.TASK_ID_ = RES.ID_ left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ %s join " + auth
        + " AUTH on (%s) where I.TYPE_ = 'candidate' and I.GROUP_ID_ in ('social-workers') %s"
        + " order by RES.DUE_DATE_ asc limit 15";
    Map<String, String> variants = new java.util.LinkedHashMap<>();
    variants.put("engine (left join, IN list)", String.format(base, "left",
        "AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*')", "and (RES.CASE_EXECUTION_ID_ is not null or AUTH.RESOURCE_ID_ is not null)"));
    variants.put("inner join, IN list", String.format(base, "inner", "AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*')", ""));
    variants.put("inner join, = ANY(ARRAY)", String.format(base, "inner",
        "AUTH.RESOURCE_ID_ = any(array[RES.ID_, D.KEY_, '*'])", ""));
    try (Connection connection = dataSource.getConnection()) {
      for (Map.Entry<String, String> variant : variants.entrySet()) {
        System.out.println("== " + variant.getKey());
        try (var rows = connection.createStatement().executeQuery("explain analyze " + variant.getValue())) {
          while (rows.next()) {
            System.out.println(rows.getString(1));
          }
        }
      }
    }
  }

  private void analyze() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.createStatement().execute("analyze");
    }
  }

  private String single(String sql) throws Exception {
    try (Connection connection = dataSource.getConnection();
         var rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private int asSarah(Supplier<Integer> query) {
    engine.getIdentityService().setAuthentication("sarah", List.of("social-workers"));
    try {
      return query.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static int status(Api.Reply reply) {
    if (reply.status() != 200) {
      throw new IllegalStateException(reply.toString());
    }
    return reply.status();
  }

  /** Times the query {@value #SAMPLES} times after a warm-up, or as often as fits in a minute (at least 10). */
  private static String[] measure(String name, Supplier<Integer> query) {
    long budget = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    for (int i = 0; i < WARM_UP && System.nanoTime() < budget; i++) {
      query.get();
    }
    long[] nanos = new long[SAMPLES];
    int taken = 0;
    while (taken < SAMPLES && (taken < 10 || System.nanoTime() < budget)) {
      long started = System.nanoTime();
      query.get();
      nanos[taken++] = System.nanoTime() - started;
    }
    long[] samples = Arrays.copyOf(nanos, taken);
    Arrays.sort(samples);
    return new String[] {name + " (n=" + taken + ")", millis(samples[taken / 2]),
        millis(samples[(int) Math.ceil(taken * 0.95) - 1]), millis(samples[taken - 1])};
  }

  private static String millis(long nanos) {
    return String.format("%.1f", nanos / 1e6);
  }
}
