package io.intuition.algo.portfolio;

import io.intuition.common.quote.Order;
import io.intuition.common.quote.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Invests a random fraction of the cash left in every quote it is asked about.
 *
 * <p>Amounts are rounded down to cents and shares down to 6 decimals, so the portfolio never spends
 * more than it has. It starts with no cash until {@link #reset(BigDecimal)}.
 *
 * <p>Driven by a single thread (the RPC server's worker thread); it holds no locks and is not
 * thread-safe.
 */
public final class RandomPortfolio implements Portfolio {
  private static final int CASH_SCALE = 2;
  private static final int SHARES_SCALE = 6;

  private final RandomGenerator random;
  private BigDecimal cash = BigDecimal.ZERO;

  /**
   * Creates a portfolio drawing its fractions from {@code random}.
   *
   * @param random the source of fractions, shared with the algorithm to replay seeded runs
   * @throws NullPointerException if {@code random} is null
   */
  public RandomPortfolio(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random must not be null");
  }

  @Override
  public void reset(BigDecimal startingCash) {
    Objects.requireNonNull(startingCash, "starting_cash must not be null");
    if (startingCash.signum() < 0) {
      throw new IllegalArgumentException(
          "starting_cash must not be negative, but was " + startingCash.toPlainString());
    }
    cash = startingCash;
  }

  @Override
  public BigDecimal cash() {
    return cash;
  }

  @Override
  public Order optimize(Quote quote) {
    Objects.requireNonNull(quote, "quote must not be null");
    // Drawn even when the cash is gone, so a seeded run replays the same sequence of decisions.
    BigDecimal fraction = BigDecimal.valueOf(random.nextDouble());
    // The fraction is below 1 and rounding is down, so the amount never exceeds the cash left.
    BigDecimal amount = cash.multiply(fraction).setScale(CASH_SCALE, RoundingMode.DOWN);
    BigDecimal shares = amount.divide(quote.price(), SHARES_SCALE, RoundingMode.DOWN);
    cash = cash.subtract(amount);
    return new Order(quote.sid(), quote.price(), amount, shares, cash, quote.ts());
  }
}
