package io.intuition.feed.source;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One quote to publish.
 *
 * @param sid the symbol, such as {@code GOOG}; never blank
 * @param price the exact price; always positive
 * @param time when the market quoted it, or null when the source has no time (synthetic prices and
 *     CSV files without a date column)
 */
public record Tick(String sid, BigDecimal price, Instant time) {

  /**
   * Checks the symbol and the price.
   *
   * @throws IllegalArgumentException if {@code sid} is null or blank, or {@code price} is null,
   *     zero or negative
   */
  public Tick {
    if (sid == null || sid.isBlank()) {
      throw new IllegalArgumentException("sid must not be empty, but was \"" + sid + "\"");
    }
    if (price == null || price.signum() <= 0) {
      throw new IllegalArgumentException(
          "price must be positive, but was " + (price == null ? null : price.toPlainString()));
    }
  }
}
