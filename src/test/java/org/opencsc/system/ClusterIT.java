package org.opencsc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opencsc.Api;
import org.opencsc.Api.Reply;

/**
 * Two application nodes on one PostgreSQL, started at the same moment: one schema, one
 * deployment, one set of users and filters; a user's session is good on either node; a due
 * timer runs once across the cluster; the same task completed on both nodes at once succeeds
 * once and the other caller is told 409.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

  @TempDir
  static Path workDir;

  private Cluster cluster;
  private Api nodeA;
  private Api nodeB;

  @BeforeAll
  void startTwoNodesTogether() throws Exception {
    cluster = Cluster.start(workDir);
    // Both nodes look for due jobs every second (production: 5-10 s), so both compete for them.
    String[] pollEverySecond = {"--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=1000"};
    RunningApplication a = cluster.launch("node-a", Map.of(), pollEverySecond);
    RunningApplication b = cluster.launch("node-b", Map.of(), pollEverySecond);
    a.awaitReady();
    b.awaitReady();
    System.out.printf("Two nodes started together on one empty PostgreSQL: node-a ready in %.1f s, node-b in %.1f s%n",
        a.secondsToReady(), b.secondsToReady());
    nodeA = new Api(a.port);
    nodeB = new Api(b.port);
  }

  @AfterAll
  void stop() throws Exception {
    cluster.close();
  }

  @Test
  void nodesStartingTogetherCreateOneSchemaOneDeploymentAndOneSetUp() throws Exception {
    assertThat(cluster.count("select count(*) from flyway_schema_history where version in ('6', '7') and success"))
        .as("engine schema and session tables migrated once").isEqualTo(2);
    assertThat(cluster.count("select count(*) from act_re_deployment")).as("one deployment").isEqualTo(1);
    assertThat(cluster.count("select count(*) from act_re_procdef where key_ = 'missingEpisode'")).isEqualTo(1);
    assertThat(cluster.strings("select name_ || '/' || coalesce(owner_, '') from act_ru_filter"
        + " group by name_, owner_ having count(*) > 1")).as("filters created twice").isEmpty();
    assertThat(cluster.count("select count(*) from act_id_membership where user_id_ = 'sarah'")).isEqualTo(1);
    for (Api node : List.of(nodeA, nodeB)) {
      Reply health = node.get("/actuator/health", "admin");
      assertThat(health.json().at("/status").asText()).as(health.body()).isEqualTo("UP");
      assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");
      assertThat(health.json().at("/components/jobExecutor/status").asText()).isEqualTo("UP");
    }
  }

  @Test
  void aUserLoggedInOnOneNodeIsServedByTheOther() {
    Api.WebappLogin login = nodeA.webappLogin("sarah", "tasklist");
    assertThat(login.reply().status()).as(login.reply().body()).isEqualTo(200);

    Reply onB = nodeB.send(nodeB.request("/camunda/api/admin/auth/user/default", null)
        .header("Cookie", "JSESSIONID=" + login.session()));
    assertThat(onB.status()).as("the session made on node-a, used on node-b").isEqualTo(200);
    assertThat(onB.json().get("userId").asText()).isEqualTo("sarah");
    Reply tasks = nodeB.send(nodeB.request("/camunda/api/engine/engine/default/task/count", null)
        .header("Cookie", "JSESSIONID=" + login.session()));
    assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);

    Reply stranger = nodeB.send(nodeB.request("/camunda/api/admin/auth/user/default", null)
        .header("Cookie", "JSESSIONID=not-a-session"));
    assertThat(stranger.status()).isNotEqualTo(200);
  }

  @Test
  void aDueTimerRunsOnceAcrossTheNodes() throws Exception {
    // Enough timers that running them outlasts a node's one-second look for due jobs.
    CompletableFuture<List<String>> onA = CompletableFuture.supplyAsync(() -> cluster.notifyArrangements(nodeA, 150));
    CompletableFuture<List<String>> onB = CompletableFuture.supplyAsync(() -> cluster.notifyArrangements(nodeB, 150));
    List<String> arrangements = new ArrayList<>(onA.join());
    arrangements.addAll(onB.join());
    List<String> timers = cluster.makeFirstVisitTimersDue();
    assertThat(timers).hasSize(arrangements.size());

    cluster.awaitDone(timers, Duration.ofSeconds(120));

    Map<String, Long> runs = cluster.successesPerJob(timers);
    assertThat(runs).as("every timer ran").hasSize(timers.size());
    assertThat(runs.values()).as("and none twice").containsOnly(1L);
    Map<String, Long> perNode = cluster.successesPerNode(timers);
    System.out.println("First-visit timers run per node: " + perNode);
    assertThat(perNode).as("both nodes took part").containsOnlyKeys("node-a", "node-b");
    assertThat(cluster.count("select count(*) from breach where code = 'PF_FIRST_VISIT_LATE'"
        + " and process_instance_id = any(?)", arrangements)).as("one breach per arrangement")
        .isEqualTo(arrangements.size());
  }

  @Test
  void theSameTaskCompletedOnBothNodesAtOnceSucceedsOnce() throws Exception {
    for (int round = 0; round < 5; round++) {
      String instance = cluster.notifyArrangements(nodeA, 1).get(0);
      String taskId = cluster.strings("select id_ from act_ru_task where proc_inst_id_ = '" + instance
          + "' and task_def_key_ = 'initialVisit'").get(0);
      Map<String, Object> visit = Map.of("variables", Map.of(
          "visitedAt", Map.of("value", Instant.now().minusSeconds(600).toString(), "type", "String"),
          "seenAlone", Map.of("value", true, "type", "Boolean"),
          "householdSeen", Map.of("value", true, "type", "Boolean"),
          "visitReport", Map.of("value", "Warm home; child settled", "type", "String")));
      List<Reply> done = Api.atOnce(List.of(nodeA, nodeB).stream().<Supplier<Reply>>map(node ->
          () -> node.post("/engine-rest/task/" + taskId + "/complete", "sarah", visit)).toList());

      assertThat(done).extracting(Reply::status).as(done.toString()).containsExactlyInAnyOrder(204, 409);
      assertThat(cluster.count("select count(*) from act_hi_taskinst where proc_inst_id_ = '" + instance
          + "' and task_def_key_ = 'initialVisit' and end_time_ is not null")).as("completed once").isEqualTo(1);
      assertThat(cluster.count("select count(*) from act_ru_task where id_ = '" + taskId + "'")).isZero();
    }
  }
}
