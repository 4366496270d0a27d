package io.intuition.algo.strategy.smacross;

import io.intuition.algo.portfolio.Holdings;
import io.intuition.algo.strategy.Strategy;
import io.intuition.algo.trade.Intent;
import io.intuition.common.quote.Quote;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trades the crossings of two simple moving averages, per symbol: once the long window is full, it
 * buys when the short average crosses above the long one and sells the whole position when it
 * crosses below. An average equal to the other is no crossing.
 *
 * <p>Driven by a single thread (the RPC server's loop); it holds no locks and is not thread-safe.
 */
final class SmaCross implements Strategy<SmaCrossConfig> {
  private static final String PRICES = "prices";
  private static final String TREND = "trend";

  private final Map<String, Symbol> symbols = new HashMap<>();
  private SmaCrossConfig config =
      new SmaCrossConfig(SmaCrossConfig.DEFAULT_SHORT, SmaCrossConfig.DEFAULT_LONG);

  /** The window of one symbol and the side of the long average its short one was last on. */
  private static final class Symbol {
    Window window;
    int trend;

    Symbol(Window window, int trend) {
      this.window = window;
      this.trend = trend;
    }
  }

  @Override
  public void initialize(SmaCrossConfig next) {
    if (!next.equals(config)) {
      // keep what the new windows can use of each symbol's prices
      symbols.values().forEach(symbol -> symbol.window = Window.of(next, symbol.window.history()));
    }
    config = next;
  }

  @Override
  public List<Intent> onQuote(Quote quote, Holdings holdings) {
    Symbol symbol =
        symbols.computeIfAbsent(
            quote.sid(),
            sid -> new Symbol(new Window(config.shortWindow(), config.longWindow()), 0));
    symbol.window.add(quote.price());
    if (!symbol.window.isFull()) {
      return List.of();
    }
    int trend = symbol.window.trend();
    int before = symbol.trend;
    if (trend != 0) {
      symbol.trend = trend;
    }
    if (before < 0 && trend > 0) {
      return List.of(Intent.buy(quote.sid()));
    }
    if (before > 0 && trend < 0 && holdings.shares(quote.sid()).signum() > 0) {
      return List.of(Intent.sellAll(quote.sid()));
    }
    return List.of();
  }

  @Override
  public Object state() {
    Map<String, Object> state = new LinkedHashMap<>();
    symbols.forEach(
        (sid, symbol) -> {
          List<String> prices = new ArrayList<>();
          symbol.window.history().forEach(price -> prices.add(price.toPlainString()));
          state.put(sid, Map.of(PRICES, prices, TREND, symbol.trend));
        });
    return state;
  }

  @Override
  public void restore(Object state) {
    if (!(state instanceof Map<?, ?> saved)) {
      throw new IllegalArgumentException("sma-cross state must be an object, but was " + state);
    }
    symbols.clear();
    saved.forEach((sid, value) -> symbols.put(String.valueOf(sid), symbol(sid, value)));
  }

  private Symbol symbol(Object sid, Object value) {
    if (!(value instanceof Map<?, ?> fields)
        || !(fields.get(PRICES) instanceof List<?> prices)
        || !(fields.get(TREND) instanceof Number trend)) {
      throw new IllegalArgumentException(
          "sma-cross state of " + sid + " must hold prices and trend, but was " + value);
    }
    List<BigDecimal> history = new ArrayList<>(prices.size());
    for (Object price : prices) {
      try {
        history.add(new BigDecimal(String.valueOf(price)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "sma-cross state of " + sid + " has a price that is not a number: " + price, e);
      }
    }
    return new Symbol(Window.of(config, history), Integer.signum(trend.intValue()));
  }
}
