package org.opencsc.performance;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencsc.Api;
import org.opencsc.CaseJourney;
import org.opencsc.rules.Groups;
import org.opencsc.security.DemoUsers;
import org.opencsc.security.ProcessReaders;
import org.opencsc.system.RunningApplication;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Our cost against the bare engine (issue 11, items 1 and 3). Not part of the test command:
 * {@code mvn -B -Pbenchmark verify -Dit.test=CaseThroughputBenchmark} (docs/performance.md).
 *
 * <p>Both applications run in turn on this machine, each in its own JVM with the same settings
 * and an H2 file of its own (or, with {@code -Dbenchmark.database=postgres}, a database of its
 * own on one embedded PostgreSQL server): ours as operators run it ({@code java -jar}, demo users,
 * authorization on), and {@code bare.BareCamundaApplication} — Camunda 7.24's Spring Boot
 * starters and nothing else — deploying for each process one with the same key and the same
 * number of user tasks in a row, no listeners; and the same bare application secured as Camunda
 * documents it (its REST authentication filter, authorization on, our demo users and the grants
 * the journeys need, each task granted to its candidate groups in our diagram), so that the
 * figure can also be read like for like. Each measures start-up to ready (empty H2 file,
 * then the median of restarts on the existing file) and resident memory, then whole cases of each
 * process through REST: the same requests with the same answers, {@code benchmark.clients}
 * callers at once, after a warm-up.
 */
class CaseThroughputBenchmark {

  private static final int CASES = Integer.getInteger("benchmark.cases", 200);
  private static final int WARM_UP = Integer.getInteger("benchmark.warm-up", 40);
  private static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
  private static final int RESTARTS = Integer.getInteger("benchmark.restarts", 3);
  /** The secured bare engine's first administrator, who sets up its users and grants. */
  private static final String BARE_ADMIN = "admin";
  /** JVM options for both applications, e.g. a flight recording: -Dbenchmark.java-options=... */
  private static final Map<String, String> JVM = javaOptions("benchmark.java-options");
  /** JVM options for ours alone, e.g. a flight recording of ours: -Dbenchmark.ours-java-options=... */
  private static final Map<String, String> OURS_JVM = javaOptions("benchmark.java-options", "benchmark.ours-java-options");
  /** Libraries only we use; the bare application has them on its class path but does not start them. */
  private static final List<String> NOT_IN_BARE = List.of(
      "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
      "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
      "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
      "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
      "org.springframework.boot.autoconfigure.session.SessionAutoConfiguration");

  /**
   * The database both run on: {@code h2} (the embedded default, an H2 file each) or {@code postgres}
   * (one embedded PostgreSQL 14 server, a database each; ours with its postgres profile).
   */
  private static final boolean POSTGRES = "postgres".equals(System.getProperty("benchmark.database", "h2"));
  /** Settings to try on ours (space separated), e.g. -Dbenchmark.ours-args=--camunda.bpm.history-level=full */
  private static final String[] OURS_ARGS = Stream.concat(Stream.of(
          POSTGRES ? "--spring.profiles.active=postgres,demo" : "--spring.profiles.active=demo"),
      Arrays.stream(System.getProperty("benchmark.ours-args", "").split(" ")).filter(arg -> !arg.isBlank()))
      .toArray(String[]::new);

  /** Where both applications keep their H2 files: a temporary directory, or -Dbenchmark.data-dir to look at them after. */
  @TempDir
  Path workDir;

  @Test
  void oursAgainstTheBareEngine() throws Exception {
    if (System.getProperty("benchmark.data-dir") != null) {
      workDir = Files.createDirectories(Path.of(System.getProperty("benchmark.data-dir")).toAbsolutePath());
    }
    List<CaseJourney> journeys = CaseJourney.all();
    Path plainModels = Files.createDirectories(workDir.resolve("bare-processes"));
    Path securedModels = Files.createDirectories(workDir.resolve("secured-bare-processes"));
    for (CaseJourney journey : journeys) {
      Bpmn.writeModelToFile(plainModels.resolve(journey.processKey() + ".bpmn").toFile(), journey.bareModel(Map.of()));
      Bpmn.writeModelToFile(securedModels.resolve(journey.processKey() + ".bpmn").toFile(),
          journey.bareModel(candidateGroups(journey)));
    }

    Path ourData = Files.createDirectories(workDir.resolve("ours"));
    List<Run> runs;
    try (EmbeddedPostgres postgres = POSTGRES ? EmbeddedPostgres.builder().start() : null) {
      Map<String, String> ourEnvironment = new LinkedHashMap<>(OURS_JVM);
      if (postgres != null) {
        createDatabases(postgres, "ours", "bare", "securedbare");
        ourEnvironment.putAll(Map.of("OPENCSC_DB_URL", postgres.getJdbcUrl("postgres", "ours"),
            "OPENCSC_DB_USER", "postgres", "OPENCSC_DB_PASSWORD", "postgres"));
      }
      runs = List.of(
          measure("OpenCSC", journeys, () -> RunningApplication.launchClass("org.opencsc.OpenCscApplication",
              classPath(false), ourEnvironment, withDataDir(OURS_ARGS, ourData)), true, api -> { }),
          measure("bare Camunda", journeys, () -> RunningApplication.launchClass("bare.BareCamundaApplication",
              classPath(true), JVM, bareArguments("bare", plainModels, postgres)), false, api -> { }),
          measure("secured bare", journeys, () -> RunningApplication.launchClass("bare.BareCamundaApplication",
              classPath(true), JVM, securedBareArguments(securedModels, postgres)), false,
              api -> grantTheJourneys(api, journeys)));
    }
    report(journeys, runs.get(0), runs.get(1), runs.get(2));
  }

  /** The tables: each process's cases per second against both yardsticks, then start-up and memory. */
  private static void report(List<CaseJourney> journeys, Run ours, Run bare, Run secured) {
    System.out.println();
    System.out.println("Our settings: " + String.join(" ", OURS_ARGS));
    System.out.printf("Whole cases through REST, %d per process after %d warm-up, %d callers at once, "
        + "%d CPUs, %s%n", CASES, WARM_UP, CLIENTS, Runtime.getRuntime().availableProcessors(),
        POSTGRES ? "PostgreSQL (embedded, a database each)" : "H2 file");
    System.out.printf("| %-20s | %5s | %8s | %12s | %12s | %7s | %14s | %11s | %14s | %14s | %13s |%n",
        "process", "tasks", "requests", "ours cases/s", "bare cases/s", "ratio", "secured cases/s", "ratio sec.",
        "ours CPU ms/c", "bare CPU ms/c", "sec. CPU ms/c");
    for (CaseJourney journey : journeys) {
      Throughput o = ours.throughput.get(journey.processKey());
      Throughput b = bare.throughput.get(journey.processKey());
      Throughput s = secured.throughput.get(journey.processKey());
      System.out.printf("| %-20s | %5d | %8d | %12.1f | %12.1f | %7.2f | %15.1f | %11.2f | %14.1f | %14.1f | %13.1f |%n",
          journey.processKey(), journey.steps().size(), journey.requests(), o.casesPerSecond(), b.casesPerSecond(),
          o.casesPerSecond() / b.casesPerSecond(), s.casesPerSecond(), o.casesPerSecond() / s.casesPerSecond(),
          o.serverCpuMsPerCase(), b.serverCpuMsPerCase(), s.serverCpuMsPerCase());
    }
    System.out.println("Ratio = ours / bare (goal >= 0.7); ratio sec. = ours / the bare engine with Camunda's own "
        + "REST authentication and authorization on. CPU ms/c = the server process's CPU time per case.");
    System.out.println();
    System.out.printf("| %-14s | %16s | %19s | %14s | %15s |%n", "application", "ready, empty (s)",
        "ready, existing (s)", "RSS ready MiB", "RSS loaded MiB");
    for (Run run : List.of(ours, bare, secured)) {
      System.out.printf("| %-14s | %16.1f | %19.1f | %14d | %15d |%n", run.name, run.readyEmpty, run.readyExisting,
          run.rssReady, run.rssLoaded);
    }
    for (Run yardstick : List.of(bare, secured)) {
      System.out.printf("Ours / %s: start-up %.2f× (goal <= 1.5×), RSS when ready %.2f× (goal <= 1.3×), "
          + "RSS after the cases %.2f×%n", yardstick.name, ours.readyExisting / yardstick.readyExisting,
          (double) ours.rssReady / yardstick.rssReady, (double) ours.rssLoaded / yardstick.rssLoaded);
    }
  }

  /**
   * Starts the application on an empty database ({@code prepare} then sets up what its cases
   * need), restarts it on the existing one, then runs the cases on the last start.
   */
  private Run measure(String name, List<CaseJourney> journeys, Launcher launcher, boolean registersChildren,
      Consumer<Api> prepare) throws Exception {
    Run run = new Run(name);
    try (RunningApplication first = launcher.launch().awaitReady()) {
      run.readyEmpty = first.secondsToReady();
      prepare.accept(new Api(first.port));
    }
    double[] restarts = new double[RESTARTS];
    for (int i = 0; i < RESTARTS; i++) {
      RunningApplication app = launcher.launch().awaitReady();
      restarts[i] = app.secondsToReady();
      if (i < RESTARTS - 1) {
        app.close();
        continue;
      }
      try (app) {
        run.rssReady = app.residentMiB();
        Api api = new Api(app.port);
        for (CaseJourney journey : journeys) {
          cases(api, journey, WARM_UP, registersChildren, name + "-warm");
        }
        for (CaseJourney journey : journeys) {
          List<String> children = children(api, journey, CASES, registersChildren);
          double cpuBefore = app.cpuSeconds();
          long started = System.nanoTime();
          runCases(api, journey, children, name);
          double seconds = (System.nanoTime() - started) / 1e9;
          run.throughput.put(journey.processKey(),
              new Throughput(CASES / seconds, (app.cpuSeconds() - cpuBefore) * 1000 / CASES));
        }
        run.rssLoaded = app.residentMiB();
      }
    }
    Arrays.sort(restarts);
    run.readyExisting = restarts[RESTARTS / 2];
    System.out.printf("%s: ready %.1f s on an empty file, %s s on the existing file; %s%n", name, run.readyEmpty,
        Arrays.toString(restarts), run.throughput);
    return run;
  }

  /** Each journey's tasks' candidate groups in our diagram, for the secured bare engine's models. */
  private static Map<String, String> candidateGroups(CaseJourney journey) throws IOException {
    Map<String, String> groups = new HashMap<>();
    try (Stream<Path> diagrams = Files.list(Path.of("bpmn"))) {
      for (Path diagram : diagrams.filter(file -> file.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        if (model.getModelElementById(journey.processKey()) == null) {
          continue;
        }
        for (CaseJourney.Step step : journey.steps()) {
          UserTask task = model.getModelElementById(step.taskKey());
          if (task.getCamundaCandidateGroups() != null) {
            groups.put(step.taskKey(), task.getCamundaCandidateGroups());
          }
        }
      }
    }
    if (groups.isEmpty()) {
      throw new IllegalStateException("No diagram in bpmn/ defines " + journey.processKey());
    }
    return groups;
  }

  /**
   * Through the secured bare engine's REST API, as its administrator would in Admin: our demo
   * users in their groups, and the grants the journeys need, as ours gives them
   * ({@code AccessBootstrap}): each process and its history are read by the groups that work it
   * and the managers ({@link ProcessReaders}); the starters start cases and send the messages the
   * processes wait for. Tasks are granted to their candidate groups by the engine itself, as in ours.
   */
  /** Who may start a case in our application (every process declares the same two groups). */
  private static final List<String> STARTERS = List.of(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS);

  private static void grantTheJourneys(Api api, List<CaseJourney> journeys) {
    Map<String, Set<String>> readers = ProcessReaders.fromDiagrams().asMap();
    List<DemoUsers.DemoUser> users = DemoUsers.USERS.stream()
        .filter(user -> !user.group().equals(Groups.CAMUNDA_ADMIN)).toList();
    for (String group : users.stream().map(DemoUsers.DemoUser::group).distinct().toList()) {
      created(api.post("/engine-rest/group/create", BARE_ADMIN,
          Map.of("id", group, "name", group, "type", "WORKFLOW")));
    }
    for (DemoUsers.DemoUser user : users) {
      created(api.post("/engine-rest/user/create", BARE_ADMIN, Map.of(
          "profile", Map.of("id", user.id(), "firstName", user.firstName(), "lastName", user.lastName(),
              "email", user.id() + "@bare.invalid"),
          "credentials", Map.of("password", DemoUsers.PASSWORD))));
      created(api.put("/engine-rest/group/" + user.group() + "/members/" + user.id(), BARE_ADMIN, Map.of()));
    }
    for (String group : Groups.PRACTICE) {
      boolean starter = STARTERS.contains(group);
      if (starter) {
        grant(api, group, Resources.PROCESS_INSTANCE, "*", "CREATE");
      }
      for (CaseJourney journey : journeys) {
        List<String> permissions = new ArrayList<>();
        if (readers.get(journey.processKey()).contains(group)) {
          permissions.addAll(List.of("READ", "READ_HISTORY"));
        }
        if (starter) {
          permissions.add("CREATE_INSTANCE");
          if (journey.endMessage() != null) { // correlating it needs UPDATE_INSTANCE
            permissions.add("UPDATE_INSTANCE");
          }
        }
        if (!permissions.isEmpty()) {
          grant(api, group, Resources.PROCESS_DEFINITION, journey.processKey(), permissions.toArray(String[]::new));
        }
      }
    }
  }

  private static void grant(Api api, String group, Resources resource, String resourceId, String... permissions) {
    created(api.post("/engine-rest/authorization/create", BARE_ADMIN, Map.of("type", 1, "groupId", group,
        "resourceType", resource.resourceType(), "resourceId", resourceId, "permissions", List.of(permissions))));
  }

  private static void created(Api.Reply reply) {
    if (reply.status() != 200 && reply.status() != 204) {
      throw new IllegalStateException("Setting up the secured bare engine failed: " + reply);
    }
  }

  private static Map<String, String> javaOptions(String... properties) {
    String options = Arrays.stream(properties).map(property -> System.getProperty(property, ""))
        .filter(option -> !option.isBlank()).collect(Collectors.joining(" "));
    return options.isBlank() ? Map.of() : Map.of("JAVA_TOOL_OPTIONS", options);
  }

  private static String[] withDataDir(String[] arguments, Path dataDir) {
    String[] all = Arrays.copyOf(arguments, arguments.length + 1);
    all[arguments.length] = "--opencsc.data-dir=" + dataDir;
    return all;
  }

  private static void cases(Api api, CaseJourney journey, int count, boolean registersChildren, String prefix)
      throws Exception {
    runCases(api, journey, children(api, journey, count, registersChildren), prefix);
  }

  /** One child per case (a child's earlier episodes change the missing-episode rules). */
  private static List<String> children(Api api, CaseJourney journey, int count, boolean register) {
    List<String> children = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (!register) {
        children.add("child-" + journey.processKey() + "-" + i);
        continue;
      }
      Api.Reply child = api.post("/api/children", "sarah", Map.of("name", "Benchmark Child",
          "dateOfBirth", "2015-05-05", "lookedAfter", true, "disabled", false));
      if (child.status() != 201) {
        throw new IllegalStateException("Could not register a child: " + child);
      }
      children.add(child.json().get("id").asText());
    }
    return children;
  }

  /** Runs one case per child, {@link #CLIENTS} at a time; any refused request fails the benchmark. */
  private static void runCases(Api api, CaseJourney journey, List<String> children, String prefix) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService callers = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(callers.submit(() -> {
          for (int i = next.getAndIncrement(); i < children.size(); i = next.getAndIncrement()) {
            journey.run(api, children.get(i), prefix + "-" + journey.processKey() + "-" + System.nanoTime() + "-" + i);
          }
          return null;
        }));
      }
      for (Future<?> caller : running) {
        caller.get();
      }
    } finally {
      callers.shutdownNow();
    }
  }

  /**
   * Both applications start from the same class path (all libraries, as classes and jars, not
   * the packaged jar) so that only the applications differ: ours with our classes and without
   * the test classes; the bare one with the test classes (where it lives) and without ours.
   */
  private static String classPath(boolean bare) {
    Path ourClasses = Path.of(System.getProperty("app.jar")).toAbsolutePath().resolveSibling("classes");
    Path testClasses = ourClasses.resolveSibling("test-classes");
    Path ourJar = Path.of(System.getProperty("app.jar")).toAbsolutePath();
    String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> entries = Arrays.stream(testClassPath.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .filter(entry -> {
          Path path = Path.of(entry).toAbsolutePath();
          return !path.equals(ourJar) && !path.equals(ourClasses) && !path.equals(testClasses);
        })
        .collect(Collectors.toCollection(ArrayList::new));
    entries.add(0, (bare ? testClasses : ourClasses).toString());
    return String.join(File.pathSeparator, entries);
  }

  private static void createDatabases(EmbeddedPostgres postgres, String... names) throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      for (String name : names) {
        connection.createStatement().execute("create database " + name);
      }
    }
  }

  private String[] bareArguments(String name, Path processes, EmbeddedPostgres postgres) throws Exception {
    Path data = Files.createDirectories(workDir.resolve(name));
    return new String[] {
        "--spring.config.name=bare",
        // the database set as ours is: on H2 each commit written at once, 64 parsed statements kept
        "--spring.datasource.url=" + (postgres != null ? postgres.getJdbcUrl("postgres", name.replace("-", ""))
            : "jdbc:h2:file:" + data.resolve("bare") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64"),
        "--spring.datasource.username=" + (postgres != null ? "postgres" : "sa"),
        "--spring.datasource.password=" + (postgres != null ? "postgres" : ""),
        "--spring.autoconfigure.exclude=" + String.join(",", NOT_IN_BARE),
        "--camunda.bpm.deployment-resource-pattern=file:" + processes + "/*.bpmn",
        "--camunda.bpm.history-level=full",
        "--camunda.bpm.default-serialization-format=application/json"};
  }

  /**
   * The bare engine as Camunda's documentation secures it: authorization on, Camunda's own HTTP
   * Basic authentication filter on the REST API ({@code bare.RestApiAuthentication}), the first
   * administrator created by the starter ({@value #BARE_ADMIN}, password demo, as ours in the demo profile).
   */
  private String[] securedBareArguments(Path processes, EmbeddedPostgres postgres) throws Exception {
    return Stream.concat(Arrays.stream(bareArguments("secured-bare", processes, postgres)), Stream.of(
        "--camunda.bpm.authorization.enabled=true",
        "--bare.rest-authentication=true",
        // group ids with hyphens (social-workers), as application.yml allows them for ours
        "--camunda.bpm.generic-properties.properties.group-resource-whitelist-pattern=[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*",
        "--camunda.bpm.admin-user.id=" + BARE_ADMIN,
        "--camunda.bpm.admin-user.password=" + DemoUsers.PASSWORD)).toArray(String[]::new);
  }

  @FunctionalInterface
  private interface Launcher {
    RunningApplication launch() throws Exception;
  }

  private record Throughput(double casesPerSecond, double serverCpuMsPerCase) {
    @Override
    public String toString() {
      return String.format("%.1f cases/s, %.1f ms CPU per case", casesPerSecond, serverCpuMsPerCase);
    }
  }

  private static final class Run {
    final String name;
    final Map<String, Throughput> throughput = new LinkedHashMap<>();
    double readyEmpty;
    double readyExisting;
    long rssReady;
    long rssLoaded;

    Run(String name) {
      this.name = name;
    }
  }
}
