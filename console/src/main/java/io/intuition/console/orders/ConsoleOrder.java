package io.intuition.console.orders;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order as the console shows it: the order message's fields, with its arrival number and time.
 *
 * @param n the arrival number, 1 for the first order the console got
 * @param side {@code buy} or {@code sell}
 * @param sid the symbol traded
 * @param quote the price per share
 * @param amount the cash paid or received
 * @param shares the shares bought or sold
 * @param cash the cash left after the order
 * @param ts the quote's timestamp in epoch microseconds, or null
 * @param at when the console got it, epoch milliseconds
 * @param topic the topic it came on
 */
public record ConsoleOrder(
    long n,
    String side,
    String sid,
    BigDecimal quote,
    BigDecimal amount,
    BigDecimal shares,
    BigDecimal cash,
    Long ts,
    long at,
    String topic) {

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if {@code n} is not positive
   * @throws NullPointerException if a field but {@code ts} is null
   */
  public ConsoleOrder {
    if (n < 1) {
      throw new IllegalArgumentException("n must be positive, but was " + n);
    }
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(sid, "sid");
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(shares, "shares");
    Objects.requireNonNull(cash, "cash");
    Objects.requireNonNull(topic, "topic");
  }
}
