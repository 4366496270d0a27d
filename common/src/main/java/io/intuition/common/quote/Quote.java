package io.intuition.common.quote;

import io.intuition.common.codec.Values;
import java.math.BigDecimal;

/**
 * The price of one symbol at one moment, as received from the market data feed.
 *
 * @param sid the symbol, e.g. {@code GOOG}; never blank
 * @param price the exact price; always positive
 * @param ts the sender's timestamp in epoch microseconds, echoed back in orders; may be null
 */
public record Quote(String sid, BigDecimal price, Long ts) {

  /**
   * Validates the quote.
   *
   * @throws InvalidQuoteException if {@code sid} is null or blank, or {@code price} is null, zero
   *     or negative
   */
  public Quote {
    if (sid == null || sid.isBlank()) {
      throw new InvalidQuoteException(
          "sid must be a non-empty string, but was " + Values.describe(sid));
    }
    if (price == null) {
      throw new InvalidQuoteException("quote is missing");
    }
    if (price.signum() <= 0) {
      throw new InvalidQuoteException("quote must be positive, but was " + Values.describe(price));
    }
  }
}
