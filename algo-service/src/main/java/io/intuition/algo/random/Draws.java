package io.intuition.algo.random;

import java.util.random.RandomGenerator;

/**
 * The generator of {@link java.util.Random}, draw for draw, whose whole state is one number that
 * can be saved and restored, so a restarted service goes on with the very draws it would have made.
 *
 * <p>The sequence is the one {@code java.util.Random} specifies (a 48-bit linear congruential
 * generator), so a seed gives the orders it gave before this class existed.
 *
 * <p>Not thread-safe: each service draws from one thread.
 */
public final class Draws implements RandomGenerator {
  private static final long MULTIPLIER = 0x5DEECE66DL;
  private static final long ADDEND = 0xBL;
  private static final long MASK = (1L << 48) - 1;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;

  private Draws(long state) {
    this.state = state;
  }

  /** The draws of {@code new java.util.Random(seed)}. */
  public static Draws seeded(long seed) {
    return new Draws(scramble(seed));
  }

  /**
   * Goes on from a saved {@link #state()}.
   *
   * @throws IllegalArgumentException if {@code saved} is not a 48-bit value
   */
  public void restore(long saved) {
    if ((saved & ~MASK) != 0) {
      throw new IllegalArgumentException("a generator state has 48 bits, but was " + saved);
    }
    state = saved;
  }

  /** Starts again from {@code seed}, as {@code Random.setSeed} does. */
  public void reseed(long seed) {
    state = scramble(seed);
  }

  /** The whole state: after {@link #restore(long)} of it, the same draws follow. */
  public long state() {
    return state;
  }

  @Override
  public double nextDouble() {
    return (((long) next(26) << 27) + next(27)) * DOUBLE_UNIT;
  }

  @Override
  public long nextLong() {
    return ((long) next(32) << 32) + next(32);
  }

  private int next(int bits) {
    state = (state * MULTIPLIER + ADDEND) & MASK;
    return (int) (state >>> (48 - bits));
  }

  private static long scramble(long seed) {
    return (seed ^ MULTIPLIER) & MASK;
  }
}
