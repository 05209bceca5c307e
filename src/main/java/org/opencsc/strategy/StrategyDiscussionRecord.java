package org.opencsc.strategy;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opencsc.calendar.LondonTime;
import org.opencsc.workflow.Answers;
import org.opencsc.workflow.TaskRules;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the strategy discussion's case record in step with the process, in the engine's transaction. */
@Component
public class StrategyDiscussionRecord {

  private final StrategyDiscussionRepository discussions;

  public StrategyDiscussionRecord(StrategyDiscussionRepository discussions) {
    this.discussions = discussions;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public StrategyDiscussion opened(String processInstanceId, Answers answers, boolean lookedAfter, Instant assessmentDueAt) {
    return discussions.findById(processInstanceId).orElseGet(() -> discussions.insert(new StrategyDiscussion(
        processInstanceId, answers.text("childId"), answers.dateTime("referralReceivedAt").toInstant(),
        answers.text("concern"), answers.isTrue("urgent"), lookedAfter, answers.text("missingEpisodeId"),
        assessmentDueAt, LondonTime.now().toInstant())));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void overridden(String processInstanceId) {
    discussion(processInstanceId).overridden();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void enquiryStarted(String processInstanceId, Instant icpcDueAt) {
    discussion(processInstanceId).enquiryStarted(icpcDueAt);
  }

  void discussed(DelegateTask task) {
    Answers answers = new Answers(task);
    discussion(task.getProcessInstanceId()).discussed(answers.dateTime("heldAt").toInstant(),
        answers.text("decision"), answers.is("decision", "SECTION_47") ? answers.text("s47Type") : null);
  }

  void decisionSignedOff(DelegateTask task) {
    if (new Answers(task).isTrue("decisionApproved")) {
      discussion(task.getProcessInstanceId()).approved(
          (String) task.getVariable(TaskRules.completedByVariable(task.getTaskDefinitionKey())), LondonTime.now().toInstant());
    }
  }

  void enquiryOutcome(DelegateTask task) {
    Answers answers = new Answers(task);
    discussion(task.getProcessInstanceId()).enquiryOutcome(answers.text("s47Outcome"),
        answers.is("s47Outcome", "ICPC_NOT_REQUIRED") ? answers.text("icpcNotRequiredReason") : null);
  }

  void conferenceHeld(DelegateTask task) {
    Answers answers = new Answers(task);
    discussion(task.getProcessInstanceId()).conferenceHeld(answers.date("icpcHeldOn"), answers.isTrue("childProtectionPlan"));
  }

  private StrategyDiscussion discussion(String processInstanceId) {
    return discussions.findById(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "No strategy discussion record for process instance " + processInstanceId));
  }
}
