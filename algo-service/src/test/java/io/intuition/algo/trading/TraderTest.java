package io.intuition.algo.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.algo.config.InvalidParamsException;
import io.intuition.algo.sizer.SizerFactory;
import io.intuition.algo.strategy.StrategyFactory;
import io.intuition.common.indicator.IndicatorKind;
import io.intuition.common.indicator.IndicatorValue;
import io.intuition.common.quote.InvalidQuoteException;
import io.intuition.common.quote.Order;
import io.intuition.common.quote.Quote;
import io.intuition.common.quote.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TraderTest {
  private static final long SEED = 42;

  @Test
  void initialize_first_opensABookWithTheStartingCash() {
    Trader trader = trader("random", "random-fraction");

    Started started = trader.initialize(Map.of("cash", 50_000));

    assertThat(started).isEqualTo(new Started(List.of("quotes"), false));
    assertThat(trader.portfolio().cash()).isEqualByComparingTo("50000");
  }

  @Test
  void initialize_again_resumesTheBookAndIgnoresItsCash() {
    Trader trader = trader("random", "random-fraction");
    trader.initialize(Map.of("cash", 50_000, "threshold", 0));
    trader.onQuotes(List.of(quote("GOOG", "100", 1)));
    BigDecimal cash = trader.portfolio().cash();

    Started again = trader.initialize(Map.of("cash", 1e15));

    assertThat(again.resumed()).isTrue();
    assertThat(trader.portfolio().cash())
        .isEqualByComparingTo(cash)
        .isLessThan(BigDecimal.TEN.pow(5));
    assertThat(trader.portfolio().orders()).isEqualTo(1);
  }

  @Test
  void initialize_again_appliesTheStrategysNewParams() {
    Trader trader = trader("random", "random-fraction");
    trader.initialize(Map.of("threshold", 0));

    trader.initialize(Map.of("threshold", 1));

    assertThat(trader.onQuotes(List.of(quote("GOOG", "100", 1)))).containsExactly(List.of());
  }

  @Test
  void initialize_withReset_opensANewBook() {
    Trader trader = trader("random", "random-fraction");
    trader.initialize(Map.of("cash", 100, "threshold", 0));
    trader.onQuotes(List.of(quote("GOOG", "10", 1)));

    Started started = trader.initialize(Map.of("cash", 200, "reset", true));

    assertThat(started.resumed()).isFalse();
    assertThat(trader.portfolio().cash()).isEqualByComparingTo("200");
    assertThat(trader.portfolio().orders()).isZero();
  }

  @Test
  void initialize_unknownParam_isInvalidAndOpensNothing() {
    Trader trader = trader("random", "random-fraction");

    assertThatThrownBy(() -> trader.initialize(Map.of("treshold", 0.99)))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage(
            "unknown parameter \"treshold\"; known: cash, channels, reset, starting_cash,"
                + " threshold");
    assertThat(trader.isInitialized()).isFalse();
  }

  @Test
  void initialize_badParamOnResume_changesNothing() {
    Trader trader = trader("sma-cross", "fixed-fraction");
    trader.initialize(Map.of("short", 2, "long", 3, "fraction", 0.5));

    assertThatThrownBy(() -> trader.initialize(Map.of("short", 2, "long", 3, "fraction", 2)))
        .isInstanceOf(InvalidParamsException.class);

    assertThat(trade(trader, "GOOG", 1, "10", "9", "8", "12"))
        .extracting(Order::amount)
        .containsExactly(new BigDecimal("5000.00"));
  }

  @Test
  void onQuotes_beforeInitialize_isRefused() {
    assertThatThrownBy(
            () -> trader("random", "random-fraction").onQuotes(List.of(quote("A", "1", 1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("event called before initialize");
  }

  @Test
  void randomWithRandomFraction_placesTheOrdersOfTheOriginalAlgorithm() {
    Trader trader = trader("random", "random-fraction");
    trader.initialize(Map.of("cash", 10_000, "threshold", 0.3));
    Random original = new Random(SEED);
    BigDecimal cash = new BigDecimal("10000");

    for (int i = 1; i <= 200; i++) {
      Quote quote = quote(i % 2 == 0 ? "GOOG" : "AAPL", String.valueOf(100 + i % 17), i);
      List<Order> orders = trader.onQuotes(List.of(quote)).get(0);
      if (original.nextDouble() < 0.3) {
        assertThat(orders).isEmpty();
        continue;
      }
      BigDecimal amount =
          cash.multiply(BigDecimal.valueOf(original.nextDouble())).setScale(2, RoundingMode.DOWN);
      cash = cash.subtract(amount);
      BigDecimal left = cash;
      assertThat(orders)
          .singleElement()
          .satisfies(
              order -> {
                assertThat(order.amount()).isEqualByComparingTo(amount);
                assertThat(order.shares())
                    .isEqualByComparingTo(amount.divide(quote.price(), 6, RoundingMode.DOWN));
                assertThat(order.cash()).isEqualByComparingTo(left);
              });
    }
  }

  @Test
  void sameQuoteTwice_isTradedOnceAndAnsweredAlike() {
    Trader trader = trader("random", "random-fraction");
    trader.initialize(Map.of("threshold", 0));

    List<Order> first = trader.onQuotes(List.of(quote("GOOG", "100", 7))).get(0);
    List<Order> again = trader.onQuotes(List.of(quote("GOOG", "100", 7))).get(0);

    assertThat(again).isEqualTo(first).hasSize(1);
    assertThat(trader.portfolio().orders()).isEqualTo(1);
    assertThat(trader.portfolio().cash()).isEqualByComparingTo(first.get(0).cash());
  }

  @Test
  void quoteWithoutTs_isTradedEveryTime() {
    Trader trader = trader("random", "random-fraction");
    trader.initialize(Map.of("threshold", 0));
    Quote quote = new Quote("GOOG", new BigDecimal("100"), null);

    trader.onQuotes(List.of(quote));
    trader.onQuotes(List.of(quote));

    assertThat(trader.portfolio().orders()).isEqualTo(2);
  }

  @Test
  void quoteDeliveredAgainAfterItsAnswerIsForgotten_isAnsweredNilAndNotTraded() {
    Trader trader =
        new Trader(strategy("random"), sizer("random-fraction"), SEED, new Limits(2, 10));
    trader.initialize(Map.of("threshold", 0));
    for (int ts = 1; ts <= 3; ts++) {
      trader.onQuotes(List.of(quote("GOOG", "100", ts)));
    }

    List<Order> again = trader.onQuotes(List.of(quote("GOOG", "100", 1))).get(0);

    assertThat(again).isEmpty();
    assertThat(trader.portfolio().orders()).isEqualTo(3);
    assertThat(trader.staleQuotes()).isEqualTo(1);
  }

  @Test
  void quoteOlderThanTheNewestOfItsSymbol_isNotTraded() {
    Trader trader = trader("random", "random-fraction");
    trader.initialize(Map.of("threshold", 0));
    trader.onQuotes(List.of(quote("GOOG", "100", 10)));

    assertThat(trader.onQuotes(List.of(quote("GOOG", "100", 9))).get(0)).isEmpty();
    assertThat(trader.onQuotes(List.of(quote("AAPL", "100", 9))).get(0)).hasSize(1);
    assertThat(trader.onQuotes(List.of(quote("GOOG", "100", 11))).get(0)).hasSize(1);
  }

  @Test
  void staleQuoteDeliveredAgain_isCountedStaleOnce() {
    Trader trader = trader("random", "random-fraction");
    trader.initialize(Map.of("threshold", 0));
    trader.onQuotes(List.of(quote("GOOG", "100", 10)));

    trader.onQuotes(List.of(quote("GOOG", "100", 9)));
    List<Order> again = trader.onQuotes(List.of(quote("GOOG", "100", 9))).get(0);

    assertThat(again).isEmpty();
    assertThat(trader.staleQuotes()).isEqualTo(1);
    assertThat(trader.quotesAnswered()).isEqualTo(3);
  }

  @Test
  void intentSizedToNothing_isAnOrderOfAmountZeroAndBooksNothing() {
    Trader trader = trader("random", "random-fraction");
    trader.initialize(Map.of("cash", 0, "threshold", 0));

    List<Order> orders = trader.onQuotes(List.of(quote("GOOG", "100", 1))).get(0);

    assertThat(orders)
        .singleElement()
        .satisfies(
            order -> {
              assertThat(order.amount()).isZero();
              assertThat(order.shares()).isZero();
              assertThat(order.side()).isEqualTo(Side.BUY);
            });
    assertThat(trader.portfolio().orders()).isZero();
    assertThat(trader.portfolio().positions()).isEmpty();
  }

  @Test
  void priceTooSmallForTheShares_isInvalidQuoteAndChangesNothing() {
    Trader trader = trader("random", "random-fraction");
    trader.initialize(Map.of("cash", 50_000, "threshold", 0));

    assertThatThrownBy(() -> trader.onQuotes(List.of(quote("GOOG", "1e-305", 1))))
        .isInstanceOf(InvalidQuoteException.class)
        .hasMessageContaining("quote must be large enough for an order's shares to fit");
    assertThat(trader.portfolio().cash()).isEqualByComparingTo("50000");
  }

  @Test
  void oneSymbolMoreThanTracked_isRefusedAndTheMessageTradesNothing() {
    Trader trader =
        new Trader(strategy("random"), sizer("random-fraction"), SEED, new Limits(10, 2));
    trader.initialize(Map.of("threshold", 0));
    trader.onQuotes(List.of(quote("A", "1", 1)));

    assertThatThrownBy(() -> trader.onQuotes(List.of(quote("B", "1", 2), quote("C", "1", 3))))
        .isInstanceOf(InvalidQuoteException.class)
        .hasMessage(
            "sid C would be one symbol more than the 2 tracked at most (--max-tracked-symbols)");
    assertThat(trader.portfolio().orders()).isEqualTo(1);
  }

  @Test
  void smaCross_buysOnTheCrossAndSellsTheWholePosition() {
    Trader trader = trader("sma-cross", "fixed-fraction");
    trader.initialize(Map.of("cash", 1_000, "short", 1, "long", 2, "fraction", 0.5));

    List<Order> orders = trade(trader, "GOOG", 1, "10", "9", "12", "8");

    assertThat(orders).extracting(Order::side).containsExactly(Side.BUY, Side.SELL);
    assertThat(orders.get(0).amount()).isEqualByComparingTo("500");
    assertThat(orders.get(1).shares()).isEqualByComparingTo(orders.get(0).shares());
    assertThat(trader.portfolio().positions()).isEmpty();
    assertThat(trader.portfolio().cash()).isEqualByComparingTo(orders.get(1).cash());
    assertThat(trader.portfolio().realizedPnl()).isEqualByComparingTo("-166.67");
  }

  @Test
  void state_restoredIntoAnotherTrader_goesOnWithTheSameOrders() {
    Trader original = trader("random", "random-fraction");
    original.initialize(Map.of("cash", 10_000, "threshold", 0.5));
    trade(original, "GOOG", 1, "100", "101", "99");
    Trader restored = trader("random", "random-fraction");

    restored.restore(original.state());

    assertThat(trade(restored, "GOOG", 4, "102", "98", "97"))
        .isEqualTo(trade(original, "GOOG", 4, "102", "98", "97"));
    assertThat(restored.state()).isEqualTo(original.state());
  }

  @Test
  void state_ofAnotherAlgorithm_isRefusedNamingBoth() {
    Trader random = trader("random", "random-fraction");
    random.initialize(Map.of());

    assertThatThrownBy(() -> trader("sma-cross", "random-fraction").restore(random.state()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("it holds the book of the algorithm random, but this one runs sma-cross");
  }

  /** Trades a quote at each price, with ts from {@code firstTs} up. */
  private static List<Order> trade(Trader trader, String sid, long firstTs, String... prices) {
    List<Order> orders = new ArrayList<>();
    long ts = firstTs;
    for (String price : prices) {
      orders.addAll(trader.onQuotes(List.of(quote(sid, price, ts++))).get(0));
    }
    return orders;
  }

  @Test
  void onIndicator_beforeInitialize_isRefused() {
    assertThatThrownBy(() -> trader("sma-cross", "random-fraction").onIndicator(sma("A", 5, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("event called before initialize");
  }

  @Test
  void onIndicator_randomStrategy_placesNothing() {
    Trader trader = trader("random", "random-fraction");
    trader.initialize(Map.of("threshold", 0));

    assertThat(trader.onIndicator(sma("GOOG", 5, 1))).isEmpty();
  }

  @Test
  void onIndicator_deliveredAgain_getsTheSameAnswer() {
    Trader trader = trader("sma-cross", "random-fraction");
    trader.initialize(Map.of("short", 1, "long", 2, "source", "indicators"));
    trader.onQuotes(List.of(quote("GOOG", "10", 1)));
    trader.onIndicator(sma("GOOG", 1, 1, "9"));
    trader.onIndicator(sma("GOOG", 2, 1, "10"));
    trader.onQuotes(List.of(quote("GOOG", "12", 2)));
    trader.onIndicator(sma("GOOG", 1, 2, "12"));

    List<Order> first = trader.onIndicator(sma("GOOG", 2, 2, "11"));
    List<Order> again = trader.onIndicator(sma("GOOG", 2, 2, "11"));

    assertThat(first).singleElement().satisfies(order -> assertThat(order.ts()).isEqualTo(2));
    assertThat(again).isEqualTo(first);
    assertThat(trader.portfolio().orders()).isEqualTo(1);
  }

  @Test
  void onIndicator_symbolPastTheLimit_isRefused() {
    Trader trader =
        new Trader(strategy("sma-cross"), sizer("random-fraction"), SEED, new Limits(10, 1));
    trader.initialize(Map.of("source", "indicators"));
    trader.onIndicator(sma("A", 5, 1));

    assertThatThrownBy(() -> trader.onIndicator(sma("B", 5, 1)))
        .isInstanceOf(InvalidQuoteException.class)
        .hasMessageContaining("sid B would be one symbol more than the 1 tracked at most");
  }

  private static IndicatorValue sma(String sid, int window, long ts) {
    return sma(sid, window, ts, "1");
  }

  private static IndicatorValue sma(String sid, int window, long ts, String value) {
    return new IndicatorValue(sid, IndicatorKind.SMA, window, new BigDecimal(value), ts);
  }

  private static Quote quote(String sid, String price, long ts) {
    return new Quote(sid, new BigDecimal(price), ts);
  }

  static Trader trader(String strategy, String sizer) {
    return new Trader(strategy(strategy), sizer(sizer), SEED, new Limits(1_000, 1_000));
  }

  private static StrategyFactory<?> strategy(String name) {
    return StrategyFactory.registry().get(name);
  }

  private static SizerFactory<?> sizer(String name) {
    return SizerFactory.registry().get(name);
  }
}
