package io.intuition.bench.load;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Epoch microseconds from the monotonic clock: the wall clock read once, then advanced by {@link
 * System#nanoTime()}, so that timestamps and arrival times of one bench run share one steady clock.
 */
public final class Clock {
  private static final long BASE_NANOS = System.nanoTime();
  private static final long BASE_MICROS = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());

  private Clock() {}

  /** Now, in epoch microseconds. */
  public static long micros() {
    return toMicros(System.nanoTime());
  }

  /** A {@link System#nanoTime()} reading in epoch microseconds. */
  public static long toMicros(long nanoTime) {
    return BASE_MICROS + (nanoTime - BASE_NANOS) / 1_000;
  }
}
