package org.opencsc.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class WorkingDayCalendarTest {

  // the real England and Wales rules, built once: jollyday is the slow part
  private static final HolidaySource ENGLAND_AND_WALES = new JollydayHolidaySource();

  private final WorkingDayCalendar calendar =
      new WorkingDayCalendar(ENGLAND_AND_WALES, CalendarProperties.none());

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  private String deadline(String trigger, int workingDays) {
    return calendar.plusWorkingDays(trigger, workingDays);
  }

  @Test
  void christmasAndNewYear2026_27SkipSubstituteBoxingDay() {
    // Mon 21 Dec: 22,23,24 = 1-3; Fri 25 Christmas; Mon 28 substitute Boxing Day; 29,30,31 = 4-6; Fri 1 Jan holiday; Mon 4 Jan = 7
    assertThat(deadline("2026-12-21T10:00", 7)).isEqualTo("2027-01-04T23:59:00Z");
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse();
  }

  @Test
  void theWorkingDayBeforeSkipsWeekendsAndBankHolidays() {
    // Tuesday 29 December 2026: Monday 28 (substitute Boxing Day), the weekend and Friday 25 are not
    assertThat(calendar.workingDayBefore(LocalDate.of(2026, 12, 29))).isEqualTo(LocalDate.of(2026, 12, 24));
    assertThat(calendar.workingDayBefore(LocalDate.of(2026, 12, 2))).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(calendar.workingDayBefore(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2026, 11, 27));
  }

  @Test
  void christmas2027OnASaturdayMovesBothHolidaysToMondayAndTuesday() {
    // Fri 24 Dec: Sat 25, Sun 26 weekend; Mon 27 (Christmas substitute), Tue 28 (Boxing Day substitute) holidays; Wed 29 = 1
    assertThat(deadline("2027-12-24T10:00", 1)).isEqualTo("2027-12-29T23:59:00Z");
    assertThat(calendar.holidays(2027)).contains(LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28));
  }

  @Test
  void newYear2028OnASaturdayMovesToMonday3January() {
    // Fri 31 Dec 2027: Sat 1, Sun 2 weekend; Mon 3 Jan substitute New Year's Day; Tue 4 = 1
    assertThat(deadline("2027-12-31T10:00", 1)).isEqualTo("2028-01-04T23:59:00Z");
    assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
  }

  @Test
  void easter2027SkipsGoodFridayAndEasterMonday() {
    // Fri 19 Mar: 22-25 = 1-4; Fri 26 Good Friday; Mon 29 Easter Monday; 30,31,1 Apr,2 = 5-8; 5-9 Apr = 9-13; 12 = 14; Tue 13 Apr = 15 (BST)
    assertThat(deadline("2027-03-19T10:00", 15)).isEqualTo("2027-04-13T23:59:00+01:00");
  }

  @Test
  void englandAndWalesBankHolidaysIn2026() {
    // gov.uk list for England and Wales, with Boxing Day (Sat 26 Dec) substituted to Mon 28 Dec
    assertThat(calendar.holidays(2026)).containsExactlyInAnyOrder(
        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6),
        LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 8, 31),
        LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
  }

  @Test
  void oneOffHolidays2022AreNotWorkingDays() {
    // Jubilee (spring bank holiday moved from Mon 30 May to Thu 2 Jun, plus Fri 3 Jun) and the state funeral
    assertThat(calendar.isWorkingDay(LocalDate.of(2022, 6, 2))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2022, 6, 3))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2022, 9, 19))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2022, 5, 30))).isTrue();
    // Wed 1 Jun: Thu 2, Fri 3 holidays; Sat 4, Sun 5 weekend; Mon 6 = 1 (BST)
    assertThat(deadline("2022-06-01T10:00", 1)).isEqualTo("2022-06-06T23:59:00+01:00");
  }

  @Test
  void oneOffHolidays2020And2023AreNotWorkingDays() {
    // VE day 2020 replaced the early May bank holiday on Mon 4 May; coronation Mon 8 May 2023
    assertThat(calendar.isWorkingDay(LocalDate.of(2020, 5, 8))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2020, 5, 4))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 8))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 1))).isFalse();
  }

  @Test
  void deadlineEndsAt2359LondonAcrossClocksGoingForward() {
    // Fri 19 Mar 2027 (GMT): 22-25 = 1-4; 26 Good Friday; 29 Easter Monday; Tue 30 = 5, after clocks went forward on Sun 28 Mar
    ZonedDateTime deadline = calendar.plusWorkingDays(LondonTime.parseDateTime("2027-03-19T10:00:00Z"), 5);
    assertThat(deadline.toInstant()).isEqualTo(Instant.parse("2027-03-30T22:59:00Z"));
    assertThat(LondonTime.format(deadline)).isEqualTo("2027-03-30T23:59:00+01:00");
  }

  @Test
  void deadlineEndsAt2359LondonAcrossClocksGoingBack() {
    // Fri 23 Oct 2026 09:00 BST; clocks go back on Sun 25 Oct; Mon 26 Oct = 1, now GMT
    ZonedDateTime deadline = calendar.plusWorkingDays(LondonTime.parseDateTime("2026-10-23T09:00:00+01:00"), 1);
    assertThat(deadline.toInstant()).isEqualTo(Instant.parse("2026-10-26T23:59:00Z"));
  }

  @Test
  void triggerDayIsTheLondonCalendarDay() {
    // 2026-06-30T23:30Z is Wed 1 Jul 00:30 in London, so day 0 is 1 Jul and Thu 2 Jul = 1 (UTC would give Wed 1 Jul)
    assertThat(deadline("2026-06-30T23:30:00Z", 1)).isEqualTo("2026-07-02T23:59:00+01:00");
  }

  @Test
  void triggerOnAWeekendIsDayZero() {
    // Sat 28 Nov 2026 and Sun 29 Nov are day 0; Mon 30 Nov = 1
    assertThat(deadline("2026-11-28T10:00", 1)).isEqualTo("2026-11-30T23:59:00Z");
    assertThat(deadline("2026-11-29T10:00", 1)).isEqualTo("2026-11-30T23:59:00Z");
  }

  @Test
  void triggerOnABankHolidayIsDayZero() {
    // Fri 25 Dec 2026 is day 0; Mon 28 Dec substitute holiday; Tue 29 Dec = 1
    assertThat(deadline("2026-12-25T10:00", 1)).isEqualTo("2026-12-29T23:59:00Z");
  }

  @Test
  void extraHolidayFromConfigurationIsSkipped() {
    WorkingDayCalendar withExtra = new WorkingDayCalendar(ENGLAND_AND_WALES,
        new CalendarProperties(List.of(LocalDate.of(2027, 6, 7))));
    // Fri 4 Jun 2027: Mon 7 Jun configured extra holiday; Tue 8 Jun = 1 (BST)
    assertThat(withExtra.plusWorkingDays("2027-06-04T10:00", 1)).isEqualTo("2027-06-08T23:59:00+01:00");
    // without the extra, Mon 7 Jun = 1
    assertThat(deadline("2027-06-04T10:00", 1)).isEqualTo("2027-06-07T23:59:00+01:00");
  }

  @Test
  void oneOffHolidaysCanBeSuppliedAsConfiguredExtras() {
    // if the library did not know the 2022 one-offs, configuring them must give the same answer
    HolidaySource withoutOneOffs = year -> year == 2022
        ? Set.of(LocalDate.of(2022, 1, 3), LocalDate.of(2022, 4, 15), LocalDate.of(2022, 4, 18),
            LocalDate.of(2022, 5, 2), LocalDate.of(2022, 8, 29),
            LocalDate.of(2022, 12, 26), LocalDate.of(2022, 12, 27))
        : Set.of();
    WorkingDayCalendar configured = new WorkingDayCalendar(withoutOneOffs, new CalendarProperties(List.of(
        LocalDate.of(2022, 6, 2), LocalDate.of(2022, 6, 3), LocalDate.of(2022, 9, 19))));
    // Wed 1 Jun: Thu 2, Fri 3 extras; weekend; Mon 6 = 1
    assertThat(configured.plusWorkingDays("2022-06-01T10:00", 1)).isEqualTo("2022-06-06T23:59:00+01:00");
    // Fri 16 Sep: weekend; Mon 19 state funeral extra; Tue 20 = 1
    assertThat(configured.plusWorkingDays("2022-09-16T10:00", 1)).isEqualTo("2022-09-20T23:59:00+01:00");
  }

  @Test
  void rejectsNonPositiveDays() {
    ZonedDateTime trigger = LondonTime.parseDateTime("2026-11-27T09:30");
    assertThatThrownBy(() -> calendar.plusWorkingDays(trigger, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 working day");
    assertThatThrownBy(() -> calendar.plusWorkingDays(trigger, -3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was -3");
  }

  @Test
  void rejectsAMissingTrigger() {
    assertThatThrownBy(() -> calendar.plusWorkingDays((Object) null, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> calendar.plusWorkingDays((ZonedDateTime) null, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void rejectsATriggerThatIsNotADateTime() {
    assertThatThrownBy(() -> calendar.plusWorkingDays(20261127L, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("must be a date-time such as 2026-11-27T09:30 or 2026-11-27T09:30:00Z")
        .hasMessageContaining("Long");
    assertThatThrownBy(() -> calendar.plusWorkingDays("27/11/2026", 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was '27/11/2026'");
  }

  @Test
  void acceptsInstantAndOffsetDateTimeTriggers() {
    // same count as the Christmas case: Mon 21 Dec 2026 + 7 = Mon 4 Jan 2027
    assertThat(calendar.plusWorkingDays(Instant.parse("2026-12-21T10:00:00Z"), 7)).isEqualTo("2027-01-04T23:59:00Z");
    assertThat(calendar.plusWorkingDays(OffsetDateTime.parse("2026-12-21T10:00:00+01:00"), 7))
        .isEqualTo("2027-01-04T23:59:00Z");
  }

  @Test
  void acceptsACamundaDateTrigger() {
    // Mon 21 Dec 2026 10:00Z, same count as the Christmas case: Mon 4 Jan 2027 = 7
    Date trigger = Date.from(Instant.parse("2026-12-21T10:00:00Z"));
    assertThat(calendar.plusWorkingDays(trigger, 7)).isEqualTo("2027-01-04T23:59:00Z");
  }

  @Test
  void holidaysAreLoadedOncePerYear() {
    int[] loads = {0};
    WorkingDayCalendar counting = new WorkingDayCalendar(year -> {
      loads[0]++;
      return Set.of();
    }, CalendarProperties.none());
    counting.isWorkingDay(LocalDate.of(2027, 3, 1));
    counting.isWorkingDay(LocalDate.of(2027, 3, 2));
    counting.holidays(2027);
    assertThat(loads[0]).isEqualTo(1);
  }

  @Test
  void warnsWhenNextYearHasNoHolidays(CapturedOutput output) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-27T09:30:00Z")));
    WorkingDayCalendar endsIn2026 = new WorkingDayCalendar(
        year -> year <= 2026 ? Set.of(LocalDate.of(year, 12, 25)) : Set.of(), CalendarProperties.none());

    assertThat(endsIn2026.warnIfNextYearHasNoHolidays()).contains(2027);
    assertThat(output).contains("WARN").contains("No bank holidays are defined for 2027");
    assertThat(endsIn2026.yearsWithoutHolidays(2025, 2028)).containsExactly(2027, 2028);
  }

  @Test
  void doesNotWarnWhenNextYearHasOnlyConfiguredHolidays() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-27T09:30:00Z")));
    WorkingDayCalendar onlyExtras = new WorkingDayCalendar(year -> Set.of(),
        new CalendarProperties(List.of(LocalDate.of(2027, 1, 1))));
    assertThat(onlyExtras.warnIfNextYearHasNoHolidays()).isEmpty();
  }

  @Test
  void doesNotWarnWithTheRealHolidayData() {
    assertThat(calendar.warnIfNextYearHasNoHolidays()).isEmpty();
  }
}
