package io.intuition.algo.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.algo.trade.Fill;
import io.intuition.common.quote.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

class PortfolioTest {
  private static final String[] SYMBOLS = {"GOOG", "AAPL", "MSFT"};

  /** One thing that happens to a book: a fill to try, or a new price. */
  record Step(
      boolean mark,
      Side side,
      String sid,
      BigDecimal price,
      BigDecimal shares,
      BigDecimal amount) {}

  @Property(tries = 300)
  void anySequenceOfFills_keepsTheBookConsistent(
      @ForAll("steps") List<Step> steps,
      @ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal startingCash) {
    Portfolio portfolio = new Portfolio(startingCash);

    for (Step step : steps) {
      if (step.mark()) {
        portfolio.mark(step.sid(), step.price());
      } else {
        tryToApply(portfolio, step);
      }
      assertConsistent(portfolio);
    }
  }

  @Property(tries = 300)
  void refusedFill_leavesTheBookAsItWas(@ForAll("steps") List<Step> steps) {
    Portfolio portfolio = new Portfolio(new BigDecimal("1000.00"));

    for (Step step : steps.stream().filter(step -> !step.mark()).toList()) {
      Snapshot before = Snapshot.of(portfolio);
      try {
        portfolio.apply(fill(step));
      } catch (IllegalArgumentException refused) {
        assertThat(Snapshot.of(portfolio)).isEqualTo(before);
      }
    }
  }

  @Example
  void sale_realisesTheProfitAgainstTheAverageCost() {
    Portfolio portfolio = new Portfolio(new BigDecimal("1000"));
    portfolio.apply(buy("GOOG", "10", "10", "100"));
    portfolio.apply(buy("GOOG", "20", "10", "200"));

    portfolio.apply(sell("GOOG", "30", "10", "300"));

    assertThat(portfolio.realizedPnl()).isEqualByComparingTo("150");
    assertThat(portfolio.shares("GOOG")).isEqualByComparingTo("10");
    assertThat(portfolio.positions().get("GOOG").averageCost()).isEqualByComparingTo("15");
    assertThat(portfolio.cash()).isEqualByComparingTo("1000");
    assertThat(portfolio.orders()).isEqualTo(3);
  }

  @Example
  void mark_valuesThePositionAtTheLastPrice() {
    Portfolio portfolio = new Portfolio(new BigDecimal("100"));
    portfolio.apply(buy("GOOG", "10", "5", "50"));

    portfolio.mark("GOOG", new BigDecimal("12"));

    assertThat(portfolio.equity()).isEqualByComparingTo("110");
    assertThat(portfolio.unrealizedPnl()).isEqualByComparingTo("10");
  }

  @Example
  void buy_ofMoreThanTheCash_isRefused() {
    Portfolio portfolio = new Portfolio(new BigDecimal("100"));

    assertThatThrownBy(() -> portfolio.apply(buy("GOOG", "10", "11", "110")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a buy of 110 is more than the cash left, 100");
  }

  @Example
  void sale_ofMoreThanIsHeld_isRefused() {
    Portfolio portfolio = new Portfolio(new BigDecimal("100"));
    portfolio.apply(buy("GOOG", "10", "1", "10"));

    assertThatThrownBy(() -> portfolio.apply(sell("GOOG", "10", "2", "20")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a sale of 2 GOOG is more than the 1 held");
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<BigDecimal> prices =
        Arbitraries.bigDecimals()
            .between(new BigDecimal("0.01"), new BigDecimal("1000"))
            .ofScale(2);
    Arbitrary<BigDecimal> shares =
        Arbitraries.bigDecimals()
            .between(new BigDecimal("0.000001"), new BigDecimal("500"))
            .ofScale(6);
    Arbitrary<BigDecimal> amounts =
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("50000")).ofScale(2);
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 9).map(n -> n == 0),
                Arbitraries.of(Side.class),
                Arbitraries.of(SYMBOLS),
                prices,
                shares,
                amounts)
            .as(Step::new);
    return step.list().ofMaxSize(60);
  }

  private static void tryToApply(Portfolio portfolio, Step step) {
    try {
      portfolio.apply(fill(step));
    } catch (IllegalArgumentException refused) {
      // more than the cash or the shares held: the other property checks nothing changed
    }
  }

  private static Fill fill(Step step) {
    return new Fill(step.side(), step.sid(), step.price(), step.shares(), step.amount(), null);
  }

  private static void assertConsistent(Portfolio portfolio) {
    assertThat(portfolio.cash()).isNotNegative();
    assertThat(portfolio.positions().values())
        .allSatisfy(position -> assertThat(position.shares()).isPositive());
    BigDecimal marketValue =
        portfolio.positions().values().stream()
            .map(Position::marketValue)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(portfolio.cash().add(marketValue)).isEqualByComparingTo(portfolio.equity());
    assertThat(portfolio.realizedPnl().add(portfolio.unrealizedPnl()))
        .isEqualByComparingTo(portfolio.equity().subtract(portfolio.startingCash()));
  }

  private static Fill buy(String sid, String price, String shares, String amount) {
    return new Fill(
        Side.BUY, sid, new BigDecimal(price), new BigDecimal(shares), new BigDecimal(amount), null);
  }

  private static Fill sell(String sid, String price, String shares, String amount) {
    return new Fill(
        Side.SELL,
        sid,
        new BigDecimal(price),
        new BigDecimal(shares),
        new BigDecimal(amount),
        null);
  }

  /** What a refused fill must leave as it was. */
  private record Snapshot(
      BigDecimal cash, BigDecimal realized, long orders, Map<String, Position> positions) {
    static Snapshot of(Portfolio portfolio) {
      return new Snapshot(
          portfolio.cash(),
          portfolio.realizedPnl(),
          portfolio.orders(),
          Map.copyOf(portfolio.positions()));
    }
  }
}
