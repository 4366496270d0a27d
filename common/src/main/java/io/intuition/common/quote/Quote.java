package io.intuition.common.quote;

import io.intuition.common.codec.Values;
import java.math.BigDecimal;

/**
 * The price of one symbol at one moment, as received from the market data feed.
 *
 * @param sid the symbol, e.g. {@code GOOG}; never blank
 * @param price the exact price; always positive, and a normal number in double range
 * @param ts the sender's timestamp in epoch microseconds, echoed back in orders; positive, or null
 *     when the sender gave none
 */
public record Quote(String sid, BigDecimal price, Long ts) {

  /**
   * Validates the quote.
   *
   * @throws InvalidQuoteException if {@code sid} is null or blank, {@code price} is null, not
   *     positive, or beyond the range of normal doubles, or {@code ts} is not positive
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
    double approximate = price.doubleValue();
    // Beyond double range the wire cannot carry the price back; below the normal range an
    // order's shares would not fit in a double either, and huge scales slow exact arithmetic.
    if (Double.isInfinite(approximate) || approximate < Double.MIN_NORMAL) {
      throw new InvalidQuoteException(
          "quote must be a normal number between "
              + Double.MIN_NORMAL
              + " and "
              + Double.MAX_VALUE
              + ", but was "
              + Values.describe(price));
    }
    if (ts != null && ts <= 0) {
      throw new InvalidQuoteException("ts must be a positive integer, but was " + ts);
    }
  }
}
