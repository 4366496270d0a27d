package io.intuition.algo.trade;

import io.intuition.common.quote.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order executed at a quote's price.
 *
 * @param side bought or sold
 * @param sid the symbol; never blank
 * @param price the price per share; positive
 * @param shares the shares traded; positive
 * @param amount the cash paid for a buy, or received for a sell; never negative
 * @param ts the quote's timestamp, or null when it had none
 */
public record Fill(
    Side side, String sid, BigDecimal price, BigDecimal shares, BigDecimal amount, Long ts) {

  /**
   * Validates the fill.
   *
   * @throws NullPointerException if a field but {@code ts} is null
   * @throws IllegalArgumentException if {@code sid} is blank, {@code price} or {@code shares} is
   *     not positive, or {@code amount} is negative
   */
  public Fill {
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(sid, "sid must not be null");
    if (sid.isBlank()) {
      throw new IllegalArgumentException("sid must not be blank");
    }
    if (price.signum() <= 0) {
      throw new IllegalArgumentException("price must be positive, but was " + price);
    }
    if (shares.signum() <= 0) {
      throw new IllegalArgumentException("shares must be positive, but was " + shares);
    }
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("amount must not be negative, but was " + amount);
    }
  }
}
