package org.opencsc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each kind of value a rule can require, on its own: what it accepts, and the exact words it
 * uses for what it refuses (they reach the practitioner in a 400). Plain Java, no engine.
 */
class FieldTypeTest {

  private static final String DATE_TIME_EXPECTED = "must be a date-time such as 2026-11-27T09:30 or 2026-11-27T09:30:00Z";
  private static final String DATE_EXPECTED = "must be a date such as 2026-11-27";
  private static final String MARKUP = "must be plain text, without HTML or script markup such as <script>";

  @Test
  void eachTypeDescribesItselfForTheRequiredMessage() {
    assertThat(FieldType.BOOLEAN.description()).isEqualTo("true or false");
    assertThat(FieldType.TEXT.description()).isEqualTo("text");
    assertThat(FieldType.LINE.description()).isEqualTo("a line of text");
    assertThat(FieldType.INTEGER.description()).isEqualTo("a whole number");
    assertThat(FieldType.DATE.description()).isEqualTo("a date");
    assertThat(FieldType.DATE_TIME.description()).isEqualTo("a date-time");
    assertThat(FieldType.oneOf("LOW", "MEDIUM", "HIGH").description()).isEqualTo("one of LOW, MEDIUM, HIGH");
  }

  // BOOLEAN

  @Test
  void booleanAcceptsTrueAndFalse() {
    assertThat(FieldType.BOOLEAN.problemWith(true)).isEmpty();
    assertThat(FieldType.BOOLEAN.problemWith(Boolean.FALSE)).isEmpty();
  }

  @Test
  void booleanRefusesTheWordsTrueAndFalseAndNumbers() {
    for (Object notBoolean : List.of("true", "false", "yes", 1, 0, "")) {
      assertThat(FieldType.BOOLEAN.problemWith(notBoolean)).as("%s", notBoolean).contains("must be true or false");
    }
  }

  // TEXT

  @Test
  void textAcceptsAnyPlainTextUpToTheDatabaseCap() {
    assertThat(FieldType.TEXT.problemWith("Seen at school; said she felt safe.\nSecond line.")).isEmpty();
    assertThat(FieldType.TEXT.problemWith("x".repeat(FieldType.MAX_TEXT_LENGTH))).isEmpty();
  }

  @Test
  void textLongerThanTheEngineColumnIsRefused() {
    assertThat(FieldType.MAX_TEXT_LENGTH).isEqualTo(4_000);
    assertThat(FieldType.TEXT.problemWith("x".repeat(FieldType.MAX_TEXT_LENGTH + 1)))
        .contains("must be at most 4000 characters");
  }

  @Test
  void textRefusesValuesThatAreNotText() {
    for (Object notText : List.of(42, true, new Date(), List.of("a"))) {
      assertThat(FieldType.TEXT.problemWith(notText)).as("%s", notText).contains("must be text");
    }
  }

  @Test
  void blankTextCountsAsNotGivenButOtherTypesDoNot() {
    assertThat(FieldType.TEXT.isBlank("")).isTrue();
    assertThat(FieldType.TEXT.isBlank("  \n\t")).isTrue();
    assertThat(FieldType.TEXT.isBlank(" a ")).isFalse();
    assertThat(FieldType.LINE.isBlank(" ")).isTrue();
    // an empty date or code is present, and then refused for its form (see FieldRulesTest)
    assertThat(FieldType.DATE_TIME.isBlank("")).isFalse();
    assertThat(FieldType.DATE.isBlank("")).isFalse();
    assertThat(FieldType.oneOf("A").isBlank("")).isFalse();
    assertThat(FieldType.BOOLEAN.isBlank("")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<script>alert(1)</script>",
      "<SCRIPT src=//evil.example>",
      "< script>",
      "</script>",
      "<img src=x onerror=alert(1)>",
      "<img/src=x>",
      "<svg onload=alert(1)>",
      "<iframe src=//evil.example>",
      "<a href=\"https://evil.example\">click</a>",
      "<div onclick=\"steal()\">notes</div>",
      "<p class='x' onmouseover = 'steal()'>",
      "see javascript:alert(1)",
      "JavaScript :void(0)",
      "vbscript:msgbox",
      "<style>body{display:none}</style>",
      "<form action=//evil.example>"})
  void textWithMarkupABrowserWouldRunIsRefused(String text) {
    assertThat(FieldType.TEXT.problemWith(text)).contains(MARKUP);
    assertThat(FieldType.LINE.problemWith(text)).contains(MARKUP);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "under 5s < 10 minutes",
      "contact mum at <jo@example.org>",
      "score 3<5 and 7>2",
      "a <= b",
      "&lt;script&gt; as text",
      "the door was left on the latch",
      "I <3 my foster carer"})
  void plainUsesOfAngleBracketsAreAccepted(String text) {
    assertThat(FieldType.TEXT.problemWith(text)).isEmpty();
    assertThat(FieldType.LINE.problemWith(text)).isEmpty();
  }

  @Test
  void anEmailAddressInAngleBracketsStartingWithTheInitialAIsAccepted() {
    assertThat(FieldType.TEXT.problemWith("school contact <a.jones@school.org>")).isEmpty();
    assertThat(FieldType.LINE.problemWith("<a-jones@school.org>")).isEmpty();
  }

  @Test
  void cappedCutsJoinedTextToWhatATextFieldHolds() {
    String longest = "y".repeat(FieldType.MAX_TEXT_LENGTH);
    assertThat(FieldType.capped("short")).isEqualTo("short");
    assertThat(FieldType.capped(longest)).isEqualTo(longest);
    assertThat(FieldType.capped("Escalated: " + longest)).hasSize(FieldType.MAX_TEXT_LENGTH).startsWith("Escalated: y");
    assertThat(FieldType.TEXT.problemWith(FieldType.capped("z".repeat(10_000)))).isEmpty();
  }

  // LINE

  @Test
  void lineAcceptsOneLineOfAtMostTwoHundredCharacters() {
    assertThat(FieldType.LINE.problemWith("Jo Bloggs (aunt)")).isEmpty();
    assertThat(FieldType.LINE.problemWith("n".repeat(FieldType.MAX_LINE_LENGTH))).isEmpty();
  }

  @Test
  void lineRefusesMoreThanTwoHundredCharactersOrASecondLine() {
    String rule = "must be one line of at most 200 characters";
    assertThat(FieldType.LINE.problemWith("n".repeat(FieldType.MAX_LINE_LENGTH + 1))).contains(rule);
    assertThat(FieldType.LINE.problemWith("Jo Bloggs\nsecond line")).contains(rule);
    assertThat(FieldType.LINE.problemWith("Jo Bloggs\r\n")).contains(rule);
  }

  @Test
  void lineRefusesValuesThatAreNotText() {
    assertThat(FieldType.LINE.problemWith(7)).contains("must be text");
    assertThat(FieldType.LINE.problemWith(false)).contains("must be text");
  }

  @Test
  void lineRefusesABareCarriageReturn() {
    assertThat(FieldType.LINE.problemWith("Jo Bloggs\rsecond line")).contains("must be one line of at most 200 characters");
  }

  // INTEGER

  @Test
  void integerAcceptsWholeNumbersOfAnyIntegralType() {
    for (Object whole : List.of(28, 28L, (short) 28, (byte) 28, 0, -3, Integer.MAX_VALUE)) {
      assertThat(FieldType.INTEGER.problemWith(whole)).as("%s", whole).isEmpty();
    }
  }

  @Test
  void integerAcceptsAFormsDecimalThatIsWhole() {
    assertThat(FieldType.INTEGER.problemWith(28.0)).isEmpty();
    assertThat(FieldType.INTEGER.problemWith(28.0f)).isEmpty();
    assertThat(FieldType.INTEGER.problemWith(new BigDecimal("28.000"))).isEmpty();
    assertThat(FieldType.INTEGER.problemWith(-5.0)).isEmpty();
  }

  @Test
  void integerRefusesFractionsTextAndNumbersBeyondTheIntRange() {
    for (Object notWhole : List.of(28.5, 0.1, "28", true, Double.NaN, Double.POSITIVE_INFINITY, 3.0e9, -3.0e9)) {
      assertThat(FieldType.INTEGER.problemWith(notWhole)).as("%s", notWhole).contains("must be a whole number");
    }
  }

  @Test
  void integerRefusesALongBeyondTheIntRangeAsItDoesADecimal() {
    assertThat(FieldType.INTEGER.problemWith(3_000_000_000L)).contains("must be a whole number");
    assertThat(FieldType.INTEGER.problemWith(Long.MAX_VALUE)).contains("must be a whole number");
  }

  // DATE

  @Test
  void dateAcceptsAnIsoDateOrADateVariable() {
    assertThat(FieldType.DATE.problemWith("2026-11-27")).isEmpty();
    assertThat(FieldType.DATE.problemWith(" 2026-11-27 ")).isEmpty();
    assertThat(FieldType.DATE.problemWith("2028-02-29")).isEmpty();
    assertThat(FieldType.DATE.problemWith(Date.from(Instant.parse("2026-11-27T00:00:00Z")))).isEmpty();
    assertThat(FieldType.DATE.problemWith(java.sql.Date.valueOf("2026-11-27"))).isEmpty();
  }

  @Test
  void dateRefusesOtherFormsShowingTheValueGiven() {
    assertThat(FieldType.DATE.problemWith("27/11/2026")).contains(DATE_EXPECTED + ", but was '27/11/2026'");
    assertThat(FieldType.DATE.problemWith("2026-11-27T09:30")).contains(DATE_EXPECTED + ", but was '2026-11-27T09:30'");
    assertThat(FieldType.DATE.problemWith("2026-02-29")).contains(DATE_EXPECTED + ", but was '2026-02-29'");
    assertThat(FieldType.DATE.problemWith("2026-02-30")).contains(DATE_EXPECTED + ", but was '2026-02-30'");
    assertThat(FieldType.DATE.problemWith(20261127)).contains(DATE_EXPECTED + ", but was '20261127'");
    assertThat(FieldType.DATE.problemWith("")).contains(DATE_EXPECTED + ", but was empty");
  }

  // DATE_TIME

  @Test
  void dateTimeAcceptsIsoWithOrWithoutOffsetOrADateVariable() {
    assertThat(FieldType.DATE_TIME.problemWith("2026-11-27T09:30")).isEmpty();
    assertThat(FieldType.DATE_TIME.problemWith("2026-11-27T09:30:00Z")).isEmpty();
    assertThat(FieldType.DATE_TIME.problemWith("2026-07-01T09:30:00+01:00")).isEmpty();
    assertThat(FieldType.DATE_TIME.problemWith("2026-11-27T09:30:00.123Z")).isEmpty();
    assertThat(FieldType.DATE_TIME.problemWith(Date.from(Instant.parse("2026-11-27T09:30:00Z")))).isEmpty();
  }

  @Test
  void dateTimeRefusesADateAloneAndOtherFormsShowingTheValueGiven() {
    assertThat(FieldType.DATE_TIME.problemWith("2026-11-27")).contains(DATE_TIME_EXPECTED + ", but was '2026-11-27'");
    assertThat(FieldType.DATE_TIME.problemWith("27/11/2026 09:30"))
        .contains(DATE_TIME_EXPECTED + ", but was '27/11/2026 09:30'");
    assertThat(FieldType.DATE_TIME.problemWith("2026-11-27 09:30")).contains(DATE_TIME_EXPECTED + ", but was '2026-11-27 09:30'");
    assertThat(FieldType.DATE_TIME.problemWith("2026-13-01T09:30")).contains(DATE_TIME_EXPECTED + ", but was '2026-13-01T09:30'");
    assertThat(FieldType.DATE_TIME.problemWith(true)).contains(DATE_TIME_EXPECTED + ", but was 'true'");
    assertThat(FieldType.DATE_TIME.problemWith("  ")).contains(DATE_TIME_EXPECTED + ", but was empty");
  }

  @Test
  void dateTimeReadsOtherObjectsByTheirText() {
    // by String.valueOf: an Instant's text is ISO, an epoch number is not
    assertThat(FieldType.DATE_TIME.problemWith(Instant.parse("2026-11-27T09:30:00Z"))).isEmpty();
    assertThat(FieldType.DATE_TIME.problemWith(1_795_000_000_000L))
        .contains(DATE_TIME_EXPECTED + ", but was '1795000000000'");
  }

  // oneOf

  @Test
  void oneOfAcceptsExactlyTheListedCodes() {
    FieldType risk = FieldType.oneOf("LOW", "MEDIUM", "HIGH");
    assertThat(risk.problemWith("LOW")).isEmpty();
    assertThat(risk.problemWith("HIGH")).isEmpty();
  }

  @Test
  void oneOfRefusesOtherSpellingsAndTypesNamingTheCodes() {
    FieldType risk = FieldType.oneOf("LOW", "MEDIUM", "HIGH");
    for (Object other : List.of("low", " LOW", "LOW ", "CRITICAL", "", 1, true)) {
      assertThat(risk.problemWith(other)).as("'%s'", other).contains("must be one of LOW, MEDIUM, HIGH");
    }
  }

  // RECORDS (a list answer: who took part)

  private static final FieldType PARTICIPANTS = FieldType.records(participant());

  private static java.util.Map<String, FieldType> participant() {
    java.util.Map<String, FieldType> fields = new java.util.LinkedHashMap<>();
    fields.put("name", FieldType.LINE);
    fields.put("agency", FieldType.oneOf("POLICE", "HEALTH"));
    return fields;
  }

  @Test
  void recordsAcceptJsonTextAJsonVariableAndAJavaList() {
    assertThat(PARTICIPANTS.problemWith("[{\"name\":\"DS Khan\",\"agency\":\"POLICE\"}]")).isEmpty();
    // a Json variable reads as its JSON text
    Object json = new Object() {
      @Override
      public String toString() {
        return "[{\"name\":\"Dr Lee\",\"agency\":\"HEALTH\"}]";
      }
    };
    assertThat(PARTICIPANTS.problemWith(json)).isEmpty();
    assertThat(PARTICIPANTS.problemWith(List.of(java.util.Map.of("name", "Dr Lee", "agency", "HEALTH")))).isEmpty();
    assertThat(PARTICIPANTS.isList()).isTrue();
    assertThat(FieldType.TEXT.isList()).isFalse();
  }

  @Test
  void recordsNameTheEntryAndFieldThatIsWrong() {
    assertThat(PARTICIPANTS.problemWith("[]")).contains("must name at least one");
    assertThat(PARTICIPANTS.problemWith("{\"name\":\"x\"}")).hasValueSatisfying(p -> assertThat(p).startsWith("must be a list of"));
    assertThat(PARTICIPANTS.problemWith("not json")).hasValueSatisfying(p -> assertThat(p).startsWith("must be a list of"));
    assertThat(PARTICIPANTS.problemWith("[1]")).hasValueSatisfying(p -> assertThat(p).startsWith("must be a list of"));
    assertThat(PARTICIPANTS.problemWith("[{\"name\":\"A\",\"agency\":\"POLICE\"},{\"agency\":\"HEALTH\"}]"))
        .contains("entry 2: name is required");
    assertThat(PARTICIPANTS.problemWith("[{\"name\":\"A\",\"agency\":\"FIRE\"}]"))
        .contains("entry 1: agency must be one of POLICE, HEALTH");
    assertThat(PARTICIPANTS.problemWith("[{\"name\":\"<script>x</script>\",\"agency\":\"POLICE\"}]"))
        .contains("entry 1: name " + MARKUP);
    assertThat(PARTICIPANTS.problemWith("[{\"name\":\"A\",\"agency\":\"POLICE\",\"ssn\":\"1\"}]"))
        .contains("entry 1: ssn is not one of name, agency");
    String many = "[" + String.join(",", java.util.Collections.nCopies(FieldType.MAX_RECORDS + 1,
        "{\"name\":\"A\",\"agency\":\"POLICE\"}")) + "]";
    assertThat(PARTICIPANTS.problemWith(many)).contains("must have at most " + FieldType.MAX_RECORDS + " entries");
  }
}
