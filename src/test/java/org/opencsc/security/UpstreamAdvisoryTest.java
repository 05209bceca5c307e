package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.opencsc.ApplicationTest;
import org.opencsc.ExpressionProbe;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Whether the engine under us still has the weakness that ExpressionGuard stands in front of
 * (CVE-2026-109432, ADR 0004), asked of the engine itself, behind every guard of ours. It runs on
 * Camunda 7.24 CE and on Operaton (tools/operaton, ADR 0009). While the engine evaluates an
 * expression inside an or-query with ad-hoc expressions switched off, the guard must stay; the day
 * an engine refuses it, this test fails and the guard can be reviewed for that engine.
 */
class UpstreamAdvisoryTest extends ApplicationTest {

  @Autowired
  private ExpressionProbe probe;

  @Test
  void theEngineRefusesAnAdHocExpressionAtTheTopOfATaskQuery() {
    TaskService tasks = engine.getTaskService();
    int before = probe.evaluations();
    assertThatThrownBy(() -> tasks.createTaskQuery().taskAssigneeExpression(ExpressionProbe.PAYLOAD).list())
        .isInstanceOf(BadUserRequestException.class);
    assertThat(probe.evaluations()).isEqualTo(before);
  }

  @Test
  void theEngineStillEvaluatesAnExpressionInsideAnOrQuerySoExpressionGuardStays() {
    TaskService tasks = engine.getTaskService();
    int before = probe.evaluations();
    tasks.createTaskQuery().or().taskAssigneeExpression(ExpressionProbe.PAYLOAD).endOr().list();
    assertThat(probe.evaluations())
        .as("the engine evaluated the or-query's expression (CVE-2026-109432 unfixed upstream)")
        .isGreaterThan(before);
  }
}
