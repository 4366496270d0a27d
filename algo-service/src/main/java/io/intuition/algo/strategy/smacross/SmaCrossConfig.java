package io.intuition.algo.strategy.smacross;

import io.intuition.algo.config.InvalidParamsException;
import io.intuition.algo.config.Params;

/**
 * The settings of the {@code sma-cross} strategy.
 *
 * @param shortWindow how many of the last prices the short average takes; at least 1
 * @param longWindow how many the long average takes; more than {@code shortWindow}, at most 200
 */
public record SmaCrossConfig(int shortWindow, int longWindow) {
  /** The short window when the params give none. */
  public static final int DEFAULT_SHORT = 5;

  /** The long window when the params give none. */
  public static final int DEFAULT_LONG = 20;

  /** The longest long window: each symbol keeps that many prices. */
  public static final int MAX_LONG = 200;

  static final String SHORT = "short";
  static final String LONG = "long";

  /**
   * Validates the settings.
   *
   * @throws InvalidParamsException if a window is out of range, or the short one is not shorter
   */
  public SmaCrossConfig {
    if (shortWindow < 1) {
      throw new InvalidParamsException("short must be at least 1, but was " + shortWindow);
    }
    if (longWindow <= shortWindow || longWindow > MAX_LONG) {
      throw new InvalidParamsException(
          "long must be more than short ("
              + shortWindow
              + ") and at most "
              + MAX_LONG
              + ", but was "
              + longWindow);
    }
  }

  /**
   * Reads {@code short} (default 5) and {@code long} (default 20).
   *
   * @throws InvalidParamsException if either is not a whole number in range
   */
  public static SmaCrossConfig from(Params params) {
    return new SmaCrossConfig(
        params.integer(SHORT, DEFAULT_SHORT), params.integer(LONG, DEFAULT_LONG));
  }
}
