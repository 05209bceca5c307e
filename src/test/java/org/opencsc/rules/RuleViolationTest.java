package org.opencsc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencsc.rules.RuleViolation.Problem;

/** The refusal the REST layer turns into a 400: its message names each field and its rule. */
class RuleViolationTest {

  @Test
  void oneProblemReadsFieldColonRule() {
    RuleViolation violation = RuleViolation.of("childId", "is required (text)");
    assertThat(violation).hasMessage("childId: is required (text)").isInstanceOf(RuntimeException.class);
    assertThat(violation.problems()).containsExactly(new Problem("childId", "is required (text)"));
  }

  @Test
  void severalProblemsAreJoinedWithSemicolonsInTheirOrder() {
    RuleViolation violation = new RuleViolation(List.of(
        new Problem("episodeType", "must be one of MISSING, AWAY"),
        new Problem("missingFrom", "is required (a date-time)"),
        new Problem("episodeType", "must not be LOST")));
    assertThat(violation).hasMessage(
        "episodeType: must be one of MISSING, AWAY; missingFrom: is required (a date-time); episodeType: must not be LOST");
  }

  @Test
  void theProblemsFoundByRulesBecomeTheMessage() {
    StartRules rules = StartRules.start().require("a", FieldType.TEXT).require("b", FieldType.BOOLEAN);
    RuleViolation violation = new RuleViolation(rules.problemsIn(Answers.of(java.util.Map.of("b", "no"))));
    assertThat(violation).hasMessage("a: is required (text); b: must be true or false");
  }

  @Test
  void theProblemsAreACopyThatCannotBeChanged() {
    List<Problem> found = new ArrayList<>(List.of(new Problem("a", "is required (text)")));
    RuleViolation violation = new RuleViolation(found);
    found.add(new Problem("b", "added later"));
    assertThat(violation.problems()).containsExactly(new Problem("a", "is required (text)"));
    assertThat(violation).hasMessage("a: is required (text)");
    assertThatThrownBy(() -> violation.problems().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void noProblemsMakeAnEmptyMessage() {
    assertThat(new RuleViolation(List.of())).hasMessage("");
  }

  @Test
  void problemsAreValuesComparedByFieldAndRule() {
    assertThat(new Problem("a", "r")).isEqualTo(new Problem("a", "r")).isNotEqualTo(new Problem("a", "s"));
  }
}
