package org.opencsc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencsc.Api;

/**
 * Due timers run per second by one node, then by two nodes, on the same PostgreSQL (issue 10).
 * Not part of the test command: {@code mvn -B -Pbenchmark verify} (docs/performance.md).
 * Each round notifies private fostering arrangements through the API, makes their
 * "first visit late" timers due at once and measures from the first to the last timer run
 * (history job log); every timer must run exactly once.
 */
class TimerThroughputBenchmark {

  private static final int TIMERS = Integer.getInteger("benchmark.timers", 1000);
  private static final double NODE_CPUS = Double.parseDouble(System.getProperty("benchmark.node-cpus", "0"));
  /** Nodes look for due jobs every second; -Dbenchmark.args adds settings to try (space separated). */
  private static final String[] NODE_ARGS = Stream.concat(
      Stream.of("--camunda.bpm.job-execution.wait-time-in-millis=500",
          "--camunda.bpm.job-execution.max-wait=1000"),
      Arrays.stream(System.getProperty("benchmark.args", "").split(" ")).filter(arg -> !arg.isBlank()))
      .toArray(String[]::new);

  @TempDir
  Path workDir;

  @Test
  void dueTimersPerSecondOnOneAndTwoNodes() throws Exception {
    try (Cluster cluster = Cluster.start(workDir)) {
      RunningApplication a = node(cluster, 0, "node-a");
      Api nodeA = new Api(a.port);
      Round one = round(cluster, Map.of(nodeA, a), "1 node");

      RunningApplication b = node(cluster, 1, "node-b");
      Round two = round(cluster, Map.of(nodeA, a, new Api(b.port), b), "2 nodes");

      System.out.println();
      System.out.println("Node settings: " + String.join(" ", NODE_ARGS));
      System.out.printf("Due timers (private fostering first-visit deadline, breach recorded), %d per round, "
          + "%s per node of %d, PostgreSQL %s%n", TIMERS, NODE_CPUS > 0 ? NODE_CPUS + " CPU (quota)" : "1 CPU (pinned)",
          Runtime.getRuntime().availableProcessors(),
          cluster.strings("show server_version").get(0));
      System.out.printf("| %-8s | %7s | %8s | %9s | %-26s | %13s | %13s |%n", "nodes", "timers", "seconds",
          "timers/s", "runs per node", "node CPU ms/t", "machine busy");
      for (Round round : List.of(one, two)) {
        System.out.printf("| %-8s | %7d | %8.2f | %9.1f | %-26s | %13.2f | %12.0f%% |%n", round.name, round.timers,
            round.seconds, round.perSecond(), round.perNode, round.nodeCpuMsPerTimer, round.machineBusy * 100);
      }
      System.out.printf("Two nodes / one node: %.2fx (target >= 1.6x); runs of any timer more than once: 0%n",
          two.perSecond() / one.perSecond());
    }
  }

  /**
   * Nodes on separate machines each have CPUs of their own, and the database has its own. One
   * machine can only stand in for that: with -Dbenchmark.node-cpus=0.5 each node gets half a
   * CPU's time (cgroup quota, root only) and PostgreSQL the rest; by default each node is pinned
   * to one CPU (taskset) and shares it with PostgreSQL.
   */
  private static RunningApplication node(Cluster cluster, int cpu, String nodeId) throws Exception {
    return (NODE_CPUS > 0 ? cluster.launchWithCpuQuota(NODE_CPUS, nodeId, NODE_ARGS)
        : cluster.launchOnCpu(cpu, nodeId, NODE_ARGS)).awaitReady();
  }

  private static Round round(Cluster cluster, Map<Api, RunningApplication> nodes, String name) throws Exception {
    List<String> arrangements = new ArrayList<>();
    for (Api node : nodes.keySet()) {
      arrangements.addAll(cluster.notifyArrangements(node, TIMERS / nodes.size()));
    }
    double nodeCpuBefore = cpuSeconds(nodes.values());
    long[] machineBefore = machineTicks();
    List<String> timers = cluster.makeFirstVisitTimersDue();
    assertThat(timers).hasSize(arrangements.size());
    cluster.awaitDone(timers, Duration.ofMinutes(20));
    long[] machineAfter = machineTicks();
    double nodeCpu = cpuSeconds(nodes.values()) - nodeCpuBefore;
    double busy = (double) (machineAfter[0] - machineBefore[0]) / (machineAfter[1] - machineBefore[1]);

    Map<String, Long> runs = cluster.successesPerJob(timers);
    assertThat(runs).as("every timer ran").hasSize(timers.size());
    assertThat(runs.values()).as("none twice").containsOnly(1L);
    Timestamp first = cluster.firstSuccess(timers);
    Timestamp last = cluster.lastSuccess(timers);
    return new Round(name, timers.size(), (last.getTime() - first.getTime()) / 1000.0,
        cluster.successesPerNode(timers), nodeCpu * 1000 / timers.size(), busy);
  }

  private static double cpuSeconds(Iterable<RunningApplication> nodes) throws IOException {
    double total = 0;
    for (RunningApplication node : nodes) {
      total += node.cpuSeconds();
    }
    return total;
  }

  /** Busy and total CPU ticks of the whole machine so far (/proc/stat). */
  private static long[] machineTicks() throws IOException {
    String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < cpu.length; i++) {
      total += Long.parseLong(cpu[i]);
    }
    long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
    return new long[] {total - idle, total};
  }

  private record Round(String name, int timers, double seconds, Map<String, Long> perNode,
      double nodeCpuMsPerTimer, double machineBusy) {
    double perSecond() {
      return timers / seconds;
    }
  }
}
