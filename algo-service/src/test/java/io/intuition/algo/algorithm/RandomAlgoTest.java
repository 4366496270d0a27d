package io.intuition.algo.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.common.quote.Order;
import io.intuition.common.quote.Quote;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomAlgoTest {
  private static final long SEED = 42;

  @Test
  void event_thresholdZero_placesAnOrderForEveryQuote() {
    RandomAlgo algo = initialized(SEED, 0);

    assertThat(run(algo, 100)).hasSize(100);
  }

  @Test
  void event_thresholdOne_placesNoOrder() {
    RandomAlgo algo = initialized(SEED, 1);

    assertThat(run(algo, 1_000)).isEmpty();
    assertThat(algo.cash()).isEqualByComparingTo("10000");
  }

  @Test
  void event_thresholdHalf_ordersForRoughlyHalfTheQuotes() {
    RandomAlgo algo = initialized(SEED, 0.5);

    assertThat(run(algo, 1_000)).hasSizeBetween(400, 600);
  }

  @Test
  void event_sameSeedAndQuotes_placeEqualOrders() {
    List<Order> first = run(initialized(SEED, 0.3), 500);
    List<Order> second = run(initialized(SEED, 0.3), 500);

    assertThat(first).isNotEmpty().isEqualTo(second);
  }

  @Test
  void initialize_again_replaysTheSameOrders() {
    RandomAlgo algo = initialized(SEED, 0.3);
    List<Order> first = run(algo, 500);

    algo.initialize(params(0.3));

    assertThat(run(algo, 500)).isEqualTo(first);
  }

  @Test
  void event_differentSeeds_placeDifferentOrders() {
    assertThat(run(initialized(SEED, 0.3), 500)).isNotEqualTo(run(initialized(SEED + 1, 0.3), 500));
  }

  @Test
  void event_manyQuotesAtThresholdZero_neverOverspends() {
    RandomAlgo algo = initialized(SEED, 0);

    List<Order> orders = run(algo, 10_000);

    assertThat(orders)
        .hasSize(10_000)
        .allSatisfy(order -> assertThat(order.cash()).isNotNegative());
    BigDecimal invested =
        orders.stream().map(Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(invested.add(algo.cash())).isEqualByComparingTo("10000");
  }

  @Test
  void event_order_echoesTheQuote() {
    Quote quote = new Quote("AAPL", new BigDecimal("120.5"), 1_700_000_000_000_000L);

    Optional<Order> order = initialized(SEED, 0).event(quote);

    assertThat(order)
        .hasValueSatisfying(
            placed -> {
              assertThat(placed.sid()).isEqualTo("AAPL");
              assertThat(placed.quote()).isEqualTo(quote.price());
              assertThat(placed.ts()).isEqualTo(quote.ts());
            });
  }

  @Test
  void event_beforeInitialize_throws() {
    RandomAlgo algo = RandomAlgo.withRandomPortfolio(SEED);

    assertThatThrownBy(() -> algo.event(quote(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("event called before initialize");
  }

  @Test
  void initialize_returnsTheRequestedChannels() {
    AlgoParams params = AlgoParams.from(Map.of("channels", List.of("quotes", "news")));

    assertThat(RandomAlgo.withRandomPortfolio(SEED).initialize(params))
        .containsExactly("quotes", "news");
  }

  @Test
  void initialize_resetsThePortfolioToTheStartingCash() {
    RandomAlgo algo = initialized(SEED, 0);
    run(algo, 10);

    algo.initialize(AlgoParams.from(Map.of("cash", 250)));

    assertThat(algo.cash()).isEqualByComparingTo("250");
  }

  private static RandomAlgo initialized(long seed, double threshold) {
    RandomAlgo algo = RandomAlgo.withRandomPortfolio(seed);
    algo.initialize(params(threshold));
    return algo;
  }

  private static AlgoParams params(double threshold) {
    return AlgoParams.from(Map.of("threshold", threshold, "starting_cash", 10_000));
  }

  private static List<Order> run(RandomAlgo algo, int quotes) {
    return IntStream.range(0, quotes)
        .mapToObj(RandomAlgoTest::quote)
        .map(algo::event)
        .flatMap(Optional::stream)
        .toList();
  }

  private static Quote quote(int i) {
    return new Quote(i % 2 == 0 ? "GOOG" : "AAPL", BigDecimal.valueOf(100 + i % 17, 1), (long) i);
  }
}
