package org.opencsc.engine;

import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.FORM_PROPERTY_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.IDENTITY_LINK_ADD;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.IDENTITY_LINK_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.JOB_CREATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.JOB_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;

import java.util.Set;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;

/**
 * The engine history we keep ({@code camunda.bpm.history-level: case-audit}, ADR 0008): Camunda's
 * {@code full} history without the three records that repeat what is kept elsewhere, each of
 * which cost a row and its indexes on nearly every step.
 * <ul>
 * <li>every change of every variable and every field submitted through a form
 * ({@code ACT_HI_DETAIL}): what each person recorded at each
 * step, including answers a reopened step later cleared, is in the step record's answers
 * ({@link CompletedStep#getAnswers()}); each variable's last value stays in {@code ACT_HI_VARINST};</li>
 * <li>candidate groups and assignees added and removed ({@code ACT_HI_IDENTITYLINK}): the diagram
 * names the groups, and each claim, hand-over and completion is in the user operation log;</li>
 * <li>a deadline timer created or deleted ({@code ACT_HI_JOB_LOG}): the task's history has its
 * due date; a timer that ran or failed is still logged.</li>
 * </ul>
 * Everything else is kept as at {@code full}: cases, steps, activities, variables, the user operation
 * log, incidents, decisions, batches, and the job log of every job that ran or failed.
 */
public final class CaseHistoryLevel implements HistoryLevel {

  public static final String NAME = "case-audit";
  /** Stored in ACT_GE_PROPERTY (historyLevel); Camunda's own levels are 0 to 3. */
  public static final int ID = 30;

  private static final Set<HistoryEventType> NOT_KEPT = Set.of(VARIABLE_INSTANCE_UPDATE_DETAIL, FORM_PROPERTY_UPDATE,
      IDENTITY_LINK_ADD, IDENTITY_LINK_DELETE, JOB_CREATE, JOB_DELETE);

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return !NOT_KEPT.contains(eventType);
  }
}
