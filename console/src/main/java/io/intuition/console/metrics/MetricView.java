package io.intuition.console.metrics;

/**
 * One endpoint's rates as the page shows them.
 *
 * @param name the service's name, or the URL for one given on the command line
 * @param kind the service's kind, or null
 * @param url the {@code /metrics} URL scraped
 * @param up whether the last scrape answered
 * @param error why it did not, or null
 * @param quotesPerSecond quotes handled per second between the last two scrapes, or null
 * @param ordersPerSecond orders published per second between the last two scrapes, or null
 * @param latencyMs the quote-to-order latency between the last two scrapes
 */
public record MetricView(
    String name,
    String kind,
    String url,
    boolean up,
    String error,
    Double quotesPerSecond,
    Double ordersPerSecond,
    Latency latencyMs) {

  /**
   * Latency in milliseconds.
   *
   * @param mean the mean between the last two scrapes, or null
   * @param max the maximum the service reports, or null
   */
  public record Latency(Double mean, Double max) {}
}
