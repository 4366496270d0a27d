package io.intuition.bridge.forward;

import java.time.Duration;

/** Waits that double after each failure, up to a ceiling, and start over after a success. */
final class Backoff {
  private final long firstNanos;
  private final long maxNanos;
  private long nextNanos;
  private long dueAt;

  Backoff(Duration first, Duration max) {
    this.firstNanos = first.toNanos();
    this.maxNanos = max.toNanos();
    this.nextNanos = firstNanos;
  }

  /** Records a failure at {@code now}: the next try is due after the current wait. */
  void failed(long now) {
    dueAt = now + nextNanos;
    nextNanos = Math.min(nextNanos * 2, maxNanos);
  }

  /** Records a success: the next failure waits the shortest time again. */
  void succeeded() {
    nextNanos = firstNanos;
    dueAt = 0;
  }

  /** Whether a try is due at {@code now}. */
  boolean isDue(long now) {
    return now - dueAt >= 0;
  }

  /** Nanoseconds until the next try is due, at least 0. */
  long nanosUntilDue(long now) {
    return Math.max(0, dueAt - now);
  }
}
