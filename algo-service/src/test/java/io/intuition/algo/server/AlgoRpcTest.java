package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.intuition.algo.sizer.SizerFactory;
import io.intuition.algo.strategy.StrategyFactory;
import io.intuition.algo.trading.Limits;
import io.intuition.algo.trading.Trader;
import io.intuition.common.rpc.RpcFault;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlgoRpcTest {
  private static final long SEED = 42;

  @Test
  void initialize_noChannels_returnsTheQuotesChannel() {
    AlgoRpc rpc = rpc(SEED);

    assertThat(rpc.initialize(Map.of())).isEqualTo(List.of("quotes"));
    assertThat(rpc.initialize(null)).isEqualTo(List.of("quotes"));
  }

  @Test
  void initialize_customChannels_returnsThemInOrder() {
    assertThat(rpc(SEED).initialize(Map.of("channels", List.of("news", "quotes"))))
        .isEqualTo(List.of("news", "quotes"));
  }

  @Test
  void initialize_thresholdAboveOne_isInvalidParamsNamingTheValue() {
    assertThatThrownBy(() -> rpc(SEED).initialize(Map.of("threshold", 2)))
        .isInstanceOfSatisfying(
            RpcFault.class, fault -> assertThat(fault.errorName()).isEqualTo("InvalidParams"))
        .hasMessageContaining("threshold")
        .hasMessageContaining("2");
  }

  @Test
  void initialize_badParams_leavesTheServiceUninitialized() {
    AlgoRpc rpc = rpc(SEED);

    assertThatThrownBy(() -> rpc.initialize(Map.of("threshold", 2))).isInstanceOf(RpcFault.class);

    assertThatThrownBy(() -> rpc.event(Map.of("GOOG", 3.45)))
        .isInstanceOfSatisfying(
            RpcFault.class, fault -> assertThat(fault.errorName()).isEqualTo("NotInitialized"));
  }

  @Test
  void initialize_unknownParam_isInvalidParamsNamingIt() {
    assertThatThrownBy(() -> rpc(SEED).initialize(Map.of("treshold", 0.99)))
        .isInstanceOfSatisfying(
            RpcFault.class, fault -> assertThat(fault.errorName()).isEqualTo("InvalidParams"))
        .hasMessageStartingWith("unknown parameter \"treshold\"");
  }

  @Test
  void initialize_again_keepsTheBook() {
    AlgoRpc rpc = initialized(SEED, 0);
    Map<?, ?> order = (Map<?, ?>) rpc.event(quote(1));

    rpc.initialize(Map.of("cash", 1e15));

    assertThat(rpc.portfolio())
        .containsEntry("cash", order.get("cash"))
        .containsEntry("orders", 1L);
  }

  @Test
  void portfolio_beforeInitialize_isNotInitialized() {
    assertThatThrownBy(() -> rpc(SEED).portfolio())
        .isInstanceOfSatisfying(
            RpcFault.class, fault -> assertThat(fault.errorName()).isEqualTo("NotInitialized"));
  }

  @Test
  void portfolio_afterABuy_showsCashEquityPnlAndThePosition() {
    AlgoRpc rpc = initialized(SEED, 0);
    Map<?, ?> order = (Map<?, ?>) rpc.event(Map.of("sid", "GOOG", "quote", 10, "ts", 1));
    rpc.event(Map.of("sid", "GOOG", "quote", 12, "ts", 2));

    Map<String, Object> book = rpc.portfolio();

    assertThat(book)
        .containsOnlyKeys("cash", "equity", "realized_pnl", "unrealized_pnl", "positions", "orders")
        .containsEntry("realized_pnl", 0.0)
        .containsEntry("orders", 2L);
    assertThat(book.get("positions"))
        .asInstanceOf(MAP)
        .containsOnlyKeys("GOOG")
        .extractingByKey("GOOG")
        .asInstanceOf(MAP)
        .containsOnlyKeys("shares", "avg_cost", "last", "market_value", "unrealized_pnl")
        .containsEntry("last", 12.0);
    // nothing sold: the equity is the starting cash plus what the position gained
    assertThat((Double) book.get("equity"))
        .isCloseTo(10_000 + (Double) book.get("unrealized_pnl"), Offset.offset(1e-6));
    assertThat(order.get("side")).isEqualTo("buy");
  }

  @Test
  void event_sameQuoteTwice_answersAlikeAndBooksOnce() {
    AlgoRpc rpc = initialized(SEED, 0);

    Object first = rpc.event(quote(3));
    Object again = rpc.event(quote(3));

    assertThat(again).isEqualTo(first);
    assertThat(rpc.portfolio()).containsEntry("orders", 1L);
  }

  @Test
  void event_beforeInitialize_isNotInitialized() {
    assertThatThrownBy(() -> rpc(SEED).event(Map.of("sid", "GOOG", "quote", 345)))
        .isInstanceOfSatisfying(
            RpcFault.class, fault -> assertThat(fault.errorName()).isEqualTo("NotInitialized"));
  }

  @Test
  void event_fullQuoteWithTextPrice_placesOrderForIt() {
    Object order = initialized(SEED, 0).event(Map.of("sid", "GOOG", "quote", "345"));

    assertThat(order)
        .asInstanceOf(MAP)
        .containsOnlyKeys("sid", "quote", "amount", "shares", "cash", "side")
        .containsEntry("sid", "GOOG")
        .containsEntry("quote", 345.0);
  }

  @Test
  void event_fullQuoteWithNumberPrice_placesOrderForIt() {
    Object order = initialized(SEED, 0).event(Map.of("sid", "GOOG", "quote", 345.1));

    assertThat(order).asInstanceOf(MAP).containsEntry("sid", "GOOG").containsEntry("quote", 345.1);
  }

  @Test
  void event_textAsUtf8Bytes_isReadLikeStrings() {
    Object order = initialized(SEED, 0).event(Map.of("sid", utf8("GOOG"), "quote", utf8("345.1")));

    assertThat(order).asInstanceOf(MAP).containsEntry("sid", "GOOG").containsEntry("quote", 345.1);
  }

  @Test
  void event_withTs_echoesTsInTheOrder() {
    Object order = initialized(SEED, 0).event(Map.of("sid", "GOOG", "quote", 345.1, "ts", 17));

    assertThat(order)
        .asInstanceOf(MAP)
        .containsOnlyKeys("sid", "quote", "amount", "shares", "cash", "ts", "side")
        .containsEntry("ts", 17L);
  }

  @Test
  void event_compactQuote_placesOrderForTheSymbol() {
    Object order = initialized(SEED, 0).event(Map.of("GOOG", 3.45));

    assertThat(order).asInstanceOf(MAP).containsEntry("sid", "GOOG").containsEntry("quote", 3.45);
  }

  @Test
  void event_compactQuoteForSeveralSymbols_returnsOrdersInMessageOrder() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("GOOG", 3.45);
    data.put("AAPL", "120.5");
    data.put("ts", 99);

    Object orders = initialized(SEED, 0).event(data);

    assertThat(orders)
        .asInstanceOf(LIST)
        .hasSize(2)
        .satisfiesExactly(
            goog -> assertThat(goog).asInstanceOf(MAP).containsEntry("sid", "GOOG"),
            aapl ->
                assertThat(aapl)
                    .asInstanceOf(MAP)
                    .containsEntry("sid", "AAPL")
                    .containsEntry("quote", 120.5)
                    .containsEntry("ts", 99L));
  }

  @Test
  void event_thresholdZero_investsPartOfTheStartingCash() {
    AlgoRpc rpc = rpc(SEED);
    rpc.initialize(Map.of("cash", 50_000, "threshold", 0));

    Map<?, ?> order = (Map<?, ?>) rpc.event(Map.of("sid", "GOOG", "quote", 345.1));

    BigDecimal amount = BigDecimal.valueOf((Double) order.get("amount"));
    BigDecimal cash = BigDecimal.valueOf((Double) order.get("cash"));
    assertThat(amount).isPositive();
    assertThat(amount.add(cash)).isEqualByComparingTo("50000");
  }

  @Test
  void event_thresholdOne_placesNoOrder() {
    AlgoRpc rpc = initialized(SEED, 1);

    for (int i = 0; i < 100; i++) {
      assertThat(rpc.event(quote(i))).isNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedQuotes")
  void event_malformedQuote_isInvalidQuoteNamingFieldAndValue(
      Map<String, Object> data, String field, String value) {
    AlgoRpc rpc = initialized(SEED, 0);

    assertThatThrownBy(() -> rpc.event(data))
        .isInstanceOfSatisfying(
            RpcFault.class, fault -> assertThat(fault.errorName()).isEqualTo("InvalidQuote"))
        .hasMessageContaining(field)
        .hasMessageContaining(value);
  }

  static Stream<Arguments> malformedQuotes() {
    return Stream.of(
        Arguments.of(Map.of("sid", "GOOG", "quote", "abc"), "quote", "abc"),
        Arguments.of(Map.of("sid", "GOOG", "quote", -3), "quote", "-3"),
        Arguments.of(Map.of("sid", "GOOG", "quote", 0), "quote", "0"),
        Arguments.of(Map.of("sid", "", "quote", 345), "sid", "\"\""),
        Arguments.of(Map.of("sid", "GOOG", "quote", 345, "ts", "soon"), "ts", "soon"),
        Arguments.of(Map.of("GOOG", "NaN"), "quote", "NaN"),
        Arguments.of(Map.of("sid", "GOOG", "quote", 1e-320), "quote", "1.0E-320"),
        Arguments.of(Map.of("sid", "GOOG", "quote", 345, "ts", -5), "ts", "-5"));
  }

  @Test
  void event_malformedQuotesMixedIn_leaveTheOrdersOfValidQuotesUnchanged() {
    AlgoRpc mixed = initialized(SEED, 0);
    AlgoRpc clean = initialized(SEED, 0);
    List<Object> mixedOrders = new ArrayList<>();
    List<Object> cleanOrders = new ArrayList<>();

    for (int i = 0; i < 20; i++) {
      rejected(mixed, Map.of("sid", "GOOG", "quote", "abc"));
      // All or nothing: the valid symbol in a message with a bad one is not traded either.
      rejected(mixed, Map.of("GOOG", 3.45, "AAPL", -1));
      mixedOrders.add(mixed.event(quote(i)));
      cleanOrders.add(clean.event(quote(i)));
    }

    assertThat(mixedOrders).doesNotContainNull().isEqualTo(cleanOrders);
  }

  @Test
  void event_sameSeedAndQuotes_placeEqualOrders() {
    assertThat(run(initialized(SEED, 0.3), 100))
        .isNotEmpty()
        .isEqualTo(run(initialized(SEED, 0.3), 100));
  }

  @Test
  void event_differentSeeds_placeDifferentOrders() {
    assertThat(run(initialized(SEED, 0.3), 100)).isNotEqualTo(run(initialized(SEED + 1, 0.3), 100));
  }

  @Test
  void event_manyQuotesAtThresholdZero_cashNeverNegativeNorRising() {
    List<Double> cash =
        run(initialized(SEED, 0), 5_000).stream()
            .map(order -> (Double) ((Map<?, ?>) order).get("cash"))
            .toList();

    assertThat(cash).hasSize(5_000).allSatisfy(left -> assertThat(left).isNotNegative());
    assertThat(cash).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void initialize_smaCrossFromIndicators_returnsTheQuotesAndItsIndicatorChannels() {
    AlgoRpc rpc = rpc(SEED, "sma-cross", "random-fraction");

    assertThat(rpc.initialize(Map.of("short", 3, "long", 8, "source", "indicators")))
        .isEqualTo(List.of("quotes", "indicators/+/sma/3", "indicators/+/sma/8"));
  }

  @Test
  void event_indicatorValues_reachTheStrategyAndTradeAtTheirQuote() {
    AlgoRpc rpc = rpc(SEED, "sma-cross", "random-fraction");
    rpc.initialize(Map.of("short", 1, "long", 2, "source", "indicators"));
    rpc.event(Map.of("sid", "GOOG", "quote", 10.0, "ts", 1L));
    rpc.event(sma(1, 9.0, 1));
    rpc.event(sma(2, 10.0, 1));
    rpc.event(Map.of("sid", "GOOG", "quote", 12.0, "ts", 2L));
    rpc.event(sma(1, 12.0, 2));

    Object answer = rpc.event(sma(2, 11.0, 2));

    assertThat(answer)
        .asInstanceOf(MAP)
        .containsEntry("sid", "GOOG")
        .containsEntry("side", "buy")
        .containsEntry("quote", 12.0)
        .containsEntry("ts", 2L);
  }

  @Test
  void event_malformedIndicator_isInvalidIndicatorNamingTheField() {
    AlgoRpc rpc = rpc(SEED, "sma-cross", "random-fraction");
    rpc.initialize(Map.of("source", "indicators"));

    assertThatThrownBy(
            () -> rpc.event(Map.of("sid", "GOOG", "indicator", "sma", "window", 0, "value", 1.0)))
        .isInstanceOfSatisfying(
            RpcFault.class, fault -> assertThat(fault.errorName()).isEqualTo("InvalidIndicator"))
        .hasMessage("ts is missing");
  }

  private static Map<String, Object> sma(int window, double value, long ts) {
    return Map.of(
        "sid", "GOOG", "indicator", "sma", "window", (long) window, "value", value, "ts", ts);
  }

  private static AlgoRpc rpc(long seed) {
    return rpc(seed, "random", "random-fraction");
  }

  static AlgoRpc rpc(long seed, String algorithm, String sizer) {
    Trader trader =
        new Trader(
            StrategyFactory.registry().get(algorithm),
            SizerFactory.registry().get(sizer),
            seed,
            new Limits(1_000, 1_000));
    return new AlgoRpc(trader, AlgoRpc.DEFAULT_MAX_SYMBOLS, Saver.none(trader));
  }

  private static AlgoRpc initialized(long seed, double threshold) {
    AlgoRpc rpc = rpc(seed);
    rpc.initialize(Map.of("threshold", threshold, "cash", 10_000));
    return rpc;
  }

  private static void rejected(AlgoRpc rpc, Map<String, Object> data) {
    assertThatThrownBy(() -> rpc.event(data)).isInstanceOf(RpcFault.class);
  }

  private static List<Object> run(AlgoRpc rpc, int quotes) {
    List<Object> orders = new ArrayList<>();
    for (int i = 0; i < quotes; i++) {
      Object order = rpc.event(quote(i));
      if (order != null) {
        orders.add(order);
      }
    }
    return orders;
  }

  private static Map<String, Object> quote(int i) {
    return Map.of("sid", i % 2 == 0 ? "GOOG" : "AAPL", "quote", 100 + i % 17 / 10.0, "ts", i + 1);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
