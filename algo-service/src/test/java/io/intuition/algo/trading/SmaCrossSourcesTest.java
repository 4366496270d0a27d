package io.intuition.algo.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.indicator.IndicatorValue;
import io.intuition.common.indicator.Sma;
import io.intuition.common.quote.Order;
import io.intuition.common.quote.Quote;
import io.intuition.common.quote.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One price series through sma-cross computing its averages from the quotes, and through sma-cross
 * reading them from indicator messages made as the indicator-service makes them, delivered in the
 * orders a bridge may deliver them: the same orders either way.
 */
class SmaCrossSourcesTest {
  private static final int SHORT = 5;
  private static final int LONG = 20;
  private static final List<String> SYMBOLS = List.of("GOOG", "AAPL", "MSFT");
  private static final int STEPS = 400;

  /** What one quote brings: the quote, then the indicator messages the service publishes for it. */
  private record Step(Quote quote, List<Map<String, Object>> indicators) {}

  @Test
  void sameSeries_indicatorsAfterEachQuote_placeTheSameOrders() {
    List<Step> steps = steps();

    List<Order> fromQuotes = fromQuotes(steps);
    List<Order> fromIndicators = fromIndicators(interleaved(steps));

    assertThat(fromQuotes)
        .extracting(Order::side)
        .contains(Side.BUY, Side.SELL)
        .hasSizeGreaterThan(20);
    assertThat(fromQuotes).extracting(Order::sid).containsAll(SYMBOLS);
    assertThat(fromIndicators).isEqualTo(fromQuotes);
  }

  @Test
  void sameSeries_indicatorsBeforeTheirQuoteLongFirst_placeTheSameOrders() {
    List<Step> steps = steps();
    List<Object> messages = new ArrayList<>();
    for (Step step : steps) {
      List<Map<String, Object>> reversed = new ArrayList<>(step.indicators());
      Collections.reverse(reversed);
      messages.addAll(reversed);
      messages.add(step.quote());
    }

    assertThat(fromIndicators(messages)).isEqualTo(fromQuotes(steps));
  }

  @Test
  void sameSeries_allQuotesOfATsBeforeItsIndicators_placeTheSameOrders() {
    List<Step> steps = steps();
    List<Object> messages = new ArrayList<>();
    for (int i = 0; i < steps.size(); i += SYMBOLS.size()) {
      List<Step> sameTs = steps.subList(i, i + SYMBOLS.size());
      sameTs.forEach(step -> messages.add(step.quote()));
      sameTs.forEach(step -> messages.addAll(step.indicators()));
    }

    assertThat(fromIndicators(messages)).isEqualTo(fromQuotes(steps));
  }

  @Test
  void sameSeries_everyQuoteOfABurstBeforeAnyIndicator_placeTheSameOrders() {
    List<Step> steps = steps();
    List<Object> messages = new ArrayList<>();
    steps.forEach(step -> messages.add(step.quote()));
    steps.forEach(step -> messages.addAll(step.indicators()));

    assertThat(fromIndicators(messages)).isEqualTo(fromQuotes(steps));
  }

  private static List<Object> interleaved(List<Step> steps) {
    List<Object> messages = new ArrayList<>();
    for (Step step : steps) {
      messages.add(step.quote());
      messages.addAll(step.indicators());
    }
    return messages;
  }

  private static List<Order> fromQuotes(List<Step> steps) {
    Trader trader = TraderTestSupport.trader("sma-cross");
    trader.initialize(Map.of("short", SHORT, "long", LONG));
    List<Order> orders = new ArrayList<>();
    steps.forEach(step -> trader.onQuotes(List.of(step.quote())).forEach(orders::addAll));
    return orders;
  }

  private static List<Order> fromIndicators(List<Object> messages) {
    Trader trader = TraderTestSupport.trader("sma-cross");
    Started started =
        trader.initialize(Map.of("short", SHORT, "long", LONG, "source", "indicators"));
    assertThat(started.channels())
        .containsExactly("quotes", "indicators/+/sma/5", "indicators/+/sma/20");
    List<Order> orders = new ArrayList<>();
    for (Object message : messages) {
      if (message instanceof Quote quote) {
        trader.onQuotes(List.of(quote)).forEach(orders::addAll);
      } else {
        orders.addAll(trader.onIndicator(IndicatorValue.parse(message)));
      }
    }
    return orders;
  }

  /** Three symbols swinging around 100 with noise, in cents, each crossing both ways often. */
  private static List<Step> steps() {
    Random random = new Random(7);
    Map<String, List<Sma>> averages = new HashMap<>();
    SYMBOLS.forEach(sid -> averages.put(sid, List.of(new Sma(SHORT), new Sma(LONG))));
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < STEPS; i++) {
      long ts = 1_700_000_000_000_000L + i * 1_000_000L;
      for (int s = 0; s < SYMBOLS.size(); s++) {
        String sid = SYMBOLS.get(s);
        double wave = 100 + 8 * Math.sin(i / (6.0 + s) + s) + random.nextGaussian();
        BigDecimal price = BigDecimal.valueOf(wave).setScale(2, RoundingMode.HALF_EVEN);
        steps.add(new Step(new Quote(sid, price, ts), indicators(sid, price, ts, averages)));
      }
    }
    return steps;
  }

  /** What the indicator-service publishes for a quote, as the bridge hands it on: doubles. */
  private static List<Map<String, Object>> indicators(
      String sid, BigDecimal price, long ts, Map<String, List<Sma>> averages) {
    List<Map<String, Object>> messages = new ArrayList<>();
    for (Sma sma : averages.get(sid)) {
      sma.add(price);
      if (sma.isFull()) {
        IndicatorValue value = IndicatorValue.of(sid, sma, ts);
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("sid", sid);
        wire.put("indicator", value.kind().wireName());
        wire.put("window", (long) value.window());
        wire.put("value", value.value().doubleValue());
        wire.put("ts", ts);
        messages.add(wire);
      }
    }
    return messages;
  }
}
