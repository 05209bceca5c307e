package org.opencsc.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LondonTimeTest {

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  @Test
  void parsesUtcAndOffsetDateTimesIntoLondon() {
    // 27 Nov is GMT, so Z is London wall time and +01:00 is an hour earlier
    assertThat(LondonTime.parseDateTime("2026-11-27T09:30:00Z"))
        .isEqualTo(ZonedDateTime.of(2026, 11, 27, 9, 30, 0, 0, LondonTime.ZONE));
    assertThat(LondonTime.parseDateTime("2026-11-27T09:30:00+01:00"))
        .isEqualTo(ZonedDateTime.of(2026, 11, 27, 8, 30, 0, 0, LondonTime.ZONE));
    assertThat(LondonTime.parseDateTime("2026-11-27T09:30:00.123Z").toInstant())
        .isEqualTo(Instant.parse("2026-11-27T09:30:00.123Z"));
    assertThat(LondonTime.parseDateTime("2026-11-27T09:30:00Z").getZone()).isEqualTo(LondonTime.ZONE);
  }

  @Test
  void readsADateTimeWithoutOffsetAsLondonWallClock() {
    assertThat(LondonTime.parseDateTime("2026-11-27T09:30").toInstant())
        .isEqualTo(Instant.parse("2026-11-27T09:30:00Z"));
    // 1 Jul is BST: 09:30 in London is 08:30Z
    assertThat(LondonTime.parseDateTime("2026-07-01T09:30:00").toInstant())
        .isEqualTo(Instant.parse("2026-07-01T08:30:00Z"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"27/11/2026 09:30", "2026-11-27", "2026-11-27 09:30", "tomorrow", "2026-13-01T09:30"})
  void rejectsOtherDateTimesSayingWhatIsExpected(String text) {
    assertThatThrownBy(() -> LondonTime.parseDateTime(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("must be a date-time such as 2026-11-27T09:30 or 2026-11-27T09:30:00Z");
  }

  @Test
  void rejectionShowsTheValueGiven() {
    assertThatThrownBy(() -> LondonTime.parseDateTime("27/11/2026"))
        .hasMessage("must be a date-time such as 2026-11-27T09:30 or 2026-11-27T09:30:00Z,"
            + " but was '27/11/2026'");
  }

  @Test
  void parsesIsoDates() {
    assertThat(LondonTime.parseDate("2026-11-27")).isEqualTo(LocalDate.of(2026, 11, 27));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"27/11/2026", "2026-11-27T09:30", "2026-02-30", "20261127"})
  void rejectsOtherDatesSayingWhatIsExpected(String text) {
    assertThatThrownBy(() -> LondonTime.parseDate(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("must be a date such as 2026-11-27");
  }

  @Test
  void formatsInLondonWithZInWinterAndPlusOneInSummer() {
    assertThat(LondonTime.format(Instant.parse("2027-01-12T23:59:00Z"))).isEqualTo("2027-01-12T23:59:00Z");
    assertThat(LondonTime.format(Instant.parse("2027-06-01T22:59:00Z"))).isEqualTo("2027-06-01T23:59:00+01:00");
    assertThat(LondonTime.format(Date.from(Instant.parse("2027-06-01T22:59:00Z"))))
        .isEqualTo("2027-06-01T23:59:00+01:00");
    // a ZonedDateTime in another zone is shown as London time
    assertThat(LondonTime.format(ZonedDateTime.parse("2027-06-01T17:59:00-05:00")))
        .isEqualTo("2027-06-01T23:59:00+01:00");
  }

  @Test
  void formatAndParseRoundTrip() {
    String text = "2027-03-30T23:59:00+01:00";
    assertThat(LondonTime.format(LondonTime.parseDateTime(text))).isEqualTo(text);
  }

  @Test
  void nowFollowsTheEngineClock() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-30T23:30:00Z")));
    assertThat(LondonTime.now()).isEqualTo(ZonedDateTime.of(2026, 7, 1, 0, 30, 0, 0, LondonTime.ZONE));
  }
}
