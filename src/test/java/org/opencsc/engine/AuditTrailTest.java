package org.opencsc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.opencsc.ApplicationTest;
import org.opencsc.CaseJourney;
import org.opencsc.CaseJourney.Acknowledged;

/**
 * Who did what and when, for every task (issue 12): each completion through the API leaves a
 * user operation log entry with the user, the time, the task and the case, and the case's
 * history and audit entries are kept for the retention its diagram sets, not removed before.
 * (That they survive a crash and restart is {@code CrashRecoveryIT}.)
 */
class AuditTrailTest extends ApplicationTest {

  @Test
  void everyCompletedTaskRecordsWhoAndWhenAndIsKeptForTheRetentionPeriod() {
    for (CaseJourney journey : CaseJourney.all()) {
      List<Acknowledged> done = new ArrayList<>();
      Instant before = Instant.now();
      journey.run(api, registerChild("Audit Child"), "AUDIT-" + journey.processKey(), done::add);
      String instanceId = done.get(0).processInstanceId();

      for (Acknowledged step : done.subList(1, done.size())) {
        List<UserOperationLogEntry> completion = engine.getHistoryService().createUserOperationLogQuery()
            .taskId(step.taskId()).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list();
        assertThat(completion).as("%s %s", journey.processKey(), step.taskKey()).isNotEmpty().allSatisfy(entry -> {
          assertThat(entry.getUserId()).isEqualTo(step.user());
          assertThat(entry.getProcessInstanceId()).isEqualTo(instanceId);
          assertThat(entry.getTimestamp().toInstant()).isBetween(before.minusSeconds(1), Instant.now());
          assertThat(entry.getCategory()).isEqualTo(UserOperationLogEntry.CATEGORY_TASK_WORKER);
        });
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(step.taskId()).singleResult()
            .getEndTime()).as("%s ended in history", step.taskKey()).isNotNull();
      }

      HistoricProcessInstance ended = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(instanceId).singleResult();
      ProcessDefinition definition = engine.getRepositoryService().getProcessDefinition(ended.getProcessDefinitionId());
      assertThat(definition.getHistoryTimeToLive()).as("%s retention in days", journey.processKey())
          .isGreaterThanOrEqualTo(3650);
      Date keptUntil = Date.from(ended.getEndTime().toInstant().plus(Duration.ofDays(definition.getHistoryTimeToLive())));
      assertThat(ended.getRemovalTime()).as("%s kept for its retention", journey.processKey()).isEqualTo(keptUntil);
      Map<String, Date> auditRemoval = new HashMap<>();
      engine.getHistoryService().createUserOperationLogQuery().processInstanceId(instanceId).list()
          .forEach(entry -> auditRemoval.put(entry.getId(), entry.getRemovalTime()));
      assertThat(auditRemoval).as("%s audit entries", journey.processKey()).isNotEmpty()
          .allSatisfy((id, removal) -> assertThat(removal).isEqualTo(keptUntil));
    }
  }
}
