package org.opencsc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencsc.Api;
import org.opencsc.CaseJourney;
import org.opencsc.CaseJourney.Acknowledged;

/**
 * The application killed (SIGKILL) in the middle of a steady load of whole cases, then started
 * again on the same H2 file (issue 12): every child registered, case started and task completed
 * that the application acknowledged is there, with its audit entry, none twice; timers that fell
 * due while it was down run once after the restart.
 */
class CrashRecoveryIT {

  private static final int CALLERS = 4;
  private static final int TIMER_CASES = 5;
  /** The chase timers of the timer cases fall due this long after they are set up. */
  private static final Duration TIMERS_DUE_IN = Duration.ofSeconds(30);
  /**
   * The kill falls at a random point in the work, not in time: once somewhere between this many
   * task completions have been acknowledged (more than the 20 the test needs), the other callers'
   * requests in flight.
   */
  private static final int KILL_AFTER_LEAST = 25;
  private static final int KILL_AFTER_MOST = 60;
  private static final String[] FAST_JOBS = {"--spring.profiles.active=demo",
      "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=1000"};

  @TempDir
  Path dataDir;

  @Test
  void nothingAcknowledgedIsLostOrDoubledAndTimersDueDuringTheOutageRunOnce() throws Exception {
    List<String> children = Collections.synchronizedList(new ArrayList<>());
    List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
    List<String> timerCases = new ArrayList<>();
    Instant timersDue;
    Instant killedAt;
    AtomicInteger refusedAfterKill = new AtomicInteger();
    AtomicInteger completionsAcknowledged = new AtomicInteger();
    Consumer<Acknowledged> acknowledge = step -> {
      acknowledged.add(step);
      if (step.taskId() != null) {
        completionsAcknowledged.incrementAndGet();
      }
    };

    RunningApplication app = RunningApplication.launch(dataDir, Map.of(), FAST_JOBS).awaitReady();
    try {
      Api api = new Api(app.port);
      timersDue = Instant.now().plus(TIMERS_DUE_IN);
      for (int i = 0; i < TIMER_CASES; i++) {
        timerCases.add(TimerCases.returnedChildAwaitingInterview(api, timersDue, i));
      }

      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
      List<Future<?>> load = new ArrayList<>();
      for (int c = 0; c < CALLERS; c++) {
        int caller = c;
        load.add(callers.submit(() -> {
          List<CaseJourney> journeys = CaseJourney.all();
          for (int n = 0; running.get(); n++) {
            try {
              String child = TimerCases.register(api, "Crash Child " + caller + "-" + n);
              children.add(child);
              journeys.get((caller + n) % journeys.size()).run(api, child, "CRASH-" + caller + "-" + n, acknowledge);
            } catch (RuntimeException dropped) {
              if (running.get()) {
                throw dropped;
              }
              refusedAfterKill.incrementAndGet();
              return null;
            }
          }
          return null;
        }));
      }
      int killAfter = KILL_AFTER_LEAST + ThreadLocalRandom.current().nextInt(KILL_AFTER_MOST - KILL_AFTER_LEAST + 1);
      System.out.printf("Killing the application once %d task completions are acknowledged%n", killAfter);
      Duration untilTimersDue = Duration.between(Instant.now(), timersDue);
      try {
        await(killAfter + " task completions acknowledged before the timers fall due")
            .atMost(untilTimersDue.isNegative() || untilTimersDue.isZero() ? Duration.ofMillis(1) : untilTimersDue)
            .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
            .until(() -> completionsAcknowledged.get() >= killAfter || load.stream().anyMatch(Future::isDone));
      } catch (ConditionTimeoutException tooSlow) {
        // killed late: the assertion on killedAt below says so
      }
      running.set(false);
      app.kill();
      killedAt = Instant.now();
      callers.shutdown();
      assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      for (Future<?> caller : load) {
        caller.get(); // a caller that failed before the kill fails the test with its reply
      }
    } finally {
      app.kill();
    }
    assertThat(killedAt).as("the timers must fall due while the application is down").isBefore(timersDue);
    // The one wait on the clock, as this test is about time: the timers must fall due while the
    // application is down, so it starts again only once their due time (whole seconds, never
    // later than timersDue) has passed.
    await("the chase timers to fall due").atMost(TIMERS_DUE_IN)
        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
        .until(() -> Instant.now().isAfter(timersDue));

    try (RunningApplication restarted = RunningApplication.launch(dataDir, Map.of(), FAST_JOBS).awaitReady()) {
      Api api = new Api(restarted.port);
      // Each timer case has its chase task and no chase timer left: a timer's run ends it in the
      // same transaction that opens the task, so nothing is left that could run a second time.
      try {
        await("every timer case's chase task open and its timer gone").atMost(Duration.ofSeconds(90))
            .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
            .until(() -> TimerCases.chaseTasks(api, timerCases) >= TIMER_CASES && TimerCases.chaseTimers(api, timerCases) == 0);
      } catch (ConditionTimeoutException late) {
        // the count of timer runs below says which did not run
      }
    }

    long starts = acknowledged.stream().filter(step -> step.taskId() == null).count();
    long completions = acknowledged.size() - starts;
    try (Connection db = RunningApplication.database(dataDir)) {
      int lostChildren = 0;
      for (String child : children) {
        lostChildren += TimerCases.count(db, "select count(*) from child where id = ?", child) == 1 ? 0 : 1;
      }
      int lost = 0;
      int auditMissing = 0;
      for (Acknowledged step : acknowledged) {
        if (step.taskId() == null) {
          lost += TimerCases.count(db, "select count(*) from act_hi_procinst where id_ = ?", step.processInstanceId()) == 1 ? 0 : 1;
          continue;
        }
        boolean completed = TimerCases.count(db, "select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null",
            step.taskId()) == 1
            && TimerCases.count(db, "select count(*) from step_record where task_id = ? and completed_by = ?", step.taskId(),
            step.user()) == 1;
        lost += completed ? 0 : 1;
        auditMissing += TimerCases.count(db, "select count(distinct operation_id_) from act_hi_op_log where task_id_ = ? "
            + "and operation_type_ = 'Complete' and user_id_ = ?", step.taskId(), step.user()) == 1 ? 0 : 1;
      }
      int doubled = TimerCases.count(db, "select count(*) from (select proc_inst_id_, task_def_key_ from act_hi_taskinst "
          + "where delete_reason_ = 'completed' and proc_inst_id_ in (select id_ from act_hi_procinst where business_key_ "
          + "like 'CRASH-%') group by proc_inst_id_, task_def_key_ having count(*) > 1)");
      int chaseTimerRuns = TimerCases.count(db, "select count(*) from act_hi_job_log where job_state_ = 2 and act_id_ = "
          + "'startEvent_48HoursPassed' and process_instance_id_ in (" + String.join(",",
          Collections.nCopies(TIMER_CASES, "?")) + ")", timerCases.toArray());

      System.out.printf("Crash under load: killed after %d children, %d case starts and %d task completions were "
          + "acknowledged (%d requests cut off); after the restart: %d children, %d steps and %d audit entries "
          + "missing, %d steps done twice; %d of %d timers due during the outage ran (once each: %s)%n",
          children.size(), starts, completions, refusedAfterKill.get(), lostChildren, lost, auditMissing, doubled,
          chaseTimerRuns, TIMER_CASES, chaseTimerRuns == TIMER_CASES);
      assertThat(completions).as("the load completed tasks before the kill").isGreaterThan(20);
      assertThat(lostChildren).as("registered children lost").isZero();
      assertThat(lost).as("acknowledged starts and completions lost").isZero();
      assertThat(auditMissing).as("completions without their user operation log entry").isZero();
      assertThat(doubled).as("steps completed twice").isZero();
      assertThat(chaseTimerRuns).as("each chase timer ran exactly once").isEqualTo(TIMER_CASES);
    }
  }
}
