package org.opencsc.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged application started as an operator starts it ({@code java -jar}), in its own
 * process with its own H2 file, so restarts and start-up failures are real.
 */
public final class RunningApplication implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  public final int port;
  final Path log;
  private final Process process;
  private final long launchedAt;
  private long readyAt;

  private RunningApplication(Process process, int port, Path log, long launchedAt) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.launchedAt = launchedAt;
  }

  /** Launches the jar; {@code arguments} are Spring arguments, {@code environment} replaces ours. */
  public static RunningApplication launch(Path dataDir, Map<String, String> environment, String... arguments)
      throws IOException {
    return launch(List.of(), dataDir, environment, arguments);
  }

  /** As above, the command run through {@code launcher} (e.g. {@code taskset -c 0} to give it one CPU). */
  static RunningApplication launch(List<String> launcher, Path dataDir, Map<String, String> environment,
      String... arguments) throws IOException {
    return launchJar(launcher, Path.of(System.getProperty("app.jar")), dataDir, environment, arguments);
  }

  /** Another build of the application (e.g. the one on the other engine), as above. */
  static RunningApplication launchJar(List<String> launcher, Path jar, Path dataDir, Map<String, String> environment,
      String... arguments) throws IOException {
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of(java(), "-jar", jar.toString(), "--opencsc.data-dir=" + dataDir));
    command.addAll(List.of(arguments));
    return start(command, environment);
  }

  /**
   * Another Spring Boot application (e.g. the bare Camunda application the benchmarks compare us
   * with), started from its main class on the given class path, with the same JVM and settings.
   */
  public static RunningApplication launchClass(String mainClass, String classPath, Map<String, String> environment,
      String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-cp", classPath, mainClass));
    command.addAll(List.of(arguments));
    return start(command, environment);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static RunningApplication start(List<String> command, Map<String, String> environment) throws IOException {
    int port = freePort();
    Path log = Files.createTempFile("opencsc-app", ".log");
    command.add("--server.port=" + port);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("OPENCSC_") || name.startsWith("SPRING_"));
    builder.environment().putAll(environment);
    return new RunningApplication(builder.start(), port, log, System.nanoTime());
  }

  /** Waits until the health endpoint answers UP; fails with the log if the process dies. */
  public RunningApplication awaitReady() {
    HttpClient http = HttpClient.newHttpClient();
    try {
      await("the application on port " + port + " to answer UP").atMost(START_TIMEOUT)
          .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
          .until(() -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("Application exited with " + process.exitValue() + ":\n" + tail());
            }
            return healthUp(http);
          });
    } catch (ConditionTimeoutException notReady) {
      throw new IllegalStateException("Application not ready within " + START_TIMEOUT + ":\n" + tail());
    }
    readyAt = System.nanoTime();
    return this;
  }

  private boolean healthUp(HttpClient http) throws InterruptedException {
    try {
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
      return health.statusCode() == 200 && health.body().contains("UP");
    } catch (IOException notYet) {
      return false; // still starting
    }
  }

  /** Waits for the process to end by itself (a refused start-up) and returns its exit code. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(START_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
      throw new IllegalStateException("Application still running after " + START_TIMEOUT);
    }
    return process.exitValue();
  }

  public double secondsToReady() {
    return (readyAt - launchedAt) / 1e9;
  }

  /** Resident memory of the application process in MiB, from /proc (Linux). */
  public long residentMiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  long pid() {
    return process.pid();
  }

  /** CPU time the application process has used so far (user + system), from /proc (Linux). */
  public double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime in ticks
  }

  /**
   * The H2 database in a data directory the application used, opened with the password the
   * application gave it (only once the application has stopped: H2 locks the file).
   */
  static Connection database(Path dataDir) throws IOException, SQLException {
    return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("opencsc"), "sa",
        Files.readString(dataDir.resolve("h2-password")).strip());
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** The node dies at once (SIGKILL): no shutdown hooks, no job handed back, connections dropped. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** A graceful stop (SIGTERM), as a service manager stops it. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
