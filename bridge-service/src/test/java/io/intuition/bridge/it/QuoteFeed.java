package io.intuition.bridge.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Quotes numbered from 0, alternating the full shape {@code {"sid":..,"quote":..}} and the compact
 * {@code {"GOOG": 3.45}}, and the bookkeeping of which were answered. Quote {@code n} carries
 * {@code ts} {@code n + 1}, since a {@code ts} must be positive, and each orders is counted by the
 * number of the quote its {@code ts} echoes.
 */
final class QuoteFeed {
  private static final String[] SYMBOLS = {"GOOG", "AAPL", "MSFT", "AMZN", "NVDA"};

  private QuoteFeed() {}

  /** Quotes number {@code from} to {@code to - 1}. */
  static List<String> lines(int from, int to) {
    return IntStream.range(from, to).mapToObj(QuoteFeed::line).toList();
  }

  /** The symbols, in the turn they take: quote {@code n} is of symbol {@code n % 5}. */
  static List<String> symbols() {
    return List.of(SYMBOLS);
  }

  /** The symbol of quote number {@code number}. */
  static String sid(int number) {
    return SYMBOLS[number % SYMBOLS.length];
  }

  static String line(int number) {
    String sid = sid(number);
    String price = String.valueOf(100 + number % 97 + 0.25);
    long ts = number + 1L;
    return number % 2 == 0
        ? "{\"sid\":\"" + sid + "\",\"quote\":" + price + ",\"ts\":" + ts + "}"
        : "{\"" + sid + "\":" + price + ",\"ts\":" + ts + "}";
  }

  /** How many orders each quote got, by its number. */
  static Map<Long, Integer> ordersPerTs(List<MqttProbe.Received> orders) {
    Map<Long, Integer> counts = new HashMap<>();
    for (MqttProbe.Received order : orders) {
      Object ts = order.json().get("ts");
      if (ts instanceof Number number) {
        counts.merge(number.longValue() - 1, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The quote numbers in {@code [0, count)} that got no order. */
  static List<Long> unanswered(Map<Long, Integer> counts, int count) {
    List<Long> missing = new ArrayList<>();
    for (long ts = 0; ts < count; ts++) {
      if (!counts.containsKey(ts)) {
        missing.add(ts);
      }
    }
    return missing;
  }

  /** Orders beyond the first for the same ts: the cost of at-least-once delivery. */
  static int duplicates(Map<Long, Integer> counts) {
    return counts.values().stream().mapToInt(n -> n - 1).sum();
  }
}
