package io.intuition.algo.strategy.smacross;

/**
 * How many timestamps the {@link Pairs} of all symbols hold waiting for their averages, together,
 * at most: with the indicator-service away, every quote waits, and each symbol's own limit times
 * the symbols traded would be more than a small heap holds.
 *
 * <p>Not thread-safe: shared by the pairs of one strategy, on its one thread.
 */
final class WaitingLimit {
  /** The timestamps all symbols hold at most, unless a test asks for fewer. */
  static final int DEFAULT = 10_000;

  private final int max;
  private int held;

  WaitingLimit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("the waiting limit must be positive, but was " + max);
    }
    this.max = max;
  }

  /** Takes room for one more timestamp; false when all of it is taken. */
  boolean take() {
    if (held >= max) {
      return false;
    }
    held++;
    return true;
  }

  /** Gives back the room of {@code count} timestamps no longer held. */
  void release(int count) {
    held -= count;
  }

  /** How many timestamps are held now. */
  int held() {
    return held;
  }
}
