package org.opencsc.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.Variables.variables;

import java.time.Instant;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.opencsc.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Whose case a step is: set when a case starts, and once on the cases already running. */
class ChildNamesOnCasesTest extends ApplicationTest {

  @Autowired
  private ChildNamesOnCases names;

  @Test
  void aNewCaseAndEachOfItsStepsCarryTheChildsNameAndReference() {
    clockAt(Instant.parse("2026-11-30T09:00:00Z"));
    String child = registerChild("Named Child");
    ProcessInstance episode = started(child);
    assertThat(engine.getRuntimeService().getVariables(episode.getId()))
        .containsEntry(ChildRegistry.CHILD_NAME, "Named Child").containsEntry(ChildRegistry.CHILD_REFERENCE, child);
    Task step = task(episode, "assessMissingRisk");
    assertThat(engine.getTaskService().getVariablesLocal(step.getId()))
        .containsEntry(ChildRegistry.CHILD_NAME, "Named Child").containsEntry(ChildRegistry.CHILD_REFERENCE, child);
  }

  @Test
  void aCaseStartedBeforeTheListsShowedTheChildIsNamedOnceAtStartUp() {
    clockAt(Instant.parse("2026-11-30T09:00:00Z"));
    String child = registerChild("Earlier Child");
    ProcessInstance episode = started(child);
    Task step = task(episode, "assessMissingRisk");
    // As a case of the earlier release: nothing to say whose it is.
    engine.getRuntimeService().removeVariables(episode.getId(),
        java.util.List.of(ChildRegistry.CHILD_NAME, ChildRegistry.CHILD_REFERENCE));
    engine.getTaskService().removeVariablesLocal(step.getId(),
        java.util.List.of(ChildRegistry.CHILD_NAME, ChildRegistry.CHILD_REFERENCE));

    assertThat(names.nameRunningCases()).isPositive();
    assertThat(engine.getRuntimeService().getVariable(episode.getId(), ChildRegistry.CHILD_NAME)).isEqualTo("Earlier Child");
    assertThat(engine.getTaskService().getVariableLocal(step.getId(), ChildRegistry.CHILD_REFERENCE)).isEqualTo(child);
    assertThat(names.nameRunningCases()).as("named cases are left alone").isZero();

    engine.getManagementService().deleteProperty(ChildNamesOnCases.DONE);
    engine.getRuntimeService().removeVariables(episode.getId(), java.util.List.of(ChildRegistry.CHILD_NAME));
    names.onStart();
    assertThat(engine.getManagementService().getProperties()).containsKey(ChildNamesOnCases.DONE);
    assertThat(engine.getRuntimeService().getVariable(episode.getId(), ChildRegistry.CHILD_NAME)).isEqualTo("Earlier Child");
  }

  private ProcessInstance started(String child) {
    return startProcess("missingEpisode", "sarah", variables("childId", child, "episodeType", "MISSING",
        "missingFrom", "2026-11-30T07:00:00Z"));
  }
}
