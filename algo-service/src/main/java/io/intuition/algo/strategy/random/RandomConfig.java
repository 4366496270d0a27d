package io.intuition.algo.strategy.random;

import io.intuition.algo.config.InvalidParamsException;
import io.intuition.algo.config.Params;

/**
 * The settings of the {@code random} strategy.
 *
 * @param threshold a quote is bought when a draw in [0, 1) is at least this: 0 buys every quote, 1
 *     none; between 0 and 1
 */
public record RandomConfig(double threshold) {
  /** The threshold when the params give none. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  static final String THRESHOLD = "threshold";

  /**
   * Validates the settings.
   *
   * @throws InvalidParamsException if {@code threshold} is not between 0 and 1
   */
  public RandomConfig {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new InvalidParamsException("threshold must be between 0 and 1, but was " + threshold);
    }
  }

  /**
   * Reads {@code threshold} (default 0.5).
   *
   * @throws InvalidParamsException if it is not a number between 0 and 1
   */
  public static RandomConfig from(Params params) {
    return new RandomConfig(params.number(THRESHOLD, DEFAULT_THRESHOLD));
  }
}
