package io.intuition.console.metrics;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rates between two scrapes of one endpoint: quotes and orders per second from the growth of
 * their counters, the mean quote-to-order latency from that of the latency summary's sum and count.
 * A counter that went down (the service restarted) gives no rate that time.
 */
public final class Rates {
  /** The quote counters, of the bridge, the feed, the indicator-service and the algo. */
  static final List<String> QUOTES =
      List.of(
          "bridge_quotes_received_total",
          "feed_quotes_sent_total",
          "indicator_quotes_computed_total",
          "algo_quotes_answered_total");

  /** The order counters, of the bridge and the algo (its book's order count): the first found. */
  static final List<String> ORDERS =
      List.of("bridge_orders_published_total", "algo_portfolio_orders");

  static final String LATENCY = "bridge_quote_to_order_latency_seconds";
  static final String LATENCY_SUM = LATENCY + "_sum";
  static final String LATENCY_COUNT = LATENCY + "_count";
  static final String LATENCY_MAX = LATENCY + "_max";

  /** Every sample name read. */
  public static final Set<String> NAMES =
      Set.of(
          QUOTES.get(0),
          QUOTES.get(1),
          QUOTES.get(2),
          QUOTES.get(3),
          ORDERS.get(0),
          ORDERS.get(1),
          LATENCY_SUM,
          LATENCY_COUNT,
          LATENCY_MAX);

  private Rates() {}

  /**
   * One scrape's samples, taken at {@code nanos} ({@link System#nanoTime()}).
   *
   * @param samples by name
   */
  public record Reading(long nanos, Map<String, PrometheusText.Sample> samples) {
    /** Copies the samples. */
    public Reading {
      samples = Map.copyOf(samples);
    }
  }

  /** The rates from {@code before} (or null: the first scrape) to {@code now}. */
  public static MetricView of(Endpoint endpoint, Reading before, Reading now) {
    PrometheusText.Sample max = now.samples().get(LATENCY_MAX);
    return new MetricView(
        endpoint.name(),
        endpoint.kind(),
        endpoint.url(),
        true,
        null,
        firstRate(QUOTES, before, now),
        firstRate(ORDERS, before, now),
        new MetricView.Latency(meanMs(before, now), max == null ? null : max.max() * 1000));
  }

  private static Double firstRate(List<String> names, Reading before, Reading now) {
    for (String name : names) {
      if (now.samples().containsKey(name)) {
        return rate(name, before, now);
      }
    }
    return null;
  }

  /** The view of an endpoint that did not answer. */
  public static MetricView down(Endpoint endpoint, String error) {
    return new MetricView(
        endpoint.name(),
        endpoint.kind(),
        endpoint.url(),
        false,
        error,
        null,
        null,
        new MetricView.Latency(null, null));
  }

  private static Double rate(String name, Reading before, Reading now) {
    Double growth = growth(name, before, now);
    double seconds = before == null ? 0 : (now.nanos() - before.nanos()) / 1e9;
    return growth == null || seconds <= 0 ? null : growth / seconds;
  }

  private static Double meanMs(Reading before, Reading now) {
    Double sum = growth(LATENCY_SUM, before, now);
    Double count = growth(LATENCY_COUNT, before, now);
    return sum == null || count == null || count <= 0 ? null : sum / count * 1000;
  }

  private static Double growth(String name, Reading before, Reading now) {
    if (before == null) {
      return null;
    }
    PrometheusText.Sample then = before.samples().get(name);
    PrometheusText.Sample latest = now.samples().get(name);
    if (then == null || latest == null || latest.sum() < then.sum()) {
      return null;
    }
    return latest.sum() - then.sum();
  }
}
