package io.intuition.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RatesTest {
  private static final Endpoint BRIDGE = new Endpoint("b", "bridge", "http://h/metrics");
  private static final long SECOND = 1_000_000_000L;

  private static Rates.Reading reading(long nanos, double quotes, double sum, double count) {
    return new Rates.Reading(
        nanos,
        Map.of(
            "bridge_quotes_received_total",
            sample(quotes),
            "bridge_orders_published_total",
            sample(quotes / 2),
            Rates.LATENCY_SUM,
            sample(sum),
            Rates.LATENCY_COUNT,
            sample(count),
            Rates.LATENCY_MAX,
            sample(0.04)));
  }

  private static PrometheusText.Sample sample(double value) {
    return new PrometheusText.Sample(value, value, 1);
  }

  @Test
  void of_twoScrapes_givesRatesPerSecondAndTheMeanLatencyInMs() {
    MetricView view =
        Rates.of(BRIDGE, reading(0, 100, 1.0, 100), reading(2 * SECOND, 300, 3.0, 200));

    assertThat(view.up()).isTrue();
    assertThat(view.quotesPerSecond()).isEqualTo(100.0);
    assertThat(view.ordersPerSecond()).isEqualTo(50.0);
    assertThat(view.latencyMs().mean()).isEqualTo(20.0);
    assertThat(view.latencyMs().max()).isEqualTo(40.0);
  }

  @Test
  void of_theFirstScrape_hasNoRatesYet() {
    MetricView view = Rates.of(BRIDGE, null, reading(0, 100, 1, 1));

    assertThat(view.quotesPerSecond()).isNull();
    assertThat(view.latencyMs().mean()).isNull();
    assertThat(view.latencyMs().max()).isEqualTo(40.0);
  }

  @Test
  void of_aCounterThatWentDown_givesNoRate() {
    MetricView view = Rates.of(BRIDGE, reading(0, 300, 3, 3), reading(SECOND, 10, 0.1, 1));

    assertThat(view.quotesPerSecond()).isNull();
    assertThat(view.latencyMs().mean()).isNull();
  }

  @Test
  void of_theFeedsCounter_isItsQuoteRate() {
    Rates.Reading before = new Rates.Reading(0, Map.of("feed_quotes_sent_total", sample(0)));
    Rates.Reading now = new Rates.Reading(SECOND, Map.of("feed_quotes_sent_total", sample(7)));

    assertThat(Rates.of(BRIDGE, before, now).quotesPerSecond()).isEqualTo(7.0);
  }

  @Test
  void of_theAlgosCounters_areItsQuoteAndOrderRates() {
    Endpoint algo = new Endpoint("a", "algo", "http://h/metrics");
    Rates.Reading before =
        new Rates.Reading(
            0,
            Map.of("algo_portfolio_orders", sample(10), "algo_quotes_answered_total", sample(40)));
    Rates.Reading now =
        new Rates.Reading(
            2 * SECOND,
            Map.of("algo_portfolio_orders", sample(16), "algo_quotes_answered_total", sample(100)));

    MetricView view = Rates.of(algo, before, now);

    assertThat(view.ordersPerSecond()).isEqualTo(3.0);
    assertThat(view.quotesPerSecond()).isEqualTo(30.0);
  }

  @Test
  void down_saysWhy() {
    MetricView view = Rates.down(BRIDGE, "refused");

    assertThat(view.up()).isFalse();
    assertThat(view.error()).isEqualTo("refused");
  }
}
