package io.intuition.algo.trading;

import io.intuition.algo.portfolio.Holdings;
import io.intuition.algo.trade.Fill;
import io.intuition.algo.trade.Quantity;
import io.intuition.common.quote.Order;
import io.intuition.common.quote.Quote;
import io.intuition.common.quote.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Fills orders at the quote's price, at once and in full, within what the book allows: never more
 * than the cash left for a buy, nor more than the shares held for a sale. Cash is counted in cents
 * and shares to the millionth, both rounded down, so the book never goes below zero.
 */
final class Execution {
  private static final int CASH_SCALE = 2;
  private static final int SHARES_SCALE = 6;

  private Execution() {}

  /** The fill of {@code quantity} at {@code quote}; empty when it comes to nothing. */
  static Optional<Fill> fill(Side side, Quote quote, Quantity quantity, Holdings holdings) {
    return side == Side.BUY ? buy(quote, quantity, holdings) : sell(quote, quantity, holdings);
  }

  private static Optional<Fill> buy(Quote quote, Quantity quantity, Holdings holdings) {
    BigDecimal cash = holdings.cash();
    BigDecimal amount;
    BigDecimal shares;
    if (quantity instanceof Quantity.Cash money) {
      amount = money.amount().min(cash).setScale(CASH_SCALE, RoundingMode.DOWN);
      shares = shares(amount, quote);
    } else {
      BigDecimal wanted = ((Quantity.Shares) quantity).count();
      shares = wanted.min(shares(cash, quote)).setScale(SHARES_SCALE, RoundingMode.DOWN);
      amount = shares.multiply(quote.price()).setScale(CASH_SCALE, RoundingMode.UP).min(cash);
    }
    return fill(Side.BUY, quote, shares, amount);
  }

  private static Optional<Fill> sell(Quote quote, Quantity quantity, Holdings holdings) {
    BigDecimal wanted =
        quantity instanceof Quantity.Shares count
            ? count.count()
            : shares(((Quantity.Cash) quantity).amount(), quote);
    BigDecimal shares =
        wanted.min(holdings.shares(quote.sid())).setScale(SHARES_SCALE, RoundingMode.DOWN);
    BigDecimal proceeds = shares.multiply(quote.price()).setScale(CASH_SCALE, RoundingMode.DOWN);
    return fill(Side.SELL, quote, shares, proceeds);
  }

  private static Optional<Fill> fill(Side side, Quote quote, BigDecimal shares, BigDecimal amount) {
    if (shares.signum() <= 0) {
      return Optional.empty();
    }
    return Optional.of(new Fill(side, quote.sid(), quote.price(), shares, amount, quote.ts()));
  }

  private static BigDecimal shares(BigDecimal cash, Quote quote) {
    return cash.divide(quote.price(), SHARES_SCALE, RoundingMode.DOWN);
  }

  /**
   * The order that answers an intent: its fill, with the cash left after it; or, for an intent
   * sized to nothing, as the original did, an order of amount 0.
   */
  static Order order(Side side, Quote quote, Optional<Fill> fill, BigDecimal cashAfter) {
    if (fill.isEmpty()) {
      return new Order(
          side,
          quote.sid(),
          quote.price(),
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          cashAfter,
          quote.ts());
    }
    Fill filled = fill.get();
    return new Order(
        filled.side(),
        filled.sid(),
        filled.price(),
        filled.amount(),
        filled.shares(),
        cashAfter,
        filled.ts());
  }
}
