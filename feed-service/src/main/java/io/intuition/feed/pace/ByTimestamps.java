package io.intuition.feed.pace;

import io.intuition.feed.source.Tick;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A tick is due its time's distance from the first tick's time, divided by the speed. */
final class ByTimestamps implements Schedule {
  private static final double NANOS_PER_SECOND = 1e9;
  private final double speed;
  private Instant first;

  ByTimestamps(double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number, but was " + speed);
    }
    this.speed = speed;
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if the tick has no time
   */
  @Override
  public long dueNanos(long index, Tick tick) {
    Instant time = Objects.requireNonNull(tick.time(), "tick time");
    if (first == null) {
      first = time;
    }
    Duration since = Duration.between(first, time);
    double nanos = since.getSeconds() * NANOS_PER_SECOND + since.getNano();
    return Math.round(nanos / speed);
  }

  @Override
  public String toString() {
    return BigDecimal.valueOf(speed).stripTrailingZeros().toPlainString() + "x the file's pace";
  }
}
