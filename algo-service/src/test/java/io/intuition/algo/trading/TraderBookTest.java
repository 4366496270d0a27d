package io.intuition.algo.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.quote.Order;
import io.intuition.common.quote.Quote;
import io.intuition.common.quote.Side;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever the quotes, each pair of strategy and sizer keeps a book its orders account for. */
class TraderBookTest {
  private static final String[] SYMBOLS = {"GOOG", "AAPL"};

  @Property(tries = 100)
  void anyQuotes_leaveTheBookTheOrdersImply(
      @ForAll("pairs") String[] pair,
      @ForAll("prices") List<BigDecimal> prices,
      @ForAll @IntRange(min = 0, max = 1_000_000) int cash) {
    Trader trader = TraderTest.trader(pair[0], pair[1]);
    trader.initialize(
        pair[0].equals("random")
            ? Map.of("cash", cash, "threshold", 0.3)
            : Map.of("cash", cash, "short", 2, "long", 4));
    BigDecimal implied = BigDecimal.valueOf(cash);
    Map<String, BigDecimal> shares = new HashMap<>();
    long filled = 0;

    for (int i = 0; i < prices.size(); i++) {
      Quote quote = new Quote(SYMBOLS[i % SYMBOLS.length], prices.get(i), i + 1L);
      for (Order order : trader.onQuotes(List.of(quote)).get(0)) {
        BigDecimal sign = order.side() == Side.BUY ? BigDecimal.ONE : BigDecimal.ONE.negate();
        implied = implied.subtract(order.amount().multiply(sign));
        shares.merge(order.sid(), order.shares().multiply(sign), BigDecimal::add);
        filled += order.shares().signum();
        assertThat(order.cash()).isEqualByComparingTo(implied).isNotNegative();
      }
    }

    assertThat(trader.portfolio().cash()).isEqualByComparingTo(implied);
    assertThat(trader.portfolio().orders()).isEqualTo(filled);
    shares.forEach(
        (sid, held) -> assertThat(trader.portfolio().shares(sid)).isEqualByComparingTo(held));
    assertThat(trader.portfolio().realizedPnl().add(trader.portfolio().unrealizedPnl()))
        .isEqualByComparingTo(trader.portfolio().equity().subtract(BigDecimal.valueOf(cash)));
  }

  @Provide
  Arbitrary<String[]> pairs() {
    return Combinators.combine(
            Arbitraries.of("random", "sma-cross"),
            Arbitraries.of("random-fraction", "fixed-fraction"))
        .as((strategy, sizer) -> new String[] {strategy, sizer});
  }

  @Provide
  Arbitrary<List<BigDecimal>> prices() {
    return Arbitraries.bigDecimals()
        .between(new BigDecimal("0.01"), new BigDecimal("5000"))
        .ofScale(2)
        .list()
        .ofMaxSize(80);
  }
}
