package io.intuition.algo.trading;

import io.intuition.algo.portfolio.Portfolio;
import io.intuition.algo.sizer.Sizer;
import io.intuition.algo.strategy.Strategy;
import io.intuition.algo.trade.Fill;
import io.intuition.algo.trade.Intent;
import io.intuition.algo.trade.Quantity;
import io.intuition.algo.trade.Sizing;
import io.intuition.common.quote.Order;
import io.intuition.common.quote.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a strategy's intents into orders: sizes each, fills it at its quote, books the fill and
 * tells the strategy. Runs on the trader's thread.
 */
final class Desk {
  private Desk() {}

  /**
   * The orders of {@code intents}, each filled at the quote it names or else at {@code answering}.
   *
   * @throws IllegalStateException if an intent has no quote to be filled at, or trades another
   *     symbol than its quote's
   */
  static List<Order> trade(
      List<Intent> intents,
      Quote answering,
      Portfolio portfolio,
      Strategy<?> strategy,
      Sizer<?> sizer) {
    List<Order> orders = List.of();
    for (Intent intent : intents) {
      Quote quote = intent.at() != null ? intent.at() : answering;
      if (quote == null) {
        throw new IllegalStateException(
            "an intent decided on an indicator must name the quote it is filled at");
      }
      Optional<Fill> fill =
          Execution.fill(
              intent.side(), quote, quantity(intent, quote, portfolio, sizer), portfolio);
      if (fill.isPresent()) {
        portfolio.apply(fill.get());
        strategy.onFill(fill.get());
      }
      orders = orders.isEmpty() ? new ArrayList<>(1) : orders;
      orders.add(Execution.order(intent.side(), quote, fill, portfolio.cash()));
    }
    return orders;
  }

  private static Quantity quantity(
      Intent intent, Quote quote, Portfolio portfolio, Sizer<?> sizer) {
    if (!intent.sid().equals(quote.sid())) {
      throw new IllegalStateException(
          "a strategy may trade only the symbol quoted, " + quote.sid() + ", not " + intent.sid());
    }
    if (intent.sizing() == Sizing.WHOLE_POSITION) {
      return new Quantity.Shares(portfolio.shares(intent.sid()));
    }
    return sizer.size(intent, quote, portfolio);
  }
}
