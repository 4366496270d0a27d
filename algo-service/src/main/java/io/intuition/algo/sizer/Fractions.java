package io.intuition.algo.sizer;

/** The precision of the quantities sizers choose. */
final class Fractions {
  /** Cash is counted in cents. */
  static final int CASH_SCALE = 2;

  /** Shares are counted to the millionth. */
  static final int SHARES_SCALE = 6;

  private Fractions() {}
}
