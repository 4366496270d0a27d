package io.intuition.algo.trade;

import java.math.BigDecimal;
import java.util.Objects;

/** How much to trade: an amount of cash to invest, or a number of shares. */
public sealed interface Quantity {

  /** Whether nothing would be traded. */
  boolean isZero();

  /**
   * Cash to invest in a buy.
   *
   * @param amount never negative
   */
  record Cash(BigDecimal amount) implements Quantity {
    /**
     * Validates the amount.
     *
     * @throws IllegalArgumentException if {@code amount} is null or negative
     */
    public Cash {
      requireNotNegative("amount", amount);
    }

    @Override
    public boolean isZero() {
      return amount.signum() == 0;
    }
  }

  /**
   * Shares to buy or sell.
   *
   * @param count never negative
   */
  record Shares(BigDecimal count) implements Quantity {
    /**
     * Validates the count.
     *
     * @throws IllegalArgumentException if {@code count} is null or negative
     */
    public Shares {
      requireNotNegative("shares", count);
    }

    @Override
    public boolean isZero() {
      return count.signum() == 0;
    }
  }

  private static void requireNotNegative(String field, BigDecimal value) {
    Objects.requireNonNull(value, field + " must not be null");
    if (value.signum() < 0) {
      throw new IllegalArgumentException(
          field + " must not be negative, but was " + value.toPlainString());
    }
  }
}
