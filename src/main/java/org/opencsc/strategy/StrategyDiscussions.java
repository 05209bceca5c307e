package org.opencsc.strategy;

import java.time.Instant;

import org.opencsc.calendar.LondonTime;
import org.opencsc.rules.Answers;
import org.opencsc.rules.Completion;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the strategy discussion's row in our case table in step with the process, in the engine's transaction. */
@Component
public class StrategyDiscussions {

  private final StrategyDiscussionRepository discussions;

  public StrategyDiscussions(StrategyDiscussionRepository discussions) {
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
  /** When the section 47 enquiry was first decided (the held time of that discussion). */
  public Instant s47StartedAt(String processInstanceId) {
    return discussion(processInstanceId).getS47StartedAt();
  }

  public void enquiryStarted(String processInstanceId, Instant icpcDueAt) {
    discussion(processInstanceId).enquiryStarted(icpcDueAt);
  }

  void discussed(Completion task) {
    Answers answers = task.answers();
    discussion(task.processInstanceId()).discussed(answers.dateTime("heldAt").toInstant(),
        answers.text("decision"), answers.is("decision", "SECTION_47") ? answers.text("s47Type") : null);
  }

  void decisionSignedOff(Completion task) {
    if (task.answers().isTrue("decisionApproved")) {
      discussion(task.processInstanceId()).approved(
          task.completedBy(), LondonTime.now().toInstant());
    }
  }

  void enquiryOutcome(Completion task) {
    Answers answers = task.answers();
    discussion(task.processInstanceId()).enquiryOutcome(answers.text("s47Outcome"),
        answers.is("s47Outcome", "ICPC_NOT_REQUIRED") ? answers.text("icpcNotRequiredReason") : null);
  }

  void conferenceHeld(Completion task) {
    Answers answers = task.answers();
    discussion(task.processInstanceId()).conferenceHeld(answers.date("icpcHeldOn"), answers.isTrue("childProtectionPlan"));
  }

  private StrategyDiscussion discussion(String processInstanceId) {
    return discussions.findById(processInstanceId).orElseThrow(() -> new IllegalStateException(
        "No strategy discussion row for process instance " + processInstanceId));
  }
}
