package org.opencsc.operaton;

import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngines;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.runtime.ProcessInstance;

/**
 * The four process assertions our tests take from camunda-bpm-assert (isWaitingAt, hasPassed,
 * hasNotPassed, isEnded), for the Operaton build only. Its counterpart, operaton-bpm-assert, is
 * named by Operaton's BOM but cannot be resolved from Maven Central here, so the conversion
 * (tools/operaton/rewrite.yml) points BpmnAwareTests and AbstractAssertions at this class.
 * Every other assertThat is AssertJ's, as with BpmnAwareTests. Read through the engine's public
 * API with the same meaning: waiting at = an active activity instance of that id now; passed =
 * a finished activity instance of that id in history; ended = the instance has ended.
 */
public class ProcessAssertions extends Assertions {

  private static ProcessEngine engine;

  protected ProcessAssertions() {
  }

  /** The engine to read (as AbstractAssertions.init); without it, the default engine. */
  public static void init(ProcessEngine processEngine) {
    engine = processEngine;
  }

  static ProcessEngine engine() {
    ProcessEngine chosen = engine != null ? engine : ProcessEngines.getDefaultProcessEngine();
    if (chosen == null) {
      throw new IllegalStateException("No process engine: call ProcessAssertions.init(engine) first");
    }
    return chosen;
  }

  public static ProcessInstanceAssert assertThat(ProcessInstance actual) {
    return new ProcessInstanceAssert(actual);
  }

  /** Assertions on one process instance, read afresh from the engine at each call. */
  public static class ProcessInstanceAssert extends AbstractAssert<ProcessInstanceAssert, ProcessInstance> {

    ProcessInstanceAssert(ProcessInstance actual) {
      super(actual, ProcessInstanceAssert.class);
    }

    private String id() {
      isNotNull();
      return actual.getId();
    }

    private boolean running() {
      return engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(id()).count() > 0;
    }

    /** The ids of the activities the instance has finished, from history. */
    private List<String> passed() {
      return engine().getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(id()).finished().list().stream().map(HistoricActivityInstance::getActivityId).toList();
    }

    /** The given ids that are ({@code in} true) or are not in {@code ids}. */
    private static List<String> of(String[] given, List<String> ids, boolean in) {
      return Arrays.stream(given).filter(id -> ids.contains(id) == in).toList();
    }

    public ProcessInstanceAssert isWaitingAt(String... activityIds) {
      if (!running()) {
        failWithMessage("Expected process instance <%s> to be waiting at %s, but it has ended",
            id(), Arrays.toString(activityIds));
      }
      List<String> active = engine().getRuntimeService().getActiveActivityIds(id());
      if (!of(activityIds, active, false).isEmpty()) {
        failWithMessage("Expected process instance <%s> to be waiting at %s, but it is waiting at %s",
            id(), Arrays.toString(activityIds), active);
      }
      return this;
    }

    public ProcessInstanceAssert hasPassed(String... activityIds) {
      List<String> passed = passed();
      if (!of(activityIds, passed, false).isEmpty()) {
        failWithMessage("Expected process instance <%s> to have passed %s, but it has passed only %s",
            id(), Arrays.toString(activityIds), passed);
      }
      return this;
    }

    public ProcessInstanceAssert hasNotPassed(String... activityIds) {
      List<String> found = of(activityIds, passed(), true);
      if (!found.isEmpty()) {
        failWithMessage("Expected process instance <%s> not to have passed %s, but it has passed %s",
            id(), Arrays.toString(activityIds), found);
      }
      return this;
    }

    public ProcessInstanceAssert isEnded() {
      HistoricProcessInstance historic = engine().getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(id()).singleResult();
      if (running() || historic == null || historic.getEndTime() == null) {
        failWithMessage("Expected process instance <%s> to be ended, but it is not", id());
      }
      return this;
    }
  }
}
