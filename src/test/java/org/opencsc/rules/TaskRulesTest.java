package org.opencsc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.rules.FieldType.BOOLEAN;
import static org.opencsc.rules.FieldType.DATE_TIME;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * What a task declares besides its fields, which the engine layer acts on: the deadline and its
 * breach code, when the deadline is met, when it applies, who may not complete it, the work it
 * signs off and what runs once it is accepted.
 */
class TaskRulesTest {

  @Test
  void aTaskWithoutDeclarationsHasNoDeadlineNoSignOffNoExclusionsAndNoActions() {
    TaskRules rules = TaskRules.task("chaseReturnInterview").optional("chaseNote", FieldType.TEXT);
    assertThat(rules.taskKey()).isEqualTo("chaseReturnInterview");
    assertThat(rules.deadlineVariable()).isNull();
    assertThat(rules.breachCode()).isNull();
    assertThat(rules.metAtField()).isNull();
    assertThat(rules.deadlineApplies(Answers.of(Map.of()))).isTrue();
    assertThat(rules.signsOffTaskKeys()).isEmpty();
    assertThat(rules.exclusions()).isEmpty();
    assertThat(rules.completionActions()).isEmpty();
  }

  @Test
  void aDeadlineNamesItsVariableItsBreachCodeAndTheFieldThatMeetsIt() {
    TaskRules rules = TaskRules.task("conductReturnInterview")
        .requireWhen("rhiHeldAt", DATE_TIME, "the interview was held", answers -> true)
        .deadline("rhiDueAt", BreachCode.RHI_NOT_WITHIN_72H)
        .metAt("rhiHeldAt");
    assertThat(rules.deadlineVariable()).isEqualTo("rhiDueAt");
    assertThat(rules.breachCode()).isEqualTo(BreachCode.RHI_NOT_WITHIN_72H);
    assertThat(rules.metAtField()).isEqualTo("rhiHeldAt");
  }

  @Test
  void aFailureOfTheDutyIsNamedByTheAnswersWithItsBreachCodeAndReason() {
    TaskRules rules = TaskRules.task("offerReturnInterview")
        .failsWhen(answers -> answers.isFalse("rhiOffered"), BreachCode.RHI_NOT_OFFERED, "rhiNotOfferedReason")
        .failsWhen(answers -> answers.isTrue("never"), BreachCode.RHI_NOT_WITHIN_72H, "other");
    assertThat(rules.failureIn(Answers.of(Map.of("rhiOffered", true)))).isEmpty();
    assertThat(rules.failureIn(Answers.of(Map.of()))).as("no answer is not a failure").isEmpty();
    assertThat(rules.failureIn(Answers.of(Map.of("rhiOffered", false, "never", true)))).hasValueSatisfying(failure -> {
      assertThat(failure.code()).as("the first that applies").isEqualTo(BreachCode.RHI_NOT_OFFERED);
      assertThat(failure.reasonField()).isEqualTo("rhiNotOfferedReason");
    });
  }

  @Test
  void aDeadlineCanBindOnlyForSomeAnswers() {
    TaskRules rules = TaskRules.task("offerReturnInterview")
        .deadline("rhiDueAt", BreachCode.RHI_NOT_WITHIN_72H)
        .deadlineAppliesWhen(answers -> !(answers.isTrue("rhiOffered") && answers.isTrue("rhiAccepted")));
    assertThat(rules.deadlineApplies(Answers.of(Map.of("rhiOffered", true, "rhiAccepted", true)))).isFalse();
    assertThat(rules.deadlineApplies(Answers.of(Map.of("rhiOffered", true, "rhiAccepted", false)))).isTrue();
    assertThat(rules.deadlineApplies(Answers.of(Map.of("rhiOffered", false)))).isTrue();
    assertThat(rules.deadlineApplies(Answers.of(Map.of()))).isTrue();
  }

  @Test
  void theLastDeadlineConditionDeclaredIsTheOneThatCounts() {
    TaskRules rules = TaskRules.task("t").deadlineAppliesWhen(answers -> false).deadlineAppliesWhen(answers -> true);
    assertThat(rules.deadlineApplies(Answers.of(Map.of()))).isTrue();
  }

  @Test
  void exclusionsKeepTheUsersTheAnswersNameWithTheRuleThatSaysWhy() {
    TaskRules rules = TaskRules.task("makeAgencyDecision")
        .notBy("a member of the panel may not make the agency decision",
            answers -> List.of(answers.text("panelMembers").split(",")))
        .notBy("the chair may not decide", answers -> Set.of("chair"));
    Answers answers = Answers.of(Map.of("panelMembers", "amira,ben"));
    assertThat(rules.exclusions()).extracting(TaskRules.Exclusion::rule)
        .containsExactly("a member of the panel may not make the agency decision", "the chair may not decide");
    assertThat(rules.exclusions().get(0).users().apply(answers)).containsExactly("amira", "ben");
    assertThat(rules.exclusions().get(1).users().apply(answers)).containsExactly("chair");
  }

  @Test
  void aSignOffNamesTheWorkItSignsOffAndTheLastDeclarationCounts() {
    TaskRules review = TaskRules.task("reviewReturn").signsOff("offerReturnInterview", "conductReturnInterview");
    assertThat(review.signsOffTaskKeys()).containsExactly("offerReturnInterview", "conductReturnInterview");
    assertThat(review.signsOff("assessMissingRisk").signsOffTaskKeys()).containsExactly("assessMissingRisk");
  }

  @Test
  void completionActionsRunInDeclarationOrderWithTheCompletion() {
    List<String> done = new ArrayList<>();
    TaskRules rules = TaskRules.task("approveMissingRisk")
        .require("riskApproved", BOOLEAN)
        .onCompleted(completion -> done.add("first " + completion.completedBy()))
        .onCompleted(completion -> done.add("second " + completion.answers().isTrue("riskApproved")));
    Completion completion = new Completion("task-1", "case-1", "approveMissingRisk",
        Instant.parse("2026-12-01T17:00:00Z"), "mo", Answers.of(Map.of("riskApproved", true)));
    rules.completionActions().forEach(action -> action.accept(completion));
    assertThat(done).containsExactly("first mo", "second true");
    assertThat(completion.taskKey()).isEqualTo("approveMissingRisk");
    assertThat(completion.dueAt()).isEqualTo(Instant.parse("2026-12-01T17:00:00Z"));
  }

  @Test
  void completedByAndCompletedAtAreVariablesNamedAfterTheTask() {
    assertThat(TaskRules.completedByVariable("assessMissingRisk")).isEqualTo("assessMissingRiskCompletedBy");
    assertThat(TaskRules.completedAtVariable("assessMissingRisk")).isEqualTo("assessMissingRiskCompletedAt");
  }

  @Test
  void aLateStepAsksForTheLateReasonField() {
    assertThat(TaskRules.LATE_REASON).isEqualTo("lateReason");
  }

  @Test
  void theLateReasonIsNotOneOfTheStepsOwnFields() {
    TaskRules rules = TaskRules.task("recordIcpc").require("icpcHeldOn", FieldType.DATE)
        .deadline("icpcDueAt", BreachCode.ICPC_NOT_WITHIN_15WD);
    assertThat(rules.fields()).containsExactly("icpcHeldOn");
    assertThat(rules.problemsIn(Answers.of(Map.of("icpcHeldOn", "2026-12-01", TaskRules.LATE_REASON, 3)))).isEmpty();
  }
}
