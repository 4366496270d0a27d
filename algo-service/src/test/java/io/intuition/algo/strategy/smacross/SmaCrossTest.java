package io.intuition.algo.strategy.smacross;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.algo.portfolio.Holdings;
import io.intuition.algo.strategy.Strategy;
import io.intuition.algo.trade.Intent;
import io.intuition.common.quote.Quote;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmaCrossTest {
  private final Shares held = new Shares();

  /** The shares held as a strategy sees them; a buy is taken to fill one share. */
  private static final class Shares implements Holdings {
    final Map<String, BigDecimal> bySymbol = new HashMap<>();

    @Override
    public BigDecimal cash() {
      return BigDecimal.valueOf(1_000);
    }

    @Override
    public BigDecimal shares(String sid) {
      return bySymbol.getOrDefault(sid, BigDecimal.ZERO);
    }
  }

  @Test
  void craftedSeries_buysOnEachCrossAboveAndSellsOnEachCrossBelow() {
    Strategy<SmaCrossConfig> strategy = strategy(2, 4);
    // the long window fills at the fourth price, short 10 below long 10.25; 13 lifts the short
    // average (11.5) above the long (10.75); 7 takes it below (9.5 < 10.5); 12 leaves it below
    // (9 < 9.25); 14 lifts it above again (13 > 9.75)
    double[] prices = {11, 10, 10, 10, 13, 12, 7, 6, 12, 14, 14};

    List<String> trades = trades(strategy, "GOOG", prices);

    assertThat(trades).containsExactly("BUY at 13", "SELL at 7", "BUY at 14");
  }

  @Test
  void beforeTheLongWindowIsFull_noSignal() {
    Strategy<SmaCrossConfig> strategy = strategy(2, 5);

    assertThat(trades(strategy, "GOOG", 10, 1, 20, 1)).isEmpty();
  }

  @Test
  void crossBelowWithNothingHeld_sellsNothing() {
    Strategy<SmaCrossConfig> strategy = strategy(1, 2);

    // 10, 12: short above from the start, no cross; 8: below, but nothing is held
    assertThat(trades(strategy, "GOOG", 10, 12, 8)).isEmpty();
  }

  @Test
  void equalAverages_areNoCross() {
    Strategy<SmaCrossConfig> strategy = strategy(1, 2);

    // below (9 < 9.5), equal (9 = 9), still below: no buy; then above
    assertThat(trades(strategy, "GOOG", 10, 9, 9, 9, 11)).containsExactly("BUY at 11");
  }

  @Test
  void symbols_haveWindowsOfTheirOwn() {
    Strategy<SmaCrossConfig> strategy = strategy(1, 2);
    List<String> trades = new ArrayList<>();

    for (double[] pair : new double[][] {{10, 50}, {9, 60}, {11, 40}}) {
      trades.addAll(trades(strategy, "A", pair[0]));
      trades.addAll(trades(strategy, "B", pair[1]));
    }

    // A goes 10, 9, 11: below, then above (buy); B goes 50, 60, 40: above, then below (none held)
    assertThat(trades).containsExactly("BUY at 11");
  }

  @Test
  void stateRestored_goesOnAsIfUninterrupted() {
    Strategy<SmaCrossConfig> original = strategy(2, 4);
    trades(original, "GOOG", 11, 10, 10, 10);
    Strategy<SmaCrossConfig> restored = strategy(2, 4);

    restored.restore(original.state());

    assertThat(trades(restored, "GOOG", 13, 12, 7)).containsExactly("BUY at 13", "SELL at 7");
  }

  @Test
  void reinitializedWithLongerWindows_keepsThePricesItHas() {
    Strategy<SmaCrossConfig> strategy = strategy(1, 2);
    trades(strategy, "GOOG", 10, 9, 8);

    strategy.initialize(new SmaCrossConfig(1, 3));

    // the window holds 9, 8 and fills with 12: short 12 above long 9.67, after below: a cross
    assertThat(trades(strategy, "GOOG", 12)).containsExactly("BUY at 12");
  }

  private static Strategy<SmaCrossConfig> strategy(int shortWindow, int longWindow) {
    Strategy<SmaCrossConfig> strategy = new SmaCrossFactory().create(null);
    strategy.initialize(new SmaCrossConfig(shortWindow, longWindow));
    return strategy;
  }

  private List<String> trades(Strategy<SmaCrossConfig> strategy, String sid, double... prices) {
    List<String> trades = new ArrayList<>();
    for (double price : prices) {
      Quote quote = new Quote(sid, BigDecimal.valueOf(price), null);
      for (Intent intent : strategy.onQuote(quote, held)) {
        trades.add(
            intent.side()
                + " at "
                + BigDecimal.valueOf(price).stripTrailingZeros().toPlainString());
        held.bySymbol.put(
            sid, intent.side().name().equals("BUY") ? BigDecimal.ONE : BigDecimal.ZERO);
      }
    }
    return trades;
  }
}
