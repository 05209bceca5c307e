package org.opencsc.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.rules.Answers;
import org.opencsc.rules.BreachCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of late statutory steps. One row per step and deadline, whichever comes first:
 * the deadline timer firing ({@link #recordMissed}) or a late completion ({@link #recordLate});
 * the second call completes the same row. Writes join the engine's transaction, so a refused or
 * rolled-back step leaves no breach, and a job that runs twice finds its row already there.
 */
@Component("breachRegister")
public class BreachRegister {

  private final BreachRepository breaches;
  private final ApplicationEventPublisher events;

  public BreachRegister(BreachRepository breaches, ApplicationEventPublisher events) {
    this.breaches = breaches;
    this.events = events;
  }

  /** A deadline passed with the step not done (called from the deadline's timer). */
  @Transactional(propagation = Propagation.MANDATORY)
  public Breach recordMissed(Step step) {
    return breaches.findByProcessInstanceIdAndCodeAndDueAt(step.processInstanceId(), step.code(), step.dueAt())
        .orElseGet(() -> {
          Breach recorded = breaches.save(new Breach(step, now()));
          // only a new breach is news: a job run again finds its row above and tells no one twice
          events.publishEvent(new BreachRecorded(recorded));
          return recorded;
        });
  }

  /**
   * For BPMN: {@code ${breachRegister.recordMissed(execution, 'RHI_NOT_WITHIN_72H', 'rhiDueAt')}}
   * on the timer that fires at the deadline.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Breach recordMissed(DelegateExecution execution, String code, String deadlineVariable) {
    ZonedDateTime due = Answers.from(execution::getVariable).dateTime(deadlineVariable);
    if (due == null) {
      throw new IllegalStateException("Deadline variable " + deadlineVariable + " is not set");
    }
    Object childId = execution.getVariable("childId");
    String processKey = execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    // No task yet: the late completion that follows names the task that met the deadline.
    return recordMissed(new Step(BreachCode.valueOf(code), processKey, execution.getProcessInstanceId(),
        childId == null ? null : childId.toString(), null, due.toInstant()));
  }

  /**
   * A step was completed after its deadline (or as a failure of the duty), by whom and why. Once
   * per row: a second account of the same step (an interview not held and late) keeps the first.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Breach recordLate(Step step, Instant doneAt, String doneBy, String reason) {
    Breach breach = recordMissed(step);
    if (breach.getDoneAt() != null) {
      return breach;
    }
    breach.done(step.taskKey(), doneAt, doneBy, reason);
    return breaches.save(breach);
  }

  /**
   * The step turned out to be done in time (held on time, recorded after the deadline timer had
   * fired): the breach that timer wrote was not one. It is withdrawn, not deleted, so the record
   * still shows that the deadline passed before the step was recorded.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void metInTime(Step step, Instant doneAt, String doneBy) {
    breaches.findByProcessInstanceIdAndCodeAndDueAt(step.processInstanceId(), step.code(), step.dueAt())
        .filter(breach -> breach.getDoneAt() == null)
        .ifPresent(breach -> breach.withdraw(step.taskKey(), doneAt, doneBy, now()));
  }

  /**
   * Starts the case that watches the breach ({@code start} returns its id) unless one already
   * does: the breach is locked meanwhile, so two nodes, or a start-up pass meeting the breach's own
   * event, start one between them. True when this call started it.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean watchedBy(Long breachId, Supplier<String> start) {
    Breach breach = breaches.findLockedById(breachId).orElseThrow();
    if (breach.getEscalationId() != null) {
      return false;
    }
    breach.watchedBy(start.get());
    return true;
  }

  /** A service manager was asked to review the breach now. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void escalated(Long breachId) {
    breaches.findById(breachId).orElseThrow().escalated(now());
  }

  public Optional<Breach> find(Long breachId) {
    return breaches.findById(breachId);
  }

  /** Open breaches written before escalation watched every new one. */
  public List<Breach> unwatched() {
    return breaches.findByEscalationIdIsNullAndDoneAtIsNullAndWithdrawnAtIsNullOrderById();
  }

  /** The child's other breaches written in the period before this one (withdrawn ones are not breaches). */
  public List<Breach> earlierForChild(Breach breach, Duration period) {
    if (breach.getChildId() == null) {
      return List.of();
    }
    return breaches.findByChildIdAndWithdrawnAtIsNullAndRecordedAtBetween(breach.getChildId(),
        breach.getRecordedAt().minus(period), breach.getRecordedAt()).stream()
        .filter(other -> !other.getId().equals(breach.getId())).toList();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /**
   * Which step of which case was due when. The due time is kept to the millisecond, as a task's
   * due date holds it: the deadline timer (reading the variable) and the late completion
   * (reading the task) must name the same step, or one missed deadline would count twice.
   */
  public record Step(BreachCode code, String processKey, String processInstanceId, String childId,
      String taskKey, Instant dueAt) {
    public Step {
      dueAt = dueAt == null ? null : dueAt.truncatedTo(ChronoUnit.MILLIS);
    }
  }
}
