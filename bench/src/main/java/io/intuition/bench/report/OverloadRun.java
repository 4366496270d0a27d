package io.intuition.bench.report;

/**
 * Quotes published at full speed to a fresh suite, far past what it can take, with one broker.
 *
 * @param broker the broker, such as {@code mosquitto 2.0.21}
 * @param binary the broker's executable
 * @param sent the quotes published
 * @param answered the quotes whose order arrived, each counted once (by its {@code ts})
 * @param duplicates orders that arrived again for a quote already answered
 * @param seconds from the first publish to the last new order
 * @param bridgePeakRssMb the bridge's peak resident set, MiB, its last reading if it died
 * @param bridgeExit the bridge's exit status if it died during the run, else null
 * @param shed what the bridge's log says it refused unacknowledged, or null if unread
 * @param stale quotes the algo answered untraded, as its last log line counts them: sent by the
 *     broker after a newer quote of their symbol (Mosquitto 2.0.11 does, across the bridge's
 *     reconnects); null if unread
 */
public record OverloadRun(
    String broker,
    String binary,
    long sent,
    long answered,
    long duplicates,
    double seconds,
    double bridgePeakRssMb,
    Integer bridgeExit,
    Long shed,
    Long stale) {

  /** Whether every quote was answered: with an order, or untraded as stale. */
  public boolean complete() {
    return answered + staleOrZero() >= sent;
  }

  /** The stale quotes, 0 if unread. */
  public long staleOrZero() {
    return stale == null ? 0 : stale;
  }
}
