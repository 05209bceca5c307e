package org.opencsc.missing;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.AsSystem;
import org.opencsc.rules.Answers;
import org.opencsc.rules.Completion;
import org.opencsc.rules.TaskRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the episode's row in our case table in step with the process. Every write joins the
 * engine's transaction, and every write is an idempotent update of one row per episode, so a
 * retried job or a refused step leaves it exactly as the engine is.
 */
@Component("missingEpisodeRecord") // the name diagrams, old ones too, call it by
public class MissingEpisodes {

  private final MissingEpisodeRepository episodes;
  // Looked up when first asked: the rules that ask are built before the engine.
  private final ObjectProvider<ProcessEngine> engine;

  public MissingEpisodes(MissingEpisodeRepository episodes, ObjectProvider<ProcessEngine> engine) {
    this.episodes = episodes;
    this.engine = engine;
  }

  /**
   * Whether the child is missing now: an episode of theirs, still open, has no return recorded.
   * (A case an administrator deleted no longer counts.) Asked whoever reports the episode,
   * whether or not they may read the open one.
   */
  @Transactional(readOnly = true)
  public boolean stillMissing(String childId) {
    List<String> open = episodes.findByChildIdAndReturnedAtIsNull(childId).stream()
        .map(MissingEpisode::getProcessInstanceId).toList();
    if (open.isEmpty()) {
      return false;
    }
    ProcessEngine cases = engine.getObject();
    return AsSystem.call(cases.getIdentityService(), () -> cases.getRuntimeService().createProcessInstanceQuery()
        .processInstanceIds(new HashSet<>(open)).count() > 0);
  }

  /** Whether the moment falls inside one of the child's earlier episodes (before its return). */
  @Transactional(readOnly = true)
  public boolean insideAnEpisode(String childId, ZonedDateTime moment) {
    return episodes.existsByChildIdAndMissingFromLessThanEqualAndReturnedAtGreaterThan(childId, moment.toInstant(),
        moment.toInstant());
  }

  /** The episode as reported at the start; the same row if the start step runs again. */
  @Transactional(propagation = Propagation.MANDATORY)
  public MissingEpisode opened(String processInstanceId, String businessKey, Answers answers) {
    return episodes.findById(processInstanceId).orElseGet(() -> episodes.insert(new MissingEpisode(
        processInstanceId, answers.text("childId"), businessKey, answers.text("episodeType"),
        answers.dateTime("missingFrom").toInstant(), answers.text("reportedBy"), LondonTime.now().toInstant())));
  }

  /**
   * The repeat-missing decision's result, recorded when the decision task ends:
   * {@code ${missingEpisodeRecord.repeatDecided(execution)}}.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void repeatDecided(DelegateExecution execution) {
    Answers answers = Answers.from(execution::getVariable);
    episode(execution.getProcessInstanceId()).repeatCount(answers.integer("episodesInWindow").intValue(),
        answers.isTrue("repeatMissing"));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void returned(String processInstanceId, ZonedDateTime returnedAt, ZonedDateTime rhiDueAt) {
    episode(processInstanceId).returned(returnedAt.toInstant(), rhiDueAt.toInstant());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void referred(String processInstanceId, String strategyDiscussionId) {
    episode(processInstanceId).referred(strategyDiscussionId);
  }

  /** The manager's sign-off of the risk assessment (only an approval is the assessment of record). */
  void riskSignedOff(Completion task) {
    Answers answers = task.answers();
    if (answers.isTrue("riskApproved")) {
      episode(task.processInstanceId()).riskApproved(answers.text("riskLevel"), task.completedBy(),
          completedAt(task), answers.text("managerRationale"));
    }
  }

  void offered(Completion task) {
    Answers answers = task.answers();
    boolean offered = answers.isTrue("rhiOffered");
    episode(task.processInstanceId()).offer(offered,
        offered ? answers.dateTime("rhiOfferedAt").toInstant() : null,
        offered ? null : answers.text("rhiNotOfferedReason"),
        offered ? answers.isTrue("rhiAccepted") : null,
        offered && answers.isFalse("rhiAccepted") ? answers.text("rhiDeclineReason") : null);
  }

  void interviewed(Completion task) {
    Answers answers = task.answers();
    if (answers.isTrue("interviewNotHeld")) {
      episode(task.processInstanceId()).notHeld(answers.text("interviewNotHeldReason"));
    } else {
      episode(task.processInstanceId()).interview(answers.dateTime("rhiHeldAt").toInstant(),
          answers.text("interviewer"), answers.isTrue("interviewerIndependent"), answers.isTrue("harmDisclosed"));
    }
  }

  void reviewed(Completion task) {
    Answers answers = task.answers();
    episode(task.processInstanceId()).reviewed(answers.text("reviewOutcome"), task.completedBy(),
        completedAt(task), answers.text("managerRationale"), answers.text("noStrategyReason"));
  }

  private MissingEpisode episode(String processInstanceId) {
    return episodes.findById(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "No missing episode row for process instance " + processInstanceId));
  }

  private static Instant completedAt(Completion task) {
    return LondonTime.parseDateTime(task.answers().text(
        TaskRules.completedAtVariable(task.taskKey()))).toInstant();
  }
}
