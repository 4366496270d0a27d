package io.intuition.feed.pace;

import io.intuition.feed.source.Tick;
import java.time.Duration;

/** When each tick is due, counted from the first one. */
public interface Schedule {

  /**
   * How long after the first tick the tick number {@code index} (from 0) is due, in nanoseconds.
   */
  long dueNanos(long index, Tick tick);

  /**
   * Evenly spaced ticks, {@code perSecond} a second.
   *
   * @throws IllegalArgumentException if {@code perSecond} is not positive
   */
  static Schedule fixedRate(double perSecond) {
    return new FixedRate(perSecond);
  }

  /**
   * Ticks spaced as their times are, {@code speed} times faster: at 60, a minute of quotes takes a
   * second.
   *
   * @throws IllegalArgumentException if {@code speed} is not positive
   */
  static Schedule byTimestamps(double speed) {
    return new ByTimestamps(speed, null);
  }

  /**
   * As {@link #byTimestamps(double)}, but no tick waits longer than {@code maxGap} after the one
   * before it, however far apart their times: at 60 with a gap of 0.5 s, a day of daily quotes
   * waits half a second instead of 24 minutes.
   *
   * @param maxGap the longest wait between two ticks, or null for no limit
   * @throws IllegalArgumentException if {@code speed} is not positive or {@code maxGap} negative
   */
  static Schedule byTimestamps(double speed, Duration maxGap) {
    return new ByTimestamps(speed, maxGap);
  }
}
