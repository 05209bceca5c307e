package org.opencsc.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.child.RegisteredChildren;
import org.opencsc.rules.Answers;
import org.opencsc.rules.BreachCode;
import org.opencsc.rules.RuleViolation.Problem;
import org.opencsc.rules.TaskRules;

/**
 * The strategy-discussion rules built with plain constructors (no Spring, no engine; the
 * history service is only asked about a linked missing episode, so none is given here).
 */
class StrategyDiscussionRulesTest {

  private final StrategyDiscussionRules rules =
      new StrategyDiscussionRules(RegisteredChildren.only("child-1"), new StrategyDiscussions(null), null);

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-07T10:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Map<String, Object> discussion() {
    Map<String, Object> values = new HashMap<>();
    values.put("referralReceivedAt", "2026-12-01T09:00:00Z");
    values.put("heldAt", "2026-12-02T14:00:00Z");
    values.put("attendedSocialWorker", true);
    values.put("attendedManager", true);
    values.put("attendedPolice", true);
    values.put("attendedHealth", false);
    values.put("informationShared", "School and GP concerns shared");
    values.put("decision", "SECTION_17");
    return values;
  }

  private TaskRules task(String taskKey) {
    return rules.tasks().stream().filter(task -> task.taskKey().equals(taskKey)).findFirst().orElseThrow();
  }

  @Test
  void aReferralStartsForARegisteredChildWithItsConcern() {
    assertThat(rules.start().problemsIn(Answers.of(Map.of("childId", "child-1",
        "referralReceivedAt", "2026-12-07T09:00:00Z", "concern", "Bruising seen at school")))).isEmpty();
  }

  @Test
  void aSection47DecisionNeedsTheEnquiryTypeAndTheSafetyPlan() {
    Map<String, Object> answers = discussion();
    answers.put("decision", "SECTION_47");
    String when = "is required when decision is SECTION_47";
    assertThat(task("recordStrategyDiscussion").problemsIn(Answers.of(answers))).containsExactly(
        new Problem("s47Type", when + " (one of SINGLE, JOINT)"),
        new Problem("safetyPlan", when + " (text)"),
        new Problem("safetyPlanOwner", when + " (text)"),
        new Problem("safetyPlanReviewBy", when + " (a date)"),
        new Problem("legalActionNeeded", when + " (true or false)"),
        new Problem("familyInformed", when + " (true or false)"));
    assertThat(task("recordStrategyDiscussion").problemsIn(Answers.of(discussion()))).isEmpty();
  }

  @Test
  void theChildsPlacementProviderMustBeAskedWhenTheChildIsLookedAfter() {
    Map<String, Object> answers = discussion();
    answers.put("lookedAfter", true);
    assertThat(task("recordStrategyDiscussion").problemsIn(Answers.of(answers))).containsExactly(
        new Problem("attendedPlacementProvider", "is required when the child is looked after and no attendees list is given (true or false)"));
    answers.put("attendedPlacementProvider", false);
    assertThat(task("recordStrategyDiscussion").problemsIn(Answers.of(answers))).isEmpty();
    assertThat(StrategyDiscussionRules.absentAgencies(Answers.of(answers)))
        .containsExactly("attendedHealth", "attendedPlacementProvider");
  }

  @Test
  void aDiscussionCannotBeHeldBeforeTheReferralArrived() {
    Map<String, Object> answers = discussion();
    answers.put("heldAt", "2026-12-01T08:59:00Z");
    assertThat(task("recordStrategyDiscussion").problemsIn(Answers.of(answers))).containsExactly(
        new Problem("heldAt", "must not be before referralReceivedAt or in the future"));
  }

  @Test
  void theFifteenWorkingDaysAreMetByTheConferenceOrByRecordingThatNoneIsNeeded() {
    TaskRules outcome = task("recordS47Outcome");
    assertThat(outcome.deadlineVariable()).isEqualTo("icpcDueAt");
    assertThat(outcome.breachCode()).isEqualTo(BreachCode.ICPC_NOT_WITHIN_15WD);
    assertThat(outcome.deadlineApplies(Answers.of(Map.of("s47Outcome", "ICPC_REQUIRED")))).isFalse();
    assertThat(outcome.deadlineApplies(Answers.of(Map.of("s47Outcome", "NO_FURTHER_ACTION")))).isTrue();
    TaskRules conference = task("recordIcpc");
    assertThat(conference.deadlineVariable()).isEqualTo("icpcDueAt");
    assertThat(conference.metAtField()).isEqualTo("icpcHeldOn");
    assertThat(conference.problemsIn(Answers.of(Map.of("heldAt", "2026-12-02T14:00:00Z", "icpcHeldOn", "2026-12-01",
        "childProtectionPlan", true, "initialCategoryOfAbuse", "NEGLECT"))))
        .containsExactly(new Problem("icpcHeldOn", "must not be before the strategy discussion (heldAt) or in the future"));
  }
}
