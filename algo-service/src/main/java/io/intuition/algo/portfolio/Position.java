package io.intuition.algo.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The shares held of one symbol, what they cost and what they are worth at the last price.
 *
 * @param shares the shares held; positive
 * @param cost what the shares held cost, in all; never negative
 * @param last the last price seen for the symbol; positive
 */
public record Position(BigDecimal shares, BigDecimal cost, BigDecimal last) {
  private static final int AVERAGE_SCALE = 6;

  /**
   * Validates the position.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if {@code shares} or {@code last} is not positive, or {@code
   *     cost} is negative
   */
  public Position {
    Objects.requireNonNull(shares, "shares must not be null");
    Objects.requireNonNull(cost, "cost must not be null");
    Objects.requireNonNull(last, "last must not be null");
    if (shares.signum() <= 0) {
      throw new IllegalArgumentException("shares must be positive, but was " + shares);
    }
    if (cost.signum() < 0) {
      throw new IllegalArgumentException("cost must not be negative, but was " + cost);
    }
    if (last.signum() <= 0) {
      throw new IllegalArgumentException("last must be positive, but was " + last);
    }
  }

  /** What one share cost on average, rounded to 6 decimals. */
  public BigDecimal averageCost() {
    return cost.divide(shares, AVERAGE_SCALE, RoundingMode.HALF_EVEN);
  }

  /** The shares at the last price, exactly. */
  public BigDecimal marketValue() {
    return shares.multiply(last);
  }

  /** The market value less the cost, exactly. */
  public BigDecimal unrealizedPnl() {
    return marketValue().subtract(cost);
  }
}
