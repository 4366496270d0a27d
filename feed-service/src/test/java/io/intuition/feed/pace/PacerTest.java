package io.intuition.feed.pace;

import static io.intuition.feed.pace.ScheduleTest.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.feed.source.Tick;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
  private static final long MS = 1_000_000L;
  private long now = 5_000 * MS;
  private final List<String> waits = new ArrayList<>();
  private final Pacer pacer = new Pacer(Schedule.fixedRate(1_000), () -> now, this::waiting);

  @Test
  void due_isCountedFromTheFirstTickNotFromTheLastSend() {
    long start = pacer.due(0, tick(null));
    now += 3 * MS / 2; // each send is slower than the period...
    long second = pacer.due(1, tick(null));
    now += 3 * MS / 2;
    long third = pacer.due(2, tick(null));

    // ...but the due times stay on the grid: no drift
    assertThat(second - start).isEqualTo(MS);
    assertThat(third - start).isEqualTo(2 * MS);
  }

  @Test
  void due_shortDelay_isMadeUpBySendingAtOnce() {
    long start = pacer.due(0, tick(null));
    now += 300 * MS;

    assertThat(pacer.due(1, tick(null))).isEqualTo(start + MS).isLessThan(now);
  }

  @Test
  void due_stallOfMoreThanASecond_startsTheScheduleOver() {
    pacer.due(0, tick(null));
    now += 10_000 * MS;

    assertThat(pacer.due(1, tick(null))).isEqualTo(now);
    assertThat(pacer.due(2, tick(null))).isEqualTo(now + MS);
  }

  @Test
  void due_earlierTimestamp_isNeverBeforeThePreviousTick() {
    Pacer byTime = new Pacer(Schedule.byTimestamps(1), () -> now, this::waiting);
    Instant first = Instant.parse("2024-01-02T00:00:00Z");

    long start = byTime.due(0, tick(first));
    long later = byTime.due(1, tick(first.plusMillis(500)));
    long earlier = byTime.due(2, tick(first.plusMillis(100)));

    assertThat(later).isEqualTo(start + 500 * MS);
    assertThat(earlier).isEqualTo(later);
  }

  @Test
  void await_longWait_isAnnouncedOnceWithTheTickAndTheWait() {
    Pacer byTime = new Pacer(Schedule.byTimestamps(60), () -> now, this::waiting);
    Instant first = Instant.parse("2024-01-02T00:00:00Z");
    byTime.await(0, tick(first), () -> false);

    boolean sent = byTime.await(1, tick(first.plus(Duration.ofDays(1))), () -> !waits.isEmpty());

    assertThat(sent).isFalse();
    assertThat(waits).containsExactly("2024-01-03T00:00:00Z PT24M");
  }

  @Test
  void await_waitOfAtMostTheLongWait_isNotAnnounced() {
    Pacer byTime = new Pacer(Schedule.byTimestamps(1), () -> now, this::waiting);
    Instant first = Instant.parse("2024-01-02T00:00:00Z");
    byTime.await(0, tick(first), () -> false);

    boolean sent = byTime.await(1, tick(first.plus(Pacer.LONG_WAIT)), () -> true);

    assertThat(sent).isFalse();
    assertThat(waits).isEmpty();
  }

  @Test
  void due_maxGap_cutsADaysWaitToTheGapWithoutAnnouncingIt() {
    Pacer byTime =
        new Pacer(Schedule.byTimestamps(60, Duration.ofMillis(200)), () -> now, this::waiting);
    Instant first = Instant.parse("2024-01-02T00:00:00Z");
    byTime.await(0, tick(first), () -> false);

    long due = byTime.due(1, tick(first.plus(Duration.ofDays(1))));

    assertThat(due - now).isEqualTo(200 * MS);
    assertThat(waits).isEmpty();
  }

  @Test
  void await_stopping_returnsAtOnceWithFalse() {
    Pacer slow = new Pacer(Schedule.fixedRate(0.001));
    slow.await(0, tick(null), () -> false);

    long before = System.nanoTime();
    boolean sent = slow.await(1, tick(null), () -> true);

    assertThat(sent).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void await_tickDue_returnsTrue() {
    Pacer fast = new Pacer(Schedule.fixedRate(1_000_000));

    assertThat(fast.await(0, tick(null), () -> false)).isTrue();
    assertThat(fast.await(1, tick(null), () -> false)).isTrue();
  }

  private void waiting(Tick tick, Duration wait) {
    waits.add(tick.time() + " " + wait);
  }
}
