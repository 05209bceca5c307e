package org.opencsc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencsc.Api;

/**
 * A node killed while it holds locked jobs: nothing it had not committed is lost, nothing it
 * had committed runs again, and another node runs the rest once the locks expire.
 */
class NodeTakeoverIT {

  private static final int LOCK_MILLIS = 30_000;

  @TempDir
  Path workDir;

  @Test
  void anotherNodeRunsTheJobsOfAKilledNodeAfterTheirLocksExpire() throws Exception {
    try (Cluster cluster = Cluster.start(workDir)) {
      // node-a takes every due job in one acquisition and runs them one at a time, so it dies
      // holding most of them.
      RunningApplication a = cluster.launch("node-a", Map.of("OPENCSC_JOB_LOCK_MILLIS", String.valueOf(LOCK_MILLIS)),
          "--camunda.bpm.job-execution.max-jobs-per-acquisition=500",
          "--camunda.bpm.job-execution.core-pool-size=1", "--camunda.bpm.job-execution.max-pool-size=1",
          "--camunda.bpm.job-execution.queue-capacity=500",
          "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=1000")
          .awaitReady();
      List<String> arrangements = cluster.notifyArrangements(new Api(a.port), 150);
      List<String> timers = cluster.makeFirstVisitTimersDue();

      awaitFirstSuccess(cluster, timers);
      a.kill();
      long ranOnA = cluster.successesPerJob(timers).size();
      List<String> held = cluster.strings("select id_ from act_ru_job where lock_owner_ is not null");
      Timestamp lockExpires = Timestamp.valueOf(cluster.strings("select max(lock_exp_time_) from act_ru_job").get(0));
      System.out.printf("node-a killed after running %d of %d due timers; it held %d locked until %s%n",
          ranOnA, timers.size(), held.size(), lockExpires);
      assertThat(held).as("node-a died holding jobs").isNotEmpty();

      RunningApplication b = cluster.launch("node-b", Map.of(),
          "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=1000")
          .awaitReady();
      cluster.awaitDone(timers, Duration.ofMillis(LOCK_MILLIS).plusSeconds(90));

      Map<String, Long> runs = cluster.successesPerJob(timers);
      assertThat(runs).as("nothing lost").hasSize(timers.size());
      assertThat(runs.values()).as("nothing run twice").containsOnly(1L);
      assertThat(cluster.successesPerNode(held)).as("node-b ran what node-a held").containsOnlyKeys("node-b");
      assertThat(cluster.firstSuccess(held)).as("none of them before node-a's locks expired")
          .isAfterOrEqualTo(lockExpires);
      assertThat(cluster.count("select count(*) from breach where code = 'PF_FIRST_VISIT_LATE'"
          + " and process_instance_id = any(?)", arrangements)).isEqualTo(arrangements.size());
      System.out.printf("node-b took over %d jobs after the locks expired (node-b ready %.1f s after start)%n",
          held.size(), b.secondsToReady());
    }
  }

  /** Polled often, so that node-a is killed soon after its first job and dies holding most of the rest. */
  private static void awaitFirstSuccess(Cluster cluster, List<String> timers) {
    await("node-a to run its first job").atMost(Duration.ofSeconds(60))
        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
        .until(() -> !cluster.successesPerJob(timers).isEmpty());
  }
}
