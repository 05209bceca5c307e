package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;

/** Health for load balancers without credentials and without details; metrics for administrators. */
class ActuatorSecurityTest extends ApplicationTest {

  @Test
  void healthIsOpenAndShowsNoDetails() {
    Reply health = api.get("/actuator/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("details");
  }

  @Test
  void anAdministratorSeesEachPartOfThisNodesHealth() {
    Reply health = api.get("/actuator/health", "admin");
    assertThat(health.status()).isEqualTo(200);
    for (String part : new String[] {"db", "processEngine", "diskSpace"}) {
      assertThat(health.json().at("/components/" + part + "/status").asText()).as(part).isEqualTo("UP");
    }
    // In-JVM tests run jobs by hand (no job executor, so no part for it); a running node reports
    // its jobExecutor too (ClusterIT).
    assertThat(api.get("/actuator/health", "sarah").body()).as("a social worker sees no details")
        .doesNotContain("components");
    assertThat(api.get("/actuator/health/readiness", null).status()).as("readiness probe").isEqualTo(200);
  }

  @Test
  void metricsNeedAnAdministrator() {
    assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
    assertThat(api.get("/actuator/prometheus", "sarah").status()).isEqualTo(403);
    assertThat(api.get("/actuator/env", "admin").status()).as("not exposed").isEqualTo(404);
  }

  @Test
  void anAdministratorSeesTheJobBacklogPerNode() {
    missingEpisode("EP-METRICS");
    double before = jobsDue();
    clockAt(Instant.now().plus(Duration.ofDays(30))); // the episode's timers are now due
    double after = jobsDue();
    assertThat(after).as("the timers that fell due are counted").isGreaterThan(before)
        .isEqualTo(engine.getManagementService().createJobQuery().executable().count());

    String metrics = api.get("/actuator/prometheus", "admin").body();
    assertThat(metrics).contains("opencsc_jobs_failed{").contains("opencsc_incidents_open{")
        .contains("opencsc_job_executor_active{").contains("jvm_memory_used_bytes{");
  }

  private double jobsDue() {
    Reply metrics = api.get("/actuator/prometheus", "admin");
    assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
    Matcher due = Pattern.compile("(?m)^opencsc_jobs_due\\{application=\"opencsc-workflow\",node=\"test-node\"} (\\S+)$")
        .matcher(metrics.body());
    assertThat(due.find()).as("opencsc_jobs_due with this node's tag").isTrue();
    return Double.parseDouble(due.group(1));
  }
}
