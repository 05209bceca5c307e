package org.opencsc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencsc.rules.FieldType.BOOLEAN;
import static org.opencsc.rules.FieldType.DATE;
import static org.opencsc.rules.FieldType.DATE_TIME;
import static org.opencsc.rules.FieldType.INTEGER;
import static org.opencsc.rules.FieldType.LINE;
import static org.opencsc.rules.FieldType.TEXT;
import static org.opencsc.rules.FieldType.oneOf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencsc.rules.RuleViolation.Problem;

/**
 * What must be present, and in what form, before a step may happen, checked on plain maps of
 * answers: required, optional and conditional fields, checks across fields, and which problems
 * are reported, in what order and in what words.
 */
class FieldRulesTest {

  private static final String DATE_TIME_EXPECTED = "must be a date-time such as 2026-11-27T09:30 or 2026-11-27T09:30:00Z";

  /** A small step shaped like the return-interview offer. */
  private static TaskRules offer() {
    return TaskRules.task("offer")
        .require("offered", BOOLEAN)
        .requireWhen("offeredAt", DATE_TIME, "offered is true", answers -> answers.isTrue("offered"))
        .requireWhen("notOfferedReason", TEXT, "offered is false", answers -> answers.isFalse("offered"))
        .optional("note", TEXT);
  }

  private static List<Problem> problems(FieldRules<?> rules, Object... namesAndValues) {
    Map<String, Object> answers = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      answers.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return rules.problemsIn(Answers.of(answers));
  }

  private static Problem problem(String field, String rule) {
    return new Problem(field, rule);
  }

  @Test
  void answersThatKeepEveryRuleHaveNoProblems() {
    assertThat(problems(offer(), "offered", true, "offeredAt", "2026-11-27T09:30")).isEmpty();
    assertThat(problems(offer(), "offered", false, "notOfferedReason", "Child moved out of area")).isEmpty();
  }

  @Test
  void aMissingRequiredFieldIsNamedWithTheTypeItNeeds() {
    assertThat(problems(offer())).containsExactly(problem("offered", "is required (true or false)"));
    assertThat(problems(StartRules.start().require("riskLevel", oneOf("LOW", "HIGH"))))
        .containsExactly(problem("riskLevel", "is required (one of LOW, HIGH)"));
    assertThat(problems(StartRules.start().require("count", INTEGER), "count", null))
        .containsExactly(problem("count", "is required (a whole number)"));
  }

  @Test
  void blankTextOrLineIsAsGoodAsMissing() {
    StartRules rules = StartRules.start().require("concern", TEXT).require("carerName", LINE);
    assertThat(problems(rules, "concern", "   ", "carerName", ""))
        .containsExactly(problem("concern", "is required (text)"), problem("carerName", "is required (a line of text)"));
  }

  @Test
  void anEmptyDateIsRefusedForItsFormRatherThanAsMissing() {
    StartRules rules = StartRules.start().require("missingFrom", DATE_TIME).require("dateOfBirth", DATE);
    assertThat(problems(rules, "missingFrom", "", "dateOfBirth", " "))
        .containsExactly(problem("missingFrom", DATE_TIME_EXPECTED + ", but was empty"),
            problem("dateOfBirth", "must be a date such as 2026-11-27, but was empty"));
  }

  @Test
  void aValueOfTheWrongTypeIsNamedWithWhatItMustBe() {
    assertThat(problems(offer(), "offered", "yes"))
        .containsExactly(problem("offered", "must be true or false"));
    assertThat(problems(offer(), "offered", true, "offeredAt", "27/11/2026"))
        .containsExactly(problem("offeredAt", DATE_TIME_EXPECTED + ", but was '27/11/2026'"));
  }

  @Test
  void anOptionalFieldMayBeLeftOutOrBlank() {
    assertThat(problems(offer(), "offered", false, "notOfferedReason", "Moved away")).isEmpty();
    assertThat(problems(offer(), "offered", false, "notOfferedReason", "Moved away", "note", " ")).isEmpty();
  }

  @Test
  void anOptionalFieldWhenGivenMustHaveItsType() {
    assertThat(problems(offer(), "offered", false, "notOfferedReason", "Moved away", "note", 12))
        .containsExactly(problem("note", "must be text"));
    assertThat(problems(offer(), "offered", false, "notOfferedReason", "Moved away", "note", "<script>x</script>"))
        .containsExactly(problem("note", "must be plain text, without HTML or script markup such as <script>"));
  }

  @Test
  void aConditionalFieldIsRequiredWhenItsConditionHoldsSayingWhen() {
    assertThat(problems(offer(), "offered", true))
        .containsExactly(problem("offeredAt", "is required when offered is true (a date-time)"));
    assertThat(problems(offer(), "offered", false))
        .containsExactly(problem("notOfferedReason", "is required when offered is false (text)"));
    assertThat(problems(offer(), "offered", false, "notOfferedReason", "\n"))
        .containsExactly(problem("notOfferedReason", "is required when offered is false (text)"));
  }

  @Test
  void aConditionalFieldMayBeLeftOutWhenItsConditionDoesNotHold() {
    // offered missing or of the wrong type: neither condition holds, only "offered" is reported
    assertThat(problems(offer())).containsExactly(problem("offered", "is required (true or false)"));
    assertThat(problems(offer(), "offered", "true")).containsExactly(problem("offered", "must be true or false"));
  }

  @Test
  void aConditionalFieldGivenWhenNotNeededMustStillHaveItsType() {
    assertThat(problems(offer(), "offered", false, "notOfferedReason", "Moved away", "offeredAt", "yesterday"))
        .containsExactly(problem("offeredAt", DATE_TIME_EXPECTED + ", but was 'yesterday'"));
  }

  @Test
  void fieldsTheRulesDoNotNameAreIgnoredHere() {
    // refusing unknown fields is the door's work (SubmittedVariablesGuard, ChildRegistry), not FieldRules'
    assertThat(problems(offer(), "offered", false, "notOfferedReason", "Moved away", "repeatMissing", "anything"))
        .isEmpty();
  }

  @Test
  void everyBrokenRequirementIsReportedTogetherInDeclarationOrder() {
    StartRules rules = StartRules.start()
        .require("childId", TEXT)
        .require("episodeType", oneOf("MISSING", "AWAY"))
        .require("missingFrom", DATE_TIME)
        .optional("reportedBy", LINE);
    // the answers are given in another order: the report follows the declarations
    Map<String, Object> answers = new java.util.LinkedHashMap<>();
    answers.put("reportedBy", "a\nb");
    answers.put("missingFrom", "tomorrow");
    answers.put("episodeType", "LOST");
    assertThat(rules.problemsIn(Answers.of(answers))).containsExactly(
        problem("childId", "is required (text)"),
        problem("episodeType", "must be one of MISSING, AWAY"),
        problem("missingFrom", DATE_TIME_EXPECTED + ", but was 'tomorrow'"),
        problem("reportedBy", "must be one line of at most 200 characters"));
  }

  @Test
  void checksAcrossFieldsRunOnlyOnceEveryFieldHasTheRightType() {
    List<String> checked = new ArrayList<>();
    StartRules rules = StartRules.start()
        .require("from", DATE_TIME)
        .require("to", DATE_TIME)
        .check("to", "must not be before from", answers -> {
          checked.add("to");
          return !answers.dateTime("to").isBefore(answers.dateTime("from"));
        });
    // a check reading a missing field would throw; it is not even asked
    assertThat(problems(rules, "to", "2026-11-27T09:00")).containsExactly(problem("from", "is required (a date-time)"));
    assertThat(problems(rules, "from", "2026-11-27T10:00", "to", "soon"))
        .containsExactly(problem("to", DATE_TIME_EXPECTED + ", but was 'soon'"));
    assertThat(checked).isEmpty();

    assertThat(problems(rules, "from", "2026-11-27T10:00", "to", "2026-11-27T09:00"))
        .containsExactly(problem("to", "must not be before from"));
    assertThat(problems(rules, "from", "2026-11-27T10:00", "to", "2026-11-27T10:00")).isEmpty();
    assertThat(checked).containsExactly("to", "to");
  }

  @Test
  void everyFailingCheckIsReportedInDeclarationOrder() {
    StartRules rules = StartRules.start()
        .require("count", INTEGER)
        .check("count", "must be at least 1", answers -> answers.integer("count") >= 1)
        .check("count", "must be even", answers -> answers.integer("count") % 2 == 0)
        .check("count", "must be below 100", answers -> answers.integer("count") < 100);
    assertThat(problems(rules, "count", -1)).containsExactly(
        problem("count", "must be at least 1"), problem("count", "must be even"));
    assertThat(problems(rules, "count", 101)).containsExactly(
        problem("count", "must be even"), problem("count", "must be below 100"));
    assertThat(problems(rules, "count", 28.0)).isEmpty();
  }

  @Test
  void aCheckMayNameAFieldTheRulesDoNotDeclare() {
    StartRules rules = StartRules.start().check("childId", "must name a registered child", answers -> false);
    assertThat(problems(rules)).containsExactly(problem("childId", "must name a registered child"));
    assertThat(rules.fields()).isEmpty();
  }

  @Test
  void fieldsAreListedOnceInDeclarationOrderWithWhatAFormMustRequire() {
    TaskRules rules = offer().require("offered", BOOLEAN).check("extra", "never checked here", answers -> true);
    assertThat(rules.fields()).containsExactly("offered", "offeredAt", "notOfferedReason", "note");
    assertThat(rules.requiredFields()).containsExactly("offered");
    assertThat(rules.conditionallyRequiredFields()).containsExactly("offeredAt", "notOfferedReason");
  }

  @Test
  void theListedFieldsCannotBeChangedFromOutside() {
    TaskRules rules = offer();
    assertThatThrownBy(() -> rules.fields().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> rules.requiredFields().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> rules.conditionallyRequiredFields().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void typeOfNamesTheDeclaredTypeAndRefusesAnUnknownField() {
    TaskRules rules = offer();
    assertThat(rules.typeOf("offered")).isSameAs(BOOLEAN);
    assertThat(rules.typeOf("offeredAt")).isSameAs(DATE_TIME);
    assertThat(rules.typeOf("note")).isSameAs(TEXT);
    assertThatThrownBy(() -> rules.typeOf("lateReason"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("No rule for lateReason");
  }

  @Test
  void rulesReadAnswersOneByOneAsTheEngineHandsThem() {
    Map<String, Object> variables = Map.of("offered", true, "offeredAt", "2026-11-27T09:30");
    List<String> asked = new ArrayList<>();
    List<Problem> problems = offer().problemsIn(Answers.from(name -> {
      asked.add(name);
      return variables.get(name);
    }));
    assertThat(problems).isEmpty();
    assertThat(asked).contains("offered", "offeredAt", "notOfferedReason", "note").doesNotContain("repeatMissing");
  }

  @Test
  void everyKindOfRulesDeclaresFieldsTheSameWay() {
    SubmissionRules child = SubmissionRules.submission().require("name", TEXT).require("dateOfBirth", DATE);
    MessageRules returned = MessageRules.message("ChildReturned").require("returnedAt", DATE_TIME);
    assertThat(returned.messageName()).isEqualTo("ChildReturned");
    assertThat(problems(child, "name", "Sam")).containsExactly(problem("dateOfBirth", "is required (a date)"));
    assertThat(problems(returned)).containsExactly(problem("returnedAt", "is required (a date-time)"));
    assertThat(problems(returned, "returnedAt", "2026-11-27T09:30:00Z")).isEmpty();
  }
  @Test
  void checksAFormCanMakeTooAreKeptWithTheFormsOwnWordsAndTheRestAreTheServersAlone() {
    TaskRules decide = TaskRules.task("decide")
        .require("read", BOOLEAN).require("reasons", TEXT).require("count", INTEGER).require("members", TEXT)
        .require("heldAt", DATE_TIME)
        .mustTick("read", "must be true: confirm you have read it")
        .atLeastCharacters("reasons", 10, "must be at least 10 characters")
        .atLeast("count", 0, "must not be negative")
        .matches("members", "^[a-z]+(?:\\s*,\\s*[a-z]+)*$", "must be user ids separated by commas")
        .check("heldAt", "must not be in the future", answers -> true);
    assertThat(decide.checks()).extracting(FieldRules.Check::formValidation).containsExactly(
        Map.of("required", true), Map.of("minLength", 10), Map.of("min", 0),
        Map.of("pattern", "^[a-z]+(?:\\s*,\\s*[a-z]+)*$"), Map.of());
    assertThat(decide.checks()).filteredOn(FieldRules.Check::serverOnly).extracting(FieldRules.Check::field)
        .containsExactly("heldAt");

    Object[] good = {"read", true, "reasons", "  ten chars!  ", "count", 0, "members", "ann, bo", "heldAt", "2026-11-27T09:30"};
    assertThat(problems(decide, good)).isEmpty();
    assertThat(problems(decide, "read", false, "reasons", "  short    ", "count", -1, "members", "ann bo",
        "heldAt", "2026-11-27T09:30")).containsExactly(
        problem("read", "must be true: confirm you have read it"),
        problem("reasons", "must be at least 10 characters"),
        problem("count", "must not be negative"),
        problem("members", "must be user ids separated by commas"));
  }

  @Test
  void aBoxToTickOnlyInSomeAnswersAndAMinimumOnAnAbsentAnswerAskNothingThen() {
    TaskRules rules = TaskRules.task("t").require("route", oneOf("PANEL", "DIRECT"))
        .requireWhen("readMinutes", BOOLEAN, "route is PANEL", answers -> answers.is("route", "PANEL"))
        .mustTickWhen("readMinutes", "must be true: read the minutes", answers -> answers.is("route", "PANEL"))
        .optional("note", TEXT).atLeastCharacters("note", 5, "must be at least 5 characters")
        .optional("days", INTEGER).atLeast("days", 1, "must be at least 1");
    assertThat(problems(rules, "route", "DIRECT")).isEmpty();
    assertThat(problems(rules, "route", "PANEL", "readMinutes", false))
        .containsExactly(problem("readMinutes", "must be true: read the minutes"));
    assertThat(problems(rules, "route", "DIRECT", "days", 0)).containsExactly(problem("days", "must be at least 1"));
    assertThat(FieldType.oneOf("A", "B").codes()).containsExactly("A", "B");
    assertThat(TEXT.codes()).isEmpty();
  }
}
