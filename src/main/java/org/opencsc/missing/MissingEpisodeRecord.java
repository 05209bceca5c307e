package org.opencsc.missing;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opencsc.calendar.LondonTime;
import org.opencsc.workflow.Answers;
import org.opencsc.workflow.TaskRules;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the episode's case record (our table) in step with the process. Every write joins the
 * engine's transaction, and every write is an idempotent update of one row per episode, so a
 * retried job or a refused step leaves it exactly as the engine is.
 */
@Component("missingEpisodeRecord")
public class MissingEpisodeRecord {

  private final MissingEpisodeRepository episodes;

  public MissingEpisodeRecord(MissingEpisodeRepository episodes) {
    this.episodes = episodes;
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
    Answers answers = new Answers(execution);
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
  void riskSignedOff(DelegateTask task) {
    Answers answers = new Answers(task);
    if (answers.isTrue("riskApproved")) {
      episode(task.getProcessInstanceId()).riskApproved(answers.text("riskLevel"), completedBy(task),
          completedAt(task), answers.text("managerRationale"));
    }
  }

  void offered(DelegateTask task) {
    Answers answers = new Answers(task);
    boolean offered = answers.isTrue("rhiOffered");
    episode(task.getProcessInstanceId()).offer(offered,
        offered ? answers.dateTime("rhiOfferedAt").toInstant() : null,
        offered ? null : answers.text("rhiNotOfferedReason"),
        offered ? answers.isTrue("rhiAccepted") : null,
        offered && answers.isFalse("rhiAccepted") ? answers.text("rhiDeclineReason") : null);
  }

  void interviewed(DelegateTask task) {
    Answers answers = new Answers(task);
    if (answers.isTrue("interviewNotHeld")) {
      episode(task.getProcessInstanceId()).notHeld(answers.text("interviewNotHeldReason"));
    } else {
      episode(task.getProcessInstanceId()).interview(answers.dateTime("rhiHeldAt").toInstant(),
          answers.text("interviewer"), answers.isTrue("interviewerIndependent"), answers.isTrue("harmDisclosed"));
    }
  }

  void reviewed(DelegateTask task) {
    Answers answers = new Answers(task);
    episode(task.getProcessInstanceId()).reviewed(answers.text("reviewOutcome"), completedBy(task),
        completedAt(task), answers.text("managerRationale"), answers.text("noStrategyReason"));
  }

  private MissingEpisode episode(String processInstanceId) {
    return episodes.findById(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "No missing episode record for process instance " + processInstanceId));
  }

  private static String completedBy(DelegateTask task) {
    return (String) task.getVariable(TaskRules.completedByVariable(task.getTaskDefinitionKey()));
  }

  private static Instant completedAt(DelegateTask task) {
    return LondonTime.parseDateTime((String) task.getVariable(
        TaskRules.completedAtVariable(task.getTaskDefinitionKey()))).toInstant();
  }
}
