package org.opencsc.performance;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencsc.Api;
import org.opencsc.CaseJourney;
import org.opencsc.system.RunningApplication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Completing a step from the form (issue 28): Tasklist's own {@code submit-form} path, with
 * {@value #PRACTITIONERS} practitioners each submitting a step every {@value #INTERVAL_MILLIS} ms,
 * staggered so that 10 submissions a second arrive at a steady rate. Not part of the test command:
 * {@code mvn -B -Pbenchmark verify -Dit.test=SubmitFormBenchmark} (docs/performance.md).
 *
 * <p>Ours runs as operators run it ({@code java -jar}, demo users, authorization on) on an H2 file,
 * then on an embedded PostgreSQL server with its postgres profile ({@code -Dbenchmark.database=h2}
 * or {@code postgres} for one). Before measuring, cases of the four processes are opened through
 * REST ({@link CaseJourney}'s starts, a child registered per case) and some taken on through REST
 * to each later step, so every step of every journey is open somewhere; each open step's task id is
 * looked up before it is due (not timed). The practitioners are the journeys' users, one session
 * each logged into Tasklist, as many sessions per user as that user has steps in the four journeys
 * (20 in all), so each of the 20 step kinds is submitted at the same rate, by the user whose job it
 * is, with {@link CaseJourney}'s answers built at that moment; the step a submission completes
 * brings its case's next step into the supply.
 *
 * <p>Arrivals are open-loop: a precomputed schedule, each submission handed to its own thread at its
 * moment, so a slow reply never delays the next arrival. Latency is from the scheduled moment to
 * the reply (queueing included); service time from the request sent to the reply. Every reply must
 * be 204.
 */
class SubmitFormBenchmark {

  private static final String GOAL = "Completing a step from the form (Tasklist's own submit-form path) with 20 "
      + "practitioners each submitting a step every 2 seconds (10 steps a second arriving at a steady rate, "
      + "not 20 clients in a tight loop): p95 <= 150 ms on H2 and PostgreSQL.";
  private static final double GOAL_P95_MILLIS = 150;
  private static final int PRACTITIONERS = 20;
  private static final long INTERVAL_MILLIS = 2000;
  private static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.submit-warm-up-seconds", 30);
  private static final int MEASURED_SECONDS = Integer.getInteger("benchmark.submit-seconds", 60);
  /** Open steps of each later kind taken on before measuring; the flow of cases keeps them topped up. */
  private static final int BUFFER = Integer.getInteger("benchmark.submit-buffer", 8);
  private static final int PREPARING_CLIENTS = 4;
  private static final String DOOR = "/camunda/api/engine/engine/default";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATABASE = System.getProperty("benchmark.database", "both");
  /** JVM options for ours, e.g. a flight recording: -Dbenchmark.java-options=... */
  private static final Map<String, String> JVM = System.getProperty("benchmark.java-options", "").isBlank()
      ? Map.of() : Map.of("JAVA_TOOL_OPTIONS", System.getProperty("benchmark.java-options"));

  @TempDir
  Path workDir;

  @Test
  void submittingStepsFromTheFormAtASteadyRate() throws Exception {
    List<Result> results = new ArrayList<>();
    if (!"postgres".equals(DATABASE)) {
      Path data = Files.createDirectories(workDir.resolve("h2"));
      try (RunningApplication app = RunningApplication.launch(data, JVM, "--spring.profiles.active=demo")
          .awaitReady()) {
        results.add(run("H2 file", app));
      }
    }
    if (!"h2".equals(DATABASE)) {
      Path data = Files.createDirectories(workDir.resolve("postgres"));
      try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
        Map<String, String> environment = new LinkedHashMap<>(JVM);
        environment.putAll(Map.of("OPENCSC_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
            "OPENCSC_DB_USER", "postgres", "OPENCSC_DB_PASSWORD", "postgres"));
        try (RunningApplication app = RunningApplication.launch(data, environment,
            "--spring.profiles.active=postgres,demo").awaitReady()) {
          results.add(run("PostgreSQL (embedded)", app));
        }
      }
    }
    report(results);
    List<String> failed = results.stream().filter(result -> result.failure != null)
        .map(result -> result.database + ": " + result.failure).toList();
    if (!failed.isEmpty()) {
      throw new AssertionError(String.join("\n", failed));
    }
  }

  // ---------------------------------------------------------------- the run on one database

  private Result run(String database, RunningApplication app) throws Exception {
    Api api = new Api(app.port);
    List<CaseJourney> journeys = CaseJourney.all();
    Supply supply = new Supply(journeys);
    List<Practitioner> practitioners = practitioners(api, journeys);
    int totalSlots = (WARM_UP_SECONDS + MEASURED_SECONDS) * 1000 / (int) INTERVAL_MILLIS * PRACTITIONERS;
    long preparing = System.nanoTime();
    prepare(api, journeys, supply, totalSlots);
    System.out.printf("%s: %d Tasklist sessions, %s; supply prepared in %.0f s; load average before measuring: %s%n",
        database, practitioners.size(), supply.describe(), (System.nanoTime() - preparing) / 1e9, loadAverage());

    // The schedule: practitioner p submits at start + p * 100 ms + k * 2 s.
    long stagger = INTERVAL_MILLIS * 1_000_000 / PRACTITIONERS;
    long warmUpEnd = TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
    int rounds = (WARM_UP_SECONDS + MEASURED_SECONDS) * 1000 / (int) INTERVAL_MILLIS;
    List<Sample> samples = new ArrayList<>();
    AtomicReference<String> failure = new AtomicReference<>();
    ExecutorService submitters = Executors.newCachedThreadPool();
    ExecutorService lookups = Executors.newFixedThreadPool(2);
    List<Future<Sample>> pending = new ArrayList<>();
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
    try {
      for (int round = 0; round < rounds && failure.get() == null; round++) {
        for (int p = 0; p < practitioners.size() && failure.get() == null; p++) {
          long offset = round * INTERVAL_MILLIS * 1_000_000 + p * stagger;
          long due = start + offset;
          for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
          }
          long dispatched = System.nanoTime();
          Practitioner practitioner = practitioners.get(p);
          boolean measured = offset >= warmUpEnd;
          pending.add(submitters.submit(() -> submit(api, practitioner, supply, lookups, due, dispatched, measured,
              failure)));
        }
      }
      for (Future<Sample> each : pending) {
        Sample sample = each.get(2, TimeUnit.MINUTES);
        if (sample != null && sample.measured) {
          samples.add(sample);
        }
      }
    } finally {
      submitters.shutdownNow();
      lookups.shutdown();
      lookups.awaitTermination(30, TimeUnit.SECONDS);
    }
    return new Result(database, samples, failure.get());
  }

  /** One submission at its scheduled moment ({@code due}): the step its practitioner takes next, from the form. */
  private static Sample submit(Api api, Practitioner practitioner, Supply supply, ExecutorService lookups, long due,
      long dispatched, boolean measured, AtomicReference<String> failure) {
    try {
      OpenStep open = supply.take(practitioner.user);
      if (open == null) {
        failure.compareAndSet(null, "no open step left for " + practitioner.user + " (raise -Dbenchmark.submit-buffer)");
        return null;
      }
      CaseJourney.Step step = open.journey.steps().get(open.position);
      String body = json(step.answers().apply(new CaseJourney.Context(open.childId, open.businessKey, Instant.now())));
      long sent = System.nanoTime();
      Api.Reply reply = api.send(api.request(DOOR + "/task/" + open.taskId + "/submit-form", null)
          .header("Content-Type", "application/json")
          .header("Cookie", "JSESSIONID=" + practitioner.session + "; XSRF-TOKEN=" + practitioner.token)
          .header("X-XSRF-TOKEN", practitioner.token)
          .POST(HttpRequest.BodyPublishers.ofString(body)));
      long replied = System.nanoTime();
      if (reply.status() != 204) {
        failure.compareAndSet(null, practitioner.user + " submitting " + open.journey.processKey() + "/"
            + step.taskKey() + " (" + open.businessKey + "): " + reply);
        return null;
      }
      if (open.position + 1 < open.journey.steps().size()) { // its case's next step joins the supply
        lookups.execute(() -> {
          try {
            supply.add(open.next(openTask(api, open.journey, open.processInstanceId, open.position + 1)));
          } catch (RuntimeException e) {
            failure.compareAndSet(null, "looking up the next step of " + open.businessKey + ": " + e.getMessage());
          }
        });
      }
      return new Sample(open.journey.processKey(), step.taskKey(), practitioner.user, due, dispatched, sent, replied,
          measured);
    } catch (RuntimeException e) {
      failure.compareAndSet(null, practitioner.user + ": " + e);
      return null;
    }
  }

  // ---------------------------------------------------------------- before measuring

  /**
   * The practitioners: each user as many sessions as they have steps in the journeys, so that the
   * 20 sessions' steps are the 20 steps of the four journeys, each kind taken at the same rate.
   */
  private static List<Practitioner> practitioners(Api api, List<CaseJourney> journeys) {
    List<String> users = journeys.stream().flatMap(journey -> journey.steps().stream()).map(CaseJourney.Step::user)
        .sorted().toList();
    if (users.size() != PRACTITIONERS) {
      throw new IllegalStateException("The journeys have " + users.size() + " steps, not " + PRACTITIONERS
          + "; give the practitioners out afresh");
    }
    // Interleaved, so that one user's sessions are spread over the 2 s rather than bunched.
    List<String> order = new ArrayList<>();
    Map<String, Integer> left = new LinkedHashMap<>();
    users.forEach(user -> left.merge(user, 1, Integer::sum));
    while (order.size() < users.size()) {
      for (Map.Entry<String, Integer> user : left.entrySet()) {
        if (user.getValue() > 0) {
          order.add(user.getKey());
          user.setValue(user.getValue() - 1);
        }
      }
    }
    List<Practitioner> practitioners = new ArrayList<>();
    for (String user : order) {
      String session = api.webappLogin(user, "tasklist").session();
      Api.Reply page = api.send(api.request("/camunda/app/tasklist/default/", null)
          .header("Cookie", "JSESSIONID=" + session));
      practitioners.add(new Practitioner(user, session, page.cookie("XSRF-TOKEN")));
    }
    return practitioners;
  }

  /**
   * Opens the cases: of each journey's first step enough for the whole run (nothing brings more),
   * and {@link #BUFFER} taken on through REST to each later step; each open step's task id looked up.
   */
  private static void prepare(Api api, List<CaseJourney> journeys, Supply supply, int totalSlots) throws Exception {
    int perKind = (int) Math.ceil((double) totalSlots / PRACTITIONERS) + BUFFER;
    List<int[]> cases = new ArrayList<>(); // journey index, position
    for (int j = 0; j < journeys.size(); j++) {
      for (int position = 0; position < journeys.get(j).steps().size(); position++) {
        for (int i = 0; i < (position == 0 ? perKind : BUFFER); i++) {
          cases.add(new int[] {j, position});
        }
      }
    }
    Callers.each(PREPARING_CLIENTS, cases.size(), i -> {
      CaseJourney journey = journeys.get(cases.get(i)[0]);
      supply.add(openCase(api, journey, cases.get(i)[1], "SUBMIT-" + journey.processKey() + "-" + i));
    });
  }

  /** A child registered, its case started, and taken on through REST to the step at {@code position}. */
  private static OpenStep openCase(Api api, CaseJourney journey, int position, String businessKey) {
    Api.Reply child = expect(api.post("/api/children", "sarah", Map.of("name", "Benchmark Child",
        "dateOfBirth", "2015-05-05", "lookedAfter", true, "disabled", false)), 201);
    String childId = child.json().get("id").asText();
    Map<String, Object> body = new HashMap<>(journey.start().apply(
        new CaseJourney.Context(childId, businessKey, Instant.now())));
    body.put("businessKey", businessKey);
    String instanceId = expect(api.post("/engine-rest/process-definition/key/" + journey.processKey() + "/start",
        journey.starter(), body), 200).json().get("id").asText();
    for (int taken = 0; taken < position; taken++) {
      CaseJourney.Step step = journey.steps().get(taken);
      expect(api.post("/engine-rest/task/" + openTask(api, journey, instanceId, taken) + "/complete", step.user(),
          step.answers().apply(new CaseJourney.Context(childId, businessKey, Instant.now()))), 204);
    }
    return new OpenStep(journey, childId, businessKey, instanceId, position, openTask(api, journey, instanceId, position));
  }

  /** The id of the case's open task of the journey's step at {@code position}, as its user sees it. */
  private static String openTask(Api api, CaseJourney journey, String instanceId, int position) {
    CaseJourney.Step step = journey.steps().get(position);
    Api.Reply open = expect(api.get("/engine-rest/task?processInstanceId=" + instanceId + "&taskDefinitionKey="
        + step.taskKey() + "&maxResults=2", step.user()), 200);
    if (open.json().size() != 1) {
      throw new IllegalStateException(journey.processKey() + ": " + step.taskKey() + " is not open for "
          + step.user() + ": " + open.body());
    }
    return open.json().get(0).get("id").asText();
  }

  // ---------------------------------------------------------------- the report

  private static void report(List<Result> results) {
    System.out.println();
    System.out.println("Goal: " + GOAL);
    System.out.printf("%d practitioners (Tasklist sessions), one submission each every %d ms, staggered by %d ms; "
            + "warm-up %d s, measured %d s; latency = scheduled moment -> reply, service = sent -> reply; %d cores%n",
        PRACTITIONERS, INTERVAL_MILLIS, INTERVAL_MILLIS / PRACTITIONERS, WARM_UP_SECONDS, MEASURED_SECONDS,
        Runtime.getRuntime().availableProcessors());
    System.out.printf("| %-22s | %5s | %5s | %10s | %8s | %8s | %8s | %8s | %10s | %10s | %-18s |%n", "database",
        "cores", "count", "arrivals/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "svc p95 ms", "late max ms",
        "goal p95 <= 150 ms");
    for (Result result : results) {
      if (result.samples.isEmpty()) {
        System.out.printf("| %-22s | %5d | %5d | %10s | %8s | %8s | %8s | %8s | %10s | %10s | %-18s |%n",
            result.database, Runtime.getRuntime().availableProcessors(), 0, "-", "-", "-", "-", "-", "-", "-",
            "not met (failed)");
        continue;
      }
      double[] latency = result.samples.stream().mapToDouble(Sample::latencyMillis).sorted().toArray();
      double[] service = result.samples.stream().mapToDouble(Sample::serviceMillis).sorted().toArray();
      double lateMax = result.samples.stream().mapToDouble(Sample::dispatchLagMillis).max().orElse(0);
      boolean met = result.failure == null && percentile(latency, 95) <= GOAL_P95_MILLIS;
      System.out.printf("| %-22s | %5d | %5d | %10.2f | %8.1f | %8.1f | %8.1f | %8.1f | %10.1f | %10.1f | %-18s |%n",
          result.database, Runtime.getRuntime().availableProcessors(), latency.length, result.arrivalRate(),
          percentile(latency, 50), percentile(latency, 95), percentile(latency, 99), latency[latency.length - 1],
          percentile(service, 95), lateMax, met ? "met" : result.failure == null ? "not met" : "not met (failed)");
    }
    System.out.println("late max = the most any submission left after its scheduled moment (the load generator's own lag).");
    for (Result result : results) {
      if (result.failure != null) {
        System.out.println(result.database + " FAILED: " + result.failure);
      }
      if (result.samples.isEmpty()) {
        continue;
      }
      System.out.println();
      System.out.println("By step, " + result.database + " (latency, slowest p95 first):");
      System.out.printf("| %-20s | %-30s | %-5s | %5s | %8s | %8s | %8s |%n", "process", "step", "user", "count",
          "p50 ms", "p95 ms", "max ms");
      Map<String, List<Sample>> bySteps = new LinkedHashMap<>();
      result.samples.forEach(sample -> bySteps.computeIfAbsent(sample.processKey + "/" + sample.taskKey,
          key -> new ArrayList<>()).add(sample));
      bySteps.values().stream()
          .map(steps -> new Object[] {steps.get(0), steps.stream().mapToDouble(Sample::latencyMillis).sorted().toArray()})
          .sorted((a, b) -> Double.compare(percentile((double[]) b[1], 95), percentile((double[]) a[1], 95)))
          .forEach(row -> {
            Sample first = (Sample) row[0];
            double[] millis = (double[]) row[1];
            System.out.printf("| %-20s | %-30s | %-5s | %5d | %8.1f | %8.1f | %8.1f |%n", first.processKey,
                first.taskKey, first.user, millis.length, percentile(millis, 50), percentile(millis, 95),
                millis[millis.length - 1]);
          });
    }
  }

  /** Nearest-rank percentile of sorted values. */
  private static double percentile(double[] sorted, double percent) {
    int rank = (int) Math.ceil(sorted.length * percent / 100.0);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  /** The machine's load averages (1, 5, 15 minutes), for reading the figures on a shared machine. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static Api.Reply expect(Api.Reply reply, int status) {
    if (reply.status() != status) {
      throw new IllegalStateException("Expected " + status + ", got " + reply.status() + ": " + reply.body());
    }
    return reply;
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- records

  /** A practitioner at Tasklist: the user, their session and Camunda's CSRF token. */
  private record Practitioner(String user, String session, String token) {
  }

  /** An open step of a case, its task id already looked up. */
  private record OpenStep(CaseJourney journey, String childId, String businessKey, String processInstanceId,
      int position, String taskId) {

    String taskKey() {
      return journey.steps().get(position).taskKey();
    }

    OpenStep next(String nextTaskId) {
      return new OpenStep(journey, childId, businessKey, processInstanceId, position + 1, nextTaskId);
    }
  }

  /**
   * The open steps by the user whose job they are, a queue per kind of step; each user takes the
   * kinds in turn (the next kind with a step open when one runs dry), oldest step first.
   */
  private static final class Supply {
    private final Map<String, List<String>> kindsByUser = new LinkedHashMap<>();
    private final Map<String, Queue<OpenStep>> byKind = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();

    Supply(List<CaseJourney> journeys) {
      for (CaseJourney journey : journeys) {
        for (CaseJourney.Step step : journey.steps()) {
          String kind = journey.processKey() + "/" + step.taskKey();
          kindsByUser.computeIfAbsent(step.user(), user -> new ArrayList<>()).add(kind);
          byKind.put(kind, new ConcurrentLinkedQueue<>());
          turns.putIfAbsent(step.user(), new AtomicInteger());
        }
      }
    }

    void add(OpenStep step) {
      byKind.get(step.journey.processKey() + "/" + step.taskKey()).add(step);
    }

    OpenStep take(String user) {
      List<String> kinds = kindsByUser.get(user);
      int turn = turns.get(user).getAndIncrement();
      for (int i = 0; i < kinds.size(); i++) {
        OpenStep step = byKind.get(kinds.get(Math.floorMod(turn + i, kinds.size()))).poll();
        if (step != null) {
          return step;
        }
      }
      return null;
    }

    String describe() {
      return byKind.values().stream().mapToInt(Queue::size).sum() + " open steps of " + byKind.size() + " kinds";
    }
  }

  private record Sample(String processKey, String taskKey, String user, long due, long dispatched, long sent,
      long replied, boolean measured) {

    double latencyMillis() {
      return (replied - due) / 1e6;
    }

    double serviceMillis() {
      return (replied - sent) / 1e6;
    }

    double dispatchLagMillis() {
      return (sent - due) / 1e6;
    }
  }

  private record Result(String database, List<Sample> samples, String failure) {

    /** Measured submissions per second, from the first one's dispatch to the last one's. */
    double arrivalRate() {
      long first = samples.stream().mapToLong(Sample::dispatched).min().orElse(0);
      long last = samples.stream().mapToLong(Sample::dispatched).max().orElse(0);
      return last == first ? 0 : (samples.size() - 1) / ((last - first) / 1e9);
    }
  }
}
