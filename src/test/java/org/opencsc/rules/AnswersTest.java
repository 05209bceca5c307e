package org.opencsc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.opencsc.calendar.LondonTime;

/**
 * The lenient readers conditions and checks use: a missing or wrongly typed answer reads as
 * null or "no" and never throws, and every date and time is read in UK time.
 */
class AnswersTest {

  private static final ZoneId LONDON = LondonTime.ZONE;

  private static Answers answers(Object... namesAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return Answers.of(values);
  }

  @Test
  void getGivesTheRawValueOrNull() {
    Date date = new Date();
    Answers answers = answers("a", 1, "b", date);
    assertThat(answers.get("a")).isEqualTo(1);
    assertThat(answers.get("b")).isSameAs(date);
    assertThat(answers.get("absent")).isNull();
  }

  @Test
  void answersFromAFunctionAskItForEachName() {
    Answers answers = Answers.from(name -> name.equals("rhiOffered") ? Boolean.TRUE : null);
    assertThat(answers.isTrue("rhiOffered")).isTrue();
    assertThat(answers.get("rhiAccepted")).isNull();
  }

  @Test
  void isTrueAndIsFalseHoldOnlyForBooleans() {
    Answers answers = answers("yes", true, "no", false, "text", "true", "one", 1, "none", null);
    assertThat(answers.isTrue("yes")).isTrue();
    assertThat(answers.isFalse("yes")).isFalse();
    assertThat(answers.isFalse("no")).isTrue();
    assertThat(answers.isTrue("no")).isFalse();
    for (String notBoolean : List.of("text", "one", "none", "absent")) {
      assertThat(answers.isTrue(notBoolean)).as(notBoolean).isFalse();
      assertThat(answers.isFalse(notBoolean)).as(notBoolean).isFalse();
    }
  }

  @Test
  void isComparesTheAnswerWithAnExactValue() {
    Answers answers = answers("decision", "SECTION_47", "count", 3);
    assertThat(answers.is("decision", "SECTION_47")).isTrue();
    assertThat(answers.is("decision", "section_47")).isFalse();
    assertThat(answers.is("count", 3)).isTrue();
    assertThat(answers.is("count", 3L)).as("an Integer is not a Long").isFalse();
    assertThat(answers.is("absent", "SECTION_47")).isFalse();
  }

  @Test
  void textReadsOnlyText() {
    Answers answers = answers("name", "Sam", "blank", "  ", "number", 42, "flag", true);
    assertThat(answers.text("name")).isEqualTo("Sam");
    assertThat(answers.text("blank")).isEqualTo("  ");
    assertThat(answers.text("number")).isNull();
    assertThat(answers.text("flag")).isNull();
    assertThat(answers.text("absent")).isNull();
  }

  @Test
  void integerReadsAnyNumberAsALongAndAnythingElseAsNull() {
    Answers answers = answers("int", 28, "long", 3_000_000_000L, "double", 28.0, "decimal", new BigDecimal("7"),
        "text", "28", "flag", true);
    assertThat(answers.integer("int")).isEqualTo(28L);
    assertThat(answers.integer("long")).isEqualTo(3_000_000_000L);
    assertThat(answers.integer("double")).isEqualTo(28L);
    assertThat(answers.integer("decimal")).isEqualTo(7L);
    assertThat(answers.integer("text")).isNull();
    assertThat(answers.integer("flag")).isNull();
    assertThat(answers.integer("absent")).isNull();
  }

  @Test
  void dateTimeReadsIsoTextInLondonWhateverTheOffsetGiven() {
    Answers answers = answers("utc", "2026-11-27T09:30:00Z", "offset", "2026-11-27T09:30:00+01:00");
    assertThat(answers.dateTime("utc")).isEqualTo(ZonedDateTime.of(2026, 11, 27, 9, 30, 0, 0, LONDON));
    assertThat(answers.dateTime("offset")).isEqualTo(ZonedDateTime.of(2026, 11, 27, 8, 30, 0, 0, LONDON));
  }

  @Test
  void dateTimeWithoutOffsetIsLondonWallClockInGmtAndInBst() {
    Answers answers = answers("winter", "2026-11-27T09:30", "summer", "2026-07-01T09:30");
    assertThat(answers.dateTime("winter").toInstant()).isEqualTo(Instant.parse("2026-11-27T09:30:00Z"));
    assertThat(answers.dateTime("summer").toInstant()).isEqualTo(Instant.parse("2026-07-01T08:30:00Z"));
  }

  @Test
  void dateTimeAcrossTheClockChangesFollowsLondon() {
    // 29 Mar 2026: 01:00 GMT becomes 02:00 BST, so 01:30 never happens and reads as 02:30 BST
    assertThat(answers("t", "2026-03-29T01:30").dateTime("t").toInstant()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(answers("t", "2026-03-29T01:30").dateTime("t").toLocalTime()).hasToString("02:30");
    // 25 Oct 2026: 01:30 happens twice; without an offset the first (BST) is meant
    assertThat(answers("t", "2026-10-25T01:30").dateTime("t").toInstant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    assertThat(answers("t", "2026-10-25T01:30:00Z").dateTime("t").toLocalTime()).hasToString("01:30");
  }

  @Test
  void dateTimeReadsEngineDateAndJavaTimeValuesInLondon() {
    Instant summerEvening = Instant.parse("2026-07-01T22:30:00Z");
    Answers answers = answers("date", Date.from(summerEvening), "sql", new java.sql.Timestamp(summerEvening.toEpochMilli()),
        "instant", summerEvening, "offset", OffsetDateTime.parse("2026-07-01T22:30:00Z"));
    for (String name : List.of("date", "sql", "instant", "offset")) {
      assertThat(answers.dateTime(name)).as(name).isEqualTo(ZonedDateTime.of(2026, 7, 1, 23, 30, 0, 0, LONDON));
    }
  }

  @Test
  void aDateAnswerReadAsDateTimeIsTheStartOfThatDayInLondon() {
    // so a conference held on its due date meets a deadline ending that day
    assertThat(answers("held", "2026-12-01").dateTime("held").toInstant()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(answers("held", "2026-07-01").dateTime("held").toInstant()).isEqualTo(Instant.parse("2026-06-30T23:00:00Z"));
    assertThat(answers("held", "2026-07-01").dateTime("held")).isEqualTo(ZonedDateTime.of(2026, 7, 1, 0, 0, 0, 0, LONDON));
    assertThat(answers("held", " 2026-07-01 ").dateTime("held").toLocalDate()).isEqualTo(LocalDate.of(2026, 7, 1));
  }

  @Test
  void anUnreadableDateTimeIsNullNotAnError() {
    Answers answers = answers("text", "27/11/2026 09:30", "blank", "", "number", 1_795_000_000_000L, "flag", true,
        "localDate", LocalDate.of(2026, 11, 27));
    for (String name : List.of("text", "blank", "number", "flag", "localDate", "absent")) {
      assertThat(answers.dateTime(name)).as(name).isNull();
    }
  }

  @Test
  void dateReadsIsoTextAndEngineDatesInLondon() {
    Answers answers = answers("text", "2026-11-27", "padded", " 2026-11-27 ",
        // 23:30 UTC on 30 June is already 1 July in London (BST); on 1 December it is still 1 December (GMT)
        "summerDate", Date.from(Instant.parse("2026-06-30T23:30:00Z")),
        "winterDate", Date.from(Instant.parse("2026-12-01T23:30:00Z")),
        // java.sql.Date refuses toInstant(): read through its milliseconds
        "sqlDate", new java.sql.Date(Instant.parse("2026-11-27T12:00:00Z").toEpochMilli()));
    assertThat(answers.date("text")).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(answers.date("padded")).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(answers.date("summerDate")).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(answers.date("winterDate")).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(answers.date("sqlDate")).isEqualTo(LocalDate.of(2026, 11, 27));
  }

  @Test
  void anUnreadableDateIsNullNotAnError() {
    Answers answers = answers("dateTime", "2026-11-27T09:30", "impossible", "2026-02-30", "british", "27/11/2026",
        "blank", " ", "instant", Instant.parse("2026-11-27T09:30:00Z"), "number", 20261127);
    for (String name : List.of("dateTime", "impossible", "british", "blank", "instant", "number", "absent")) {
      assertThat(answers.date(name)).as(name).isNull();
    }
  }

  @Test
  void datesAreReadInLondonWhateverTheServersTimeZone() {
    TimeZone before = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    try {
      Answers answers = answers("date", Date.from(Instant.parse("2026-06-30T23:30:00Z")), "local", "2026-07-01T09:30");
      assertThat(answers.date("date")).isEqualTo(LocalDate.of(2026, 7, 1));
      assertThat(answers.dateTime("date").toLocalTime()).hasToString("00:30");
      assertThat(answers.dateTime("local").toInstant()).isEqualTo(Instant.parse("2026-07-01T08:30:00Z"));
    } finally {
      TimeZone.setDefault(before);
    }
  }

  @Test
  void aZonedDateTimeAnswerIsReadInLondon() {
    ZonedDateTime newYorkEvening = ZonedDateTime.of(2026, 11, 27, 20, 0, 0, 0, ZoneId.of("America/New_York"));
    ZonedDateTime read = answers("t", newYorkEvening).dateTime("t");
    assertThat(read.getZone()).isEqualTo(LONDON);
    assertThat(read.toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 28));
  }
}
