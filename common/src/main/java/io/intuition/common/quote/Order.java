package io.intuition.common.quote;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An order filled at one quote: what was bought or sold, for how much, and the cash left.
 *
 * @param side whether it bought or sold; never null
 * @param sid the symbol traded; never blank
 * @param quote the price per share; always positive
 * @param amount the cash paid for a buy, or received for a sell; never negative
 * @param shares the shares bought or sold; never negative
 * @param cash the cash left after the order; never negative
 * @param ts the quote's timestamp in epoch microseconds, echoed back; may be null
 */
public record Order(
    Side side,
    String sid,
    BigDecimal quote,
    BigDecimal amount,
    BigDecimal shares,
    BigDecimal cash,
    Long ts) {

  /**
   * Validates the order.
   *
   * @throws NullPointerException if any field but {@code ts} is null
   * @throws IllegalArgumentException if {@code sid} is blank, {@code quote} is not positive, or
   *     {@code amount}, {@code shares} or {@code cash} is negative
   */
  public Order {
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(sid, "sid must not be null");
    if (sid.isBlank()) {
      throw new IllegalArgumentException("sid must be a non-empty string, but was \"" + sid + '"');
    }
    Objects.requireNonNull(quote, "quote must not be null");
    if (quote.signum() <= 0) {
      throw new IllegalArgumentException("quote must be positive, but was " + quote);
    }
    requireNotNegative("amount", amount);
    requireNotNegative("shares", shares);
    requireNotNegative("cash", cash);
  }

  /**
   * The order as plain wire values: {@code sid}, {@code quote}, {@code amount}, {@code shares},
   * {@code cash} as doubles, in that order, then {@code ts} only when known, then {@code side}
   * ({@code buy} or {@code sell}): the original peers' fields first, and in their order.
   *
   * @return a fresh mutable map holding only String, Double and Long values
   */
  public Map<String, Object> toWire() {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("sid", sid);
    wire.put("quote", quote.doubleValue());
    wire.put("amount", amount.doubleValue());
    wire.put("shares", shares.doubleValue());
    wire.put("cash", cash.doubleValue());
    if (ts != null) {
      wire.put("ts", ts);
    }
    wire.put("side", side.wireName());
    return wire;
  }

  private static void requireNotNegative(String field, BigDecimal value) {
    Objects.requireNonNull(value, field + " must not be null");
    if (value.signum() < 0) {
      throw new IllegalArgumentException(field + " must not be negative, but was " + value);
    }
  }
}
