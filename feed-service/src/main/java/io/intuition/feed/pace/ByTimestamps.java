package io.intuition.feed.pace;

import io.intuition.feed.source.Tick;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A tick is due the time since the previous tick divided by the speed after it, that gap cut to the
 * longest wait if one is set. A tick earlier than one before it is due with the previous one.
 */
final class ByTimestamps implements Schedule {
  private static final double NANOS_PER_SECOND = 1e9;
  private final double speed;
  private final long maxGapNanos;
  private Instant latest;
  private long due;

  ByTimestamps(double speed, Duration maxGap) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number, but was " + speed);
    }
    if (maxGap != null && maxGap.isNegative()) {
      throw new IllegalArgumentException("max gap must not be negative, but was " + maxGap);
    }
    this.speed = speed;
    this.maxGapNanos = maxGap == null ? Long.MAX_VALUE : maxGap.toNanos();
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if the tick has no time
   */
  @Override
  public long dueNanos(long index, Tick tick) {
    Instant time = Objects.requireNonNull(tick.time(), "tick time");
    if (latest == null) {
      latest = time;
    } else if (time.isAfter(latest)) {
      due += Math.min(scaled(Duration.between(latest, time)), maxGapNanos);
      latest = time;
    }
    return due;
  }

  private long scaled(Duration gap) {
    return Math.round((gap.getSeconds() * NANOS_PER_SECOND + gap.getNano()) / speed);
  }

  @Override
  public String toString() {
    String pace = plain(speed) + "x the recorded pace";
    return maxGapNanos == Long.MAX_VALUE
        ? pace
        : pace + ", waits cut to " + plain(maxGapNanos / NANOS_PER_SECOND) + " s";
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
