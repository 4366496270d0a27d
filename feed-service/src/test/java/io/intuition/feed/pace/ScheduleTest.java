package io.intuition.feed.pace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.feed.source.Tick;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void fixedRate_tickNIsDueNOverRateSecondsAfterTheFirst() {
    Schedule schedule = Schedule.fixedRate(10);

    assertThat(schedule.dueNanos(0, tick(null))).isZero();
    assertThat(schedule.dueNanos(1, tick(null))).isEqualTo(SECOND / 10);
    assertThat(schedule.dueNanos(36_000_000, tick(null))).isEqualTo(3_600_000 * SECOND);
  }

  @Test
  void fixedRate_fractionalRate_spacesTicksSecondsApart() {
    assertThat(Schedule.fixedRate(0.5).dueNanos(3, tick(null))).isEqualTo(6 * SECOND);
  }

  @Test
  void fixedRate_notPositive_isRejected() {
    assertThatThrownBy(() -> Schedule.fixedRate(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Schedule.fixedRate(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void byTimestamps_speedSixty_playsAMinuteOfQuotesInASecond() {
    Schedule schedule = Schedule.byTimestamps(60);

    assertThat(
            dues(schedule, "2024-01-02T10:00:00Z", "2024-01-02T10:01:00Z", "2024-01-02T10:03:00Z"))
        .containsExactly(0L, SECOND, 3 * SECOND);
  }

  @Test
  void byTimestamps_delaysFollowTheGapsBetweenTimestamps() {
    Schedule schedule = Schedule.byTimestamps(2);

    assertThat(
            dues(
                schedule,
                "2024-01-02T00:00:00Z",
                "2024-01-02T00:00:00Z",
                "2024-01-02T00:00:01Z",
                "2024-01-03T00:00:00Z"))
        .containsExactly(0L, 0L, SECOND / 2, 43_200 * SECOND);
  }

  @Test
  void byTimestamps_countsFromTheFirstTickNotFromZero() {
    Schedule schedule = Schedule.byTimestamps(1);

    assertThat(dues(schedule, "2024-03-13T00:00:00Z", "2024-03-13T00:00:00.250Z"))
        .containsExactly(0L, SECOND / 4);
  }

  @Test
  void byTimestamps_maxGap_cutsEachLongerWaitAfterTheSpeedIsApplied() {
    Schedule schedule = Schedule.byTimestamps(60, Duration.ofMillis(500));

    assertThat(
            dues(
                schedule,
                "2024-01-02T00:00:00Z",
                "2024-01-02T00:00:00Z",
                "2024-01-02T00:00:12Z",
                "2024-01-03T00:00:00Z",
                "2024-01-03T00:00:06Z"))
        .containsExactly(0L, 0L, SECOND / 5, SECOND * 7 / 10, SECOND * 8 / 10);
  }

  @Test
  void byTimestamps_maxGapZero_sendsEveryTickAtOnce() {
    Schedule schedule = Schedule.byTimestamps(1, Duration.ZERO);

    assertThat(dues(schedule, "2024-01-02T00:00:00Z", "2024-02-02T00:00:00Z")).containsOnly(0L);
  }

  @Test
  void byTimestamps_earlierTick_isDueWithThePreviousAndTheNextCountsFromTheLatest() {
    Schedule schedule = Schedule.byTimestamps(1, Duration.ofSeconds(5));

    assertThat(
            dues(
                schedule,
                "2024-01-02T00:00:00Z",
                "2024-01-02T00:00:02Z",
                "2024-01-01T00:00:00Z",
                "2024-01-02T00:00:03Z"))
        .containsExactly(0L, 2 * SECOND, 2 * SECOND, 3 * SECOND);
  }

  @Test
  void byTimestamps_negativeMaxGap_isRejected() {
    assertThatThrownBy(() -> Schedule.byTimestamps(1, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max gap must not be negative, but was PT-1S");
  }

  @Test
  void byTimestamps_toString_namesTheSpeedAndTheMaxGap() {
    assertThat(Schedule.byTimestamps(60)).hasToString("60x the recorded pace");
    assertThat(Schedule.byTimestamps(60, Duration.ofMillis(200)))
        .hasToString("60x the recorded pace, waits cut to 0.2 s");
  }

  @Test
  void byTimestamps_notPositive_isRejected() {
    assertThatThrownBy(() -> Schedule.byTimestamps(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("speed must be a positive number, but was -1.0");
  }

  private static List<Long> dues(Schedule schedule, String... times) {
    long[] index = {0};
    return List.of(times).stream()
        .map(time -> schedule.dueNanos(index[0]++, tick(Instant.parse(time))))
        .toList();
  }

  static Tick tick(Instant time) {
    return new Tick("GOOG", BigDecimal.TEN, time);
  }
}
