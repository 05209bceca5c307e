package org.opencsc.fostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.calendar.LondonTime;
import org.opencsc.child.RegisteredChildren;
import org.opencsc.rules.Answers;
import org.opencsc.rules.BreachCode;
import org.opencsc.rules.RuleViolation.Problem;
import org.opencsc.rules.TaskRules;

/** The private-fostering rules built with plain constructors (no Spring, no engine). */
class PrivateFosteringRulesTest {

  private final PrivateFosteringRules rules =
      new PrivateFosteringRules(RegisteredChildren.only("child-1"), new PrivateFosteringArrangements(null, null));

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-07T10:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Map<String, Object> notification() {
    Map<String, Object> values = new HashMap<>();
    values.put("childId", "child-1");
    values.put("notifiedAt", "2026-12-07T09:00:00Z");
    values.put("notificationType", "STARTED");
    values.put("arrangementStart", "2026-12-01");
    values.put("intendedDurationDays", 90);
    values.put("carerName", "Jo Bloggs");
    values.put("carerRelationship", "FAMILY_FRIEND");
    return values;
  }

  private static Map<String, Object> visit() {
    Map<String, Object> values = new HashMap<>();
    values.put("visitedAt", "2026-12-04T15:00:00Z");
    values.put("seenAlone", true);
    values.put("householdSeen", true);
    values.put("visitReport", "Settled; room seen");
    return values;
  }

  private TaskRules task(String taskKey) {
    return rules.tasks().stream().filter(task -> task.taskKey().equals(taskKey)).findFirst().orElseThrow();
  }

  @Test
  void anArrangementIsNotifiedWithItsCarerAndIntendedLengthOfAtLeastADay() {
    assertThat(rules.start().problemsIn(Answers.of(notification()))).isEmpty();
    Map<String, Object> answers = notification();
    answers.put("intendedDurationDays", 0);
    assertThat(rules.start().problemsIn(Answers.of(answers)))
        .containsExactly(new Problem("intendedDurationDays", "must be at least 1"));
  }

  @Test
  void anIntendedLengthBeyondWhatTheCaseTableHoldsIsRefused() {
    Map<String, Object> answers = notification();
    answers.put("intendedDurationDays", 3_000_000_000L);
    assertThat(rules.start().problemsIn(Answers.of(answers)))
        .containsExactly(new Problem("intendedDurationDays", "must be a whole number"));
  }

  @Test
  void aChildNotSeenAloneAtAVisitNeedsTheReason() {
    Map<String, Object> answers = visit();
    answers.put("seenAlone", false);
    assertThat(task("initialVisit").problemsIn(Answers.of(answers)))
        .containsExactly(new Problem("notSeenAloneReason", "is required when seenAlone is false (text)"));
    answers.put("notSeenAloneReason", "Child asleep; seen alone next day at school");
    assertThat(task("initialVisit").problemsIn(Answers.of(answers))).isEmpty();
  }

  @Test
  void theFirstVisitIsDueWithinSevenWorkingDaysAndMetWhenTheVisitHappened() {
    TaskRules first = task("initialVisit");
    assertThat(first.deadlineVariable()).isEqualTo("firstVisitDueAt");
    assertThat(first.breachCode()).isEqualTo(BreachCode.PF_FIRST_VISIT_LATE);
    assertThat(first.metAtField()).isEqualTo("visitedAt");
    TaskRules later = task("statutoryVisit");
    assertThat(later.deadlineVariable()).isEqualTo("nextVisitDueAt");
    assertThat(later.breachCode()).isEqualTo(BreachCode.PF_VISIT_OVERDUE);
  }

  @Test
  void aStatutoryVisitCannotBeBeforeTheLastVisit() {
    Map<String, Object> answers = visit();
    answers.put("lastVisitedAt", "2026-12-05T10:00:00Z");
    assertThat(task("statutoryVisit").problemsIn(Answers.of(answers)))
        .containsExactly(new Problem("visitedAt", "must not be before the last visit (lastVisitedAt)"));
  }

  @Test
  void visitsAreSixWeeklyUntilTheDayBeforeTheArrangementsFirstAnniversary() {
    Answers answers = Answers.of(Map.of("arrangementStart", "2026-12-01", "notifiedAt", "2026-11-20T10:00:00Z"));
    assertThat(PrivateFosteringRules.inFirstYear(answers, ZonedDateTime.of(2027, 11, 30, 23, 0, 0, 0, LondonTime.ZONE)))
        .isTrue();
    assertThat(PrivateFosteringRules.inFirstYear(answers, ZonedDateTime.of(2027, 12, 1, 0, 0, 0, 0, LondonTime.ZONE)))
        .isFalse();
  }

  @Test
  void anArrangementNotifiedLateHasItsFirstYearFromTheNotification() {
    Answers answers = Answers.of(Map.of("arrangementStart", "2026-01-05", "notifiedAt", "2027-01-04T09:00:00Z"));
    assertThat(PrivateFosteringRules.inFirstYear(answers, ZonedDateTime.of(2027, 6, 1, 12, 0, 0, 0, LondonTime.ZONE)))
        .as("a year and a half into the arrangement, five months into our knowledge").isTrue();
    assertThat(PrivateFosteringRules.inFirstYear(answers, ZonedDateTime.of(2028, 1, 3, 23, 0, 0, 0, LondonTime.ZONE)))
        .isTrue();
    assertThat(PrivateFosteringRules.inFirstYear(answers, ZonedDateTime.of(2028, 1, 4, 0, 0, 0, 0, LondonTime.ZONE)))
        .isFalse();
  }
}
