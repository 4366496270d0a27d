package io.intuition.algo.strategy.smacross;

import io.intuition.algo.portfolio.Holdings;
import io.intuition.algo.strategy.Strategy;
import io.intuition.algo.strategy.smacross.SmaCrossConfig.Source;
import io.intuition.algo.trade.Intent;
import io.intuition.common.indicator.IndicatorKind;
import io.intuition.common.indicator.IndicatorValue;
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
 * <p>With {@code "source": "quotes"} (the default) it computes the averages from the quotes and
 * compares them exactly. With {@code "source": "indicators"} it subscribes to the
 * indicator-service's {@code indicators/+/sma/<short>} and {@code indicators/+/sma/<long>} besides
 * the quotes, pairs the two values and the quote of each {@code ts} ({@link Pairs}), and trades at
 * that quote's price. The values it compares are rounded to 16 digits and carried as doubles: since
 * rounding keeps order, the two modes place the same orders unless two averages agree to some 15
 * digits.
 *
 * <p>Driven by a single thread (the RPC server's loop); it holds no locks and is not thread-safe.
 */
final class SmaCross implements Strategy<SmaCrossConfig> {
  /** The topic prefix the indicator-service publishes under. */
  static final String INDICATORS = "indicators";

  private static final String PRICES = "prices";
  private static final String TREND = "trend";
  private static final String PAIRS = "pairs";

  private final Map<String, Symbol> symbols = new HashMap<>();
  private final int maxWaiting;
  private WaitingLimit waiting;

  SmaCross() {
    this(WaitingLimit.DEFAULT);
  }

  /** A strategy whose symbols hold at most {@code maxWaiting} timestamps waiting, together. */
  SmaCross(int maxWaiting) {
    this.maxWaiting = maxWaiting;
    this.waiting = new WaitingLimit(maxWaiting);
  }

  private SmaCrossConfig config =
      new SmaCrossConfig(SmaCrossConfig.DEFAULT_SHORT, SmaCrossConfig.DEFAULT_LONG);

  /** The window of one symbol and the side of the long average its short one was last on. */
  private static final class Symbol {
    Window window;
    int trend;
    Pairs pairs;

    Symbol(Window window, int trend, Pairs pairs) {
      this.window = window;
      this.trend = trend;
      this.pairs = pairs;
    }
  }

  @Override
  public void initialize(SmaCrossConfig next) {
    if (!next.equals(config)) {
      // keep what the new windows can use of each symbol's prices; values of the old windows go
      symbols.forEach(
          (sid, symbol) -> {
            symbol.window = Window.of(next, symbol.window.history());
            symbol.pairs.clear();
            symbol.pairs = new Pairs(sid, waiting);
          });
    }
    config = next;
  }

  @Override
  public List<String> channels(List<String> data) {
    if (config.source() == Source.QUOTES) {
      return data;
    }
    List<String> channels = new ArrayList<>(data);
    for (int window : new int[] {config.shortWindow(), config.longWindow()}) {
      String channel = INDICATORS + "/+/" + IndicatorKind.SMA.wireName() + "/" + window;
      if (!channels.contains(channel)) {
        channels.add(channel);
      }
    }
    return List.copyOf(channels);
  }

  @Override
  public List<Intent> onQuote(Quote quote, Holdings holdings) {
    Symbol symbol = symbol(quote.sid());
    if (config.source() == Source.INDICATORS) {
      return decide(quote.sid(), symbol, symbol.pairs.quote(quote), holdings);
    }
    symbol.window.add(quote.price());
    if (!symbol.window.isFull()) {
      return List.of();
    }
    return cross(quote.sid(), symbol, symbol.window.trend(), holdings);
  }

  @Override
  public List<Intent> onIndicator(IndicatorValue value, Holdings holdings) {
    boolean isShort = value.window() == config.shortWindow();
    boolean isLong = value.window() == config.longWindow();
    if (config.source() != Source.INDICATORS
        || value.kind() != IndicatorKind.SMA
        || !(isShort || isLong)) {
      return List.of();
    }
    Symbol symbol = symbol(value.sid());
    Pairs.Decision decision = symbol.pairs.average(value.ts(), isShort, value.value());
    return decide(value.sid(), symbol, decision, holdings);
  }

  private Symbol symbol(String sid) {
    return symbols.computeIfAbsent(
        sid,
        key ->
            new Symbol(
                new Window(config.shortWindow(), config.longWindow()), 0, new Pairs(key, waiting)));
  }

  private List<Intent> decide(
      String sid, Symbol symbol, Pairs.Decision decision, Holdings holdings) {
    if (decision == null) {
      return List.of();
    }
    List<Intent> intents = cross(sid, symbol, decision.trend(), holdings);
    return intents.stream().map(intent -> intent.at(decision.quote())).toList();
  }

  /** The intents of a new trend: a buy on a cross above, a sale of what is held on one below. */
  private static List<Intent> cross(String sid, Symbol symbol, int trend, Holdings holdings) {
    int before = symbol.trend;
    if (trend != 0) {
      symbol.trend = trend;
    }
    if (before < 0 && trend > 0) {
      return List.of(Intent.buy(sid));
    }
    if (before > 0 && trend < 0 && holdings.shares(sid).signum() > 0) {
      return List.of(Intent.sellAll(sid));
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
          Map<String, Object> fields = new LinkedHashMap<>();
          fields.put(PRICES, prices);
          fields.put(TREND, symbol.trend);
          if (!symbol.pairs.isEmpty()) {
            fields.put(PAIRS, symbol.pairs.state());
          }
          state.put(sid, fields);
        });
    return state;
  }

  @Override
  public void restore(Object state) {
    if (!(state instanceof Map<?, ?> saved)) {
      throw new IllegalArgumentException("sma-cross state must be an object, but was " + state);
    }
    symbols.clear();
    waiting = new WaitingLimit(maxWaiting);
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
    String name = String.valueOf(sid);
    Object pairs = fields.get(PAIRS);
    return new Symbol(
        Window.of(config, history),
        Integer.signum(trend.intValue()),
        pairs == null ? new Pairs(name, waiting) : Pairs.restored(name, pairs, waiting));
  }
}
