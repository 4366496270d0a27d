package io.intuition.algo.portfolio;

import io.intuition.algo.config.InvalidParamsException;
import io.intuition.algo.config.Params;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The portfolio's settings.
 *
 * @param startingCash the cash a new book starts with; never negative, within double range
 */
public record PortfolioConfig(BigDecimal startingCash) {
  /** The starting cash when the params give none. */
  public static final BigDecimal DEFAULT_STARTING_CASH = BigDecimal.valueOf(10_000);

  static final String STARTING_CASH = "starting_cash";
  static final String CASH = "cash";
  private static final double MIN_CASH = 0.01;

  /**
   * Validates the settings.
   *
   * @throws InvalidParamsException if {@code startingCash} is null, negative or beyond double range
   */
  public PortfolioConfig {
    Objects.requireNonNull(startingCash, "starting_cash must not be null");
    check(STARTING_CASH, startingCash);
  }

  /**
   * Reads {@code starting_cash}, or else {@code cash} as the bridges send it (default 10000).
   *
   * @throws InvalidParamsException if the value is not a number in range
   */
  public static PortfolioConfig from(Params params) {
    String key = params.has(STARTING_CASH) ? STARTING_CASH : CASH;
    params.has(CASH);
    BigDecimal cash = params.decimal(key, DEFAULT_STARTING_CASH);
    check(key, cash);
    return new PortfolioConfig(cash);
  }

  private static void check(String key, BigDecimal cash) {
    if (cash.signum() < 0) {
      throw new InvalidParamsException(
          key + " must not be negative, but was " + cash.toPlainString());
    }
    double approximate = cash.doubleValue();
    // huge or tiny magnitudes make exact arithmetic arbitrarily slow
    if (cash.signum() != 0 && (Double.isInfinite(approximate) || approximate < MIN_CASH)) {
      throw new InvalidParamsException(
          key
              + " must be 0 or between "
              + MIN_CASH
              + " and "
              + Double.MAX_VALUE
              + ", but was "
              + cash);
    }
  }
}
