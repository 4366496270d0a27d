package io.intuition.bench.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counters of the bridge-service's summary line, logged every 10 s and at stop: {@code
 * [stopped: ]received N, forwarded N, orders N, rejected N, retried N, in flight N[, shed N]}; the
 * bridge leaves {@code shed} out while it is 0.
 *
 * @param received messages taken from the broker
 * @param forwarded messages the algo answered
 * @param orders orders published
 * @param rejected messages rejected
 * @param retried calls sent again
 * @param inFlight messages taken and not yet acknowledged
 * @param shed messages refused unacknowledged while the bridge held its limit
 */
public record BridgeStats(
    long received,
    long forwarded,
    long orders,
    long rejected,
    long retried,
    long inFlight,
    long shed) {
  private static final Pattern LINE =
      Pattern.compile(
          "received (\\d+), forwarded (\\d+), orders (\\d+), rejected (\\d+), retried (\\d+),"
              + " in flight (\\d+)(?:, shed (\\d+))?");

  /** The counters of the last summary line in {@code log}, or empty if it has none. */
  public static Optional<BridgeStats> lastIn(String log) {
    Matcher matcher = LINE.matcher(log);
    BridgeStats last = null;
    while (matcher.find()) {
      last =
          new BridgeStats(
              number(matcher, 1),
              number(matcher, 2),
              number(matcher, 3),
              number(matcher, 4),
              number(matcher, 5),
              number(matcher, 6),
              matcher.group(7) == null ? 0 : number(matcher, 7));
    }
    return Optional.ofNullable(last);
  }

  private static long number(Matcher matcher, int group) {
    return Long.parseLong(matcher.group(group));
  }
}
