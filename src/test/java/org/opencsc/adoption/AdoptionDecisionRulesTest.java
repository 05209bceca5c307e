package org.opencsc.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencsc.child.RegisteredChildren;
import org.opencsc.rules.Answers;
import org.opencsc.rules.BreachCode;
import org.opencsc.rules.RuleViolation.Problem;
import org.opencsc.rules.TaskRules;

/** The adoption-decision rules built with plain constructors (no Spring, no engine). */
class AdoptionDecisionRulesTest {

  private static final String OWN_REASONS = "Having read every paper, I decide the child should be placed for adoption.";

  private final AdoptionDecisionRules rules =
      new AdoptionDecisionRules(RegisteredChildren.only("child-1"), new AdoptionDecisions(null, null));

  private static Map<String, Object> decision() {
    Map<String, Object> values = new HashMap<>();
    values.put("route", "PANEL");
    values.put("panelRecommendsApproval", true);
    values.put("panelMembers", "amira, ben");
    values.put("readCpr", true);
    values.put("readHealthSummary", true);
    values.put("readLegalAdvice", true);
    values.put("readPanelMinutes", true);
    values.put("readPanelRecommendation", true);
    values.put("admApproves", true);
    values.put("admReasons", OWN_REASONS);
    return values;
  }

  private TaskRules task(String taskKey) {
    return rules.tasks().stream().filter(task -> task.taskKey().equals(taskKey)).findFirst().orElseThrow();
  }

  @Test
  void theDirectRouteIsOnlyForAShouldBePlacedDecision() {
    assertThat(rules.start().problemsIn(Answers.of(Map.of("childId", "child-1",
        "decisionType", "SHOULD_BE_PLACED", "route", "DIRECT")))).isEmpty();
    assertThat(rules.start().problemsIn(Answers.of(Map.of("childId", "child-1",
        "decisionType", "MATCH", "route", "DIRECT"))))
        .containsExactly(new Problem("route", "DIRECT is only for a SHOULD_BE_PLACED decision"));
  }

  @Test
  void theDecisionMakerConfirmsEachPaperWasReadAndGivesTheirOwnReasons() {
    assertThat(task("makeAgencyDecision").problemsIn(Answers.of(decision()))).isEmpty();
    Map<String, Object> answers = decision();
    answers.put("readPanelMinutes", false);
    answers.put("admReasons", "Agree with the panel.");
    assertThat(task("makeAgencyDecision").problemsIn(Answers.of(answers))).containsExactly(
        new Problem("readPanelMinutes", "must be true: confirm you have read the panel's final minutes"),
        new Problem("admReasons", "must be at least 50 characters: your own reasons"));
  }

  @Test
  void aDecisionDepartingFromThePanelsRecommendationNeedsTheReasons() {
    Map<String, Object> answers = decision();
    answers.put("admApproves", false);
    assertThat(task("makeAgencyDecision").problemsIn(Answers.of(answers))).containsExactly(new Problem(
        "departureReasons", "is required when the decision differs from the panel's recommendation (text)"));
  }

  @Test
  void noPanelMemberMayMakeTheAgencyDecisionWhichIsDueWithinSevenWorkingDays() {
    TaskRules decide = task("makeAgencyDecision");
    assertThat(decide.exclusions()).hasSize(1);
    assertThat(decide.exclusions().get(0).rule())
        .isEqualTo("a member of the panel (panelMembers) may not make the agency decision");
    assertThat(decide.exclusions().get(0).users().apply(Answers.of(Map.of("panelMembers", " amira,ben , ,carl"))))
        .containsExactlyInAnyOrder("amira", "ben", "carl");
    assertThat(decide.exclusions().get(0).users().apply(Answers.of(Map.of()))).isEmpty();
    assertThat(decide.signsOffTaskKeys()).containsExactly("prepareChildPermanenceReport");
    assertThat(decide.deadlineVariable()).isEqualTo("admDecisionDueAt");
    assertThat(decide.breachCode()).isEqualTo(BreachCode.ADM_DECISION_LATE);
  }
}
