package org.opencsc.missing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
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
 * The missing-episode rules built with plain constructors (no Spring, no engine): the statutory
 * rules of the return and its interview, in milliseconds. MissingEpisodeProcessTest drives the
 * same rules through the engine.
 */
class MissingEpisodeRulesTest {

  private static final String MISSING_FROM = "2026-12-06T20:00:00Z";

  private final MissingEpisodeRules rules =
      new MissingEpisodeRules(RegisteredChildren.only("child-1"), new MissingEpisodes(null, null) {
        @Override
        public boolean stillMissing(String childId) {
          return false; // no earlier episodes here: the order of episodes is tested through the engine
        }

        @Override
        public boolean insideAnEpisode(String childId, java.time.ZonedDateTime moment) {
          return false;
        }
      }, null);

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-07T10:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Answers answers(Object... namesAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return Answers.of(values);
  }

  private TaskRules task(String taskKey) {
    return rules.tasks().stream().filter(task -> task.taskKey().equals(taskKey)).findFirst().orElseThrow();
  }

  @Test
  void anEpisodeStartsForARegisteredChildWithTypeAndWhenTheChildWentMissing() {
    assertThat(rules.start().problemsIn(answers("childId", "child-1", "episodeType", "MISSING",
        "missingFrom", MISSING_FROM))).isEmpty();
    assertThat(rules.start().problemsIn(answers("childId", "child-2", "episodeType", "AWAY",
        "missingFrom", MISSING_FROM)))
        .containsExactly(new Problem("childId", "must name a child registered at /api/children"));
  }

  @Test
  void missingFromInTheFutureIsRefusedWithFiveMinutesGrace() {
    assertThat(rules.start().problemsIn(answers("childId", "child-1", "episodeType", "MISSING",
        "missingFrom", "2026-12-07T10:05:00Z"))).isEmpty();
    assertThat(rules.start().problemsIn(answers("childId", "child-1", "episodeType", "MISSING",
        "missingFrom", "2026-12-07T10:05:01Z")))
        .containsExactly(new Problem("missingFrom", "must not be in the future"));
  }

  @Test
  void aReturnBeforeTheChildWentMissingIsRefusedByTheTaskAndTheMessageAlike() {
    Answers early = answers("missingFrom", MISSING_FROM, "returnedAt", "2026-12-06T19:59:00Z");
    List<Problem> expected = List.of(new Problem("returnedAt", "must not be before missingFrom (when the child went missing)"));
    assertThat(task("recordReturn").problemsIn(early)).isEqualTo(expected);
    assertThat(rules.messages()).hasSize(1);
    assertThat(rules.messages().get(0).messageName()).isEqualTo("ChildReturned");
    assertThat(rules.messages().get(0).problemsIn(early)).isEqualTo(expected);
    assertThat(task("recordReturn").problemsIn(answers("missingFrom", MISSING_FROM, "returnedAt", MISSING_FROM))).isEmpty();
  }

  @Test
  void aDeclinedReturnInterviewNeedsTheReasonItWasDeclined() {
    assertThat(task("offerReturnInterview").problemsIn(answers("returnedAt", "2026-12-07T08:00:00Z",
        "rhiOffered", true, "rhiOfferedAt", "2026-12-07T09:00:00Z", "rhiAccepted", false)))
        .containsExactly(new Problem("rhiDeclineReason", "is required when rhiAccepted is false (text)"));
  }

  @Test
  void theSeventyTwoHoursBindTheOfferOnlyWhenNoInterviewFollows() {
    TaskRules offer = task("offerReturnInterview");
    assertThat(offer.deadlineVariable()).isEqualTo("rhiDueAt");
    assertThat(offer.breachCode()).isEqualTo(BreachCode.RHI_NOT_WITHIN_72H);
    assertThat(offer.metAtField()).isEqualTo("rhiOfferedAt");
    assertThat(offer.deadlineApplies(answers("rhiOffered", true, "rhiAccepted", true))).isFalse();
    assertThat(offer.deadlineApplies(answers("rhiOffered", true, "rhiAccepted", false))).isTrue();
    assertThat(offer.deadlineApplies(answers("rhiOffered", false))).isTrue();
    assertThat(task("conductReturnInterview").metAtField()).isEqualTo("rhiHeldAt");
  }

  @Test
  void closingAfterHarmWasDisclosedNeedsTheReasonNoStrategyDiscussionIsNeeded() {
    TaskRules review = task("reviewReturn");
    assertThat(review.problemsIn(answers("reviewOutcome", "CLOSE", "managerRationale", "Safe at home",
        "harmDisclosed", true)))
        .containsExactly(new Problem("noStrategyReason",
            "is required when closing after harm was disclosed or with the repeat-missing flag (text)"));
    assertThat(review.problemsIn(answers("reviewOutcome", "CLOSE", "managerRationale", "Safe at home",
        "harmDisclosed", false, "repeatMissing", false))).isEmpty();
    assertThat(review.signsOffTaskKeys()).containsExactly("offerReturnInterview", "conductReturnInterview");
  }
}
