package io.intuition.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  private static final String TEXT =
      String.join(
          "\n",
          "# HELP bridge_quotes_received_total Quotes",
          "# TYPE bridge_quotes_received_total counter",
          "bridge_quotes_received_total{channel=\"a\"} 10.0",
          "bridge_quotes_received_total{channel=\"b\",note=\"has } and \\\" inside\"} 5",
          "bridge_quotes_received_totalx 1000",
          "bridge_orders_published_total 3 1700000000000",
          "bridge_quote_to_order_latency_seconds_max{x=\"1\"} 0.25",
          "bridge_quote_to_order_latency_seconds_max{x=\"2\"} 0.5",
          "broken_line{unclosed=\"x 4",
          "other_total 99",
          "nan_total NaN",
          "");

  @Test
  void read_sumsACounterOverItsLabelSets() {
    Map<String, PrometheusText.Sample> samples =
        PrometheusText.read(TEXT, Set.of("bridge_quotes_received_total"));

    assertThat(samples.get("bridge_quotes_received_total").sum()).isEqualTo(15.0);
    assertThat(samples.get("bridge_quotes_received_total").series()).isEqualTo(2);
  }

  @Test
  void read_keepsTheMaximumOfAGauge_andIgnoresTimestamps() {
    Map<String, PrometheusText.Sample> samples =
        PrometheusText.read(
            TEXT,
            Set.of("bridge_quote_to_order_latency_seconds_max", "bridge_orders_published_total"));

    assertThat(samples.get("bridge_quote_to_order_latency_seconds_max").max()).isEqualTo(0.5);
    assertThat(samples.get("bridge_orders_published_total").sum()).isEqualTo(3.0);
  }

  @Test
  void read_skipsOtherNamesMalformedLinesAndNonFiniteValues() {
    Map<String, PrometheusText.Sample> samples =
        PrometheusText.read(TEXT, Set.of("broken_line", "nan_total", "absent_total"));

    assertThat(samples).isEmpty();
  }
}
