package io.intuition.feed.pace;

import io.intuition.feed.source.Tick;
import java.math.BigDecimal;

/** Tick {@code n} is due {@code n / perSecond} seconds after the first. */
record FixedRate(double perSecond) implements Schedule {
  private static final double NANOS_PER_SECOND = 1e9;

  FixedRate {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("rate must be a positive number, but was " + perSecond);
    }
  }

  @Override
  public long dueNanos(long index, Tick tick) {
    return Math.round(index * NANOS_PER_SECOND / perSecond);
  }

  @Override
  public String toString() {
    return BigDecimal.valueOf(perSecond).stripTrailingZeros().toPlainString() + "/s";
  }
}
