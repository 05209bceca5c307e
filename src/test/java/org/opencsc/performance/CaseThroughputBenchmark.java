package org.opencsc.performance;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
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
 * Our cost against a fair yardstick (issue 28). Not part of the test command:
 * {@code mvn -B -Pbenchmark verify -Dit.test=CaseThroughputBenchmark} (docs/performance.md).
 *
 * <p>Three applications, each in its own JVM with the same settings and the same fixed heap,
 * an H2 file of its own (or, with {@code -Dbenchmark.database=postgres}, a database of its own
 * on one embedded PostgreSQL server):
 * <ul>
 * <li><b>ours</b>, with the demo users and everything on;</li>
 * <li><b>the yardstick</b>: {@code bare.BareCamundaApplication}, Camunda 7.24's Spring Boot
 * starters and nothing else, secured as Camunda documents it (its REST authentication filter,
 * authorization on, our demo users and the grants the journeys need), running our own diagrams,
 * decision tables and forms with our code taken out ({@link Yardstick});</li>
 * <li><b>bare</b>: the same application unsecured, each process a row of user tasks (as
 * information: what Camunda costs with nothing to check and nothing to run).</li>
 * </ul>
 * Start-up is the median of interleaved starts on the existing database. Then all three run at
 * once, idle but for the one being measured, and whole cases of each process go through REST in
 * interleaved rounds (the same requests with the same answers, {@code benchmark.clients} callers
 * at once), so the machine's drift over the run falls on all three alike. Resident memory is
 * read after the last round, once each has run over 1,000 cases.
 */
class CaseThroughputBenchmark {

  private static final int CASES = Integer.getInteger("benchmark.cases", 60);
  private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 4);
  private static final int WARM_UP = Integer.getInteger("benchmark.warm-up", 30);
  private static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
  private static final int STARTS = Integer.getInteger("benchmark.starts", 5);
  /** The heap every JVM gets, minimum and maximum, so memory compares what each keeps beside it. */
  private static final String HEAP = System.getProperty("benchmark.heap", "1g");
  /** Who may start a case in our application (every process declares the same two groups). */
  private static final List<String> STARTERS = List.of(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS);
  /** The secured engines' first administrator, who sets up their users and grants. */
  private static final String BARE_ADMIN = "admin";
  /** JVM options for all applications, e.g. a flight recording: -Dbenchmark.java-options=... */
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
   * The database all run on: {@code h2} (the embedded default, an H2 file each) or {@code postgres}
   * (one embedded PostgreSQL 14 server, a database each; ours with its postgres profile).
   */
  private static final boolean POSTGRES = "postgres".equals(System.getProperty("benchmark.database", "h2"));
  /** Settings to try on ours (space separated), e.g. -Dbenchmark.ours-args=--camunda.bpm.history-level=full */
  private static final String[] OURS_ARGS = Stream.concat(Stream.of(
          POSTGRES ? "--spring.profiles.active=postgres,demo" : "--spring.profiles.active=demo"),
      Arrays.stream(System.getProperty("benchmark.ours-args", "").split(" ")).filter(arg -> !arg.isBlank()))
      .toArray(String[]::new);

  /** Where the applications keep their H2 files: a temporary directory, or -Dbenchmark.data-dir to look at them after. */
  @TempDir
  Path workDir;

  @Test
  void oursAgainstTheYardstick() throws Exception {
    if (System.getProperty("benchmark.data-dir") != null) {
      workDir = Files.createDirectories(Path.of(System.getProperty("benchmark.data-dir")).toAbsolutePath());
    }
    List<CaseJourney> journeys = CaseJourney.all();
    Path plainModels = Files.createDirectories(workDir.resolve("bare-processes"));
    for (CaseJourney journey : journeys) {
      Bpmn.writeModelToFile(plainModels.resolve(journey.processKey() + ".bpmn").toFile(), journey.bareModel(Map.of()));
    }
    Path ourDiagrams = Files.createDirectories(workDir.resolve("yardstick-processes"));
    Map<String, Map<String, Object>> computed = Yardstick.write(journeys, ourDiagrams);
    List<CaseJourney> yardstickJourneys = journeys.stream()
        .map(journey -> journey.startingWith(computed.get(journey.processKey()))).toList();

    Path ourData = Files.createDirectories(workDir.resolve("ours"));
    try (EmbeddedPostgres postgres = POSTGRES ? EmbeddedPostgres.builder().start() : null) {
      Map<String, String> ourEnvironment = new LinkedHashMap<>(OURS_JVM);
      if (postgres != null) {
        createDatabases(postgres, "ours", "bare", "yardstick");
        ourEnvironment.putAll(Map.of("OPENCSC_DB_URL", postgres.getJdbcUrl("postgres", "ours"),
            "OPENCSC_DB_USER", "postgres", "OPENCSC_DB_PASSWORD", "postgres"));
      }
      List<App> apps = List.of(
          new App("OpenCSC", journeys, true, api -> { }, () -> RunningApplication.launchClass(
              "org.opencsc.OpenCscApplication", classPath(false), ourEnvironment, withDataDir(OURS_ARGS, ourData))),
          new App("yardstick", yardstickJourneys, false, api -> grantTheJourneys(api, journeys),
              () -> RunningApplication.launchClass("bare.BareCamundaApplication", classPath(true), JVM,
                  securedBareArguments("yardstick", ourDiagrams, postgres))),
          new App("bare Camunda", journeys, false, api -> { }, () -> RunningApplication.launchClass(
              "bare.BareCamundaApplication", classPath(true), JVM, bareArguments("bare", plainModels, postgres))));
      measure(apps);
      report(journeys, apps.get(0), apps.get(1), apps.get(2));
    }
  }

  /**
   * Each application on an empty database ({@code prepare} then sets up what its cases need),
   * then {@value #STARTS} interleaved starts of each on the existing one; then all three at
   * once, a warm-up, and {@value #ROUNDS} interleaved rounds of cases.
   */
  private void measure(List<App> apps) throws Exception {
    for (App app : apps) {
      try (RunningApplication first = app.launcher.launch().awaitReady()) {
        app.readyEmpty = first.secondsToReady();
        app.prepare.accept(new Api(first.port));
      }
    }
    for (int start = 0; start < STARTS; start++) {
      for (App app : apps) {
        try (RunningApplication started = app.launcher.launch().awaitReady()) {
          app.starts.add(started.secondsToReady());
        }
      }
    }
    List<RunningApplication> running = new ArrayList<>();
    try {
      for (App app : apps) {
        running.add(app.launcher.launch().awaitReady());
      }
      for (int i = 0; i < apps.size(); i++) {
        App app = apps.get(i);
        for (CaseJourney journey : app.journeys) {
          cases(new Api(running.get(i).port), journey, WARM_UP, app.registersChildren, app.name + "-warm");
          app.cases += WARM_UP;
        }
      }
      for (int round = 0; round < ROUNDS; round++) {
        for (int turn = 0; turn < apps.size(); turn++) {
          int i = (round + turn) % apps.size(); // each round another application goes first
          App app = apps.get(i);
          RunningApplication process = running.get(i);
          Api api = new Api(process.port);
          for (CaseJourney journey : app.journeys) {
            List<String> children = children(api, journey, CASES, app.registersChildren);
            double cpuBefore = process.cpuSeconds();
            long started = System.nanoTime();
            runCases(api, journey, children, app.name + "-" + round);
            app.throughput.computeIfAbsent(journey.processKey(), key -> new Throughput())
                .add(CASES, (System.nanoTime() - started) / 1e9, process.cpuSeconds() - cpuBefore);
            app.cases += CASES;
          }
        }
      }
      for (int i = 0; i < apps.size(); i++) {
        apps.get(i).rssLoaded = running.get(i).residentMiB();
      }
    } finally {
      for (RunningApplication process : running) {
        process.close();
      }
    }
    for (App app : apps) {
      System.out.printf("%s: ready %.1f s on an empty database, %s s on the existing one; %s%n", app.name,
          app.readyEmpty, app.starts, app.throughput);
    }
  }

  /** The tables: each process's cases per second against the yardstick and the bare engine, then start-up and memory. */
  private static void report(List<CaseJourney> journeys, App ours, App yardstick, App bare) {
    System.out.println();
    System.out.println("Our settings: " + String.join(" ", OURS_ARGS) + "; every JVM -Xms" + HEAP + " -Xmx" + HEAP);
    System.out.printf("Whole cases through REST, %d rounds of %d per process after %d warm-up, %d callers at once, "
        + "%d CPUs, %s%n", ROUNDS, CASES, WARM_UP, CLIENTS, Runtime.getRuntime().availableProcessors(),
        POSTGRES ? "PostgreSQL (embedded, a database each)" : "H2 file");
    System.out.printf("| %-20s | %5s | %8s | %12s | %17s | %16s | %12s | %10s | %25s |%n",
        "process", "tasks", "requests", "ours cases/s", "yardstick cases/s", "ours / yardstick", "bare cases/s",
        "ours / bare", "CPU ms/case ours, yd, bare");
    for (CaseJourney journey : journeys) {
      Throughput o = ours.throughput.get(journey.processKey());
      Throughput y = yardstick.throughput.get(journey.processKey());
      Throughput b = bare.throughput.get(journey.processKey());
      double ratio = o.casesPerSecond() / y.casesPerSecond();
      System.out.printf("| %-20s | %5d | %8d | %12.1f | %17.1f | %9.2f %-6s | %12.1f | %10.2f | %7.0f, %7.0f, %7.0f |%n",
          journey.processKey(), journey.steps().size(), journey.requests(), o.casesPerSecond(), y.casesPerSecond(),
          ratio, ratio >= 0.8 ? "met" : "NOT", b.casesPerSecond(), o.casesPerSecond() / b.casesPerSecond(),
          o.cpuMsPerCase(), y.cpuMsPerCase(), b.cpuMsPerCase());
    }
    System.out.println("Goal: ours / yardstick >= 0.8 for every process. Yardstick = our diagrams without our code on "
        + "the bare engine secured as Camunda documents it; bare = user tasks in a row, unsecured (information).");
    System.out.println();
    System.out.printf("| %-12s | %16s | %28s | %21s |%n", "application", "ready, empty (s)",
        "ready, existing: median (s)", "RSS after cases MiB");
    for (App app : List.of(ours, yardstick, bare)) {
      System.out.printf("| %-12s | %16.1f | %20.1f of %2d | %13d (%,d) |%n", app.name, app.readyEmpty,
          app.medianStart(), app.starts.size(), app.rssLoaded, app.cases);
    }
    double startUp = ours.medianStart() / yardstick.medianStart();
    double memory = (double) ours.rssLoaded / yardstick.rssLoaded;
    System.out.printf("Ours / yardstick: start-up %.2f× (goal <= 1.5×: %s), RSS after the cases at a fixed heap "
        + "%.2f× (goal <= 1.3×: %s)%n", startUp, startUp <= 1.5 ? "met" : "NOT met", memory,
        memory <= 1.3 ? "met" : "NOT met");
    System.out.printf("Ours / bare (information): start-up %.2f×, RSS %.2f×%n", ours.medianStart() / bare.medianStart(),
        (double) ours.rssLoaded / bare.rssLoaded);
  }

  /**
   * Through the secured bare engine's REST API, as its administrator would in Admin: our demo
   * users in their groups, and the grants the journeys need, as ours gives them
   * ({@code AccessBootstrap}): each process and its history are read by the groups that work it
   * and the managers ({@link ProcessReaders}); the starters start cases and send the messages the
   * processes wait for. Tasks are granted to their candidate groups by the engine itself, as in ours.
   */
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

  /** The fixed heap and any options the properties name, for JAVA_TOOL_OPTIONS. */
  private static Map<String, String> javaOptions(String... properties) {
    return Map.of("JAVA_TOOL_OPTIONS", Stream.concat(Stream.of("-Xms" + HEAP, "-Xmx" + HEAP),
        Arrays.stream(properties).map(property -> System.getProperty(property, "")))
        .filter(option -> !option.isBlank()).collect(Collectors.joining(" ")));
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
    Callers.each(CLIENTS, children.size(), i -> journey.run(api, children.get(i),
        prefix + "-" + journey.processKey() + "-" + System.nanoTime() + "-" + i));
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
        "--camunda.bpm.deployment-resource-pattern=file:" + processes + "/*.bpmn,file:" + processes + "/*.dmn,file:"
            + processes + "/*.form",
        "--camunda.bpm.history-level=full",
        "--camunda.bpm.default-serialization-format=application/json"};
  }

  /**
   * The bare engine as Camunda's documentation secures it: authorization on, Camunda's own HTTP
   * Basic authentication filter on the REST API ({@code bare.RestApiAuthentication}), the first
   * administrator created by the starter ({@value #BARE_ADMIN}, password demo, as ours in the demo profile).
   */
  private String[] securedBareArguments(String name, Path processes, EmbeddedPostgres postgres) throws Exception {
    return Stream.concat(Arrays.stream(bareArguments(name, processes, postgres)), Stream.of(
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

  /** Cases, seconds and the server's CPU seconds summed over the rounds. */
  private static final class Throughput {
    private int cases;
    private double seconds;
    private double cpuSeconds;

    void add(int moreCases, double moreSeconds, double moreCpuSeconds) {
      cases += moreCases;
      seconds += moreSeconds;
      cpuSeconds += moreCpuSeconds;
    }

    double casesPerSecond() {
      return cases / seconds;
    }

    double cpuMsPerCase() {
      return cpuSeconds * 1000 / cases;
    }

    @Override
    public String toString() {
      return String.format("%.1f cases/s, %.1f ms CPU per case", casesPerSecond(), cpuMsPerCase());
    }
  }

  /** One application under measurement: how it starts, what it runs, what was measured. */
  private static final class App {
    final String name;
    final List<CaseJourney> journeys;
    final boolean registersChildren;
    final Consumer<Api> prepare;
    final Launcher launcher;
    final Map<String, Throughput> throughput = new LinkedHashMap<>();
    final List<Double> starts = new ArrayList<>();
    double readyEmpty;
    long rssLoaded;
    int cases;

    App(String name, List<CaseJourney> journeys, boolean registersChildren, Consumer<Api> prepare, Launcher launcher) {
      this.name = name;
      this.journeys = journeys;
      this.registersChildren = registersChildren;
      this.prepare = prepare;
      this.launcher = launcher;
    }

    double medianStart() {
      List<Double> sorted = starts.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }
  }
}
