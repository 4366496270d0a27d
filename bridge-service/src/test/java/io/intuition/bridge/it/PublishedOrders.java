package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The orders published on one topic, one per quote: at-least-once delivery may publish an order
 * again, and every copy must be the same. What the distinct orders add up to is what the
 * algorithm's book must hold. Numbers are read exactly from the JSON text.
 */
final class PublishedOrders {
  /** The cash the bridge opens a book with. */
  static final BigDecimal STARTING_CASH = new BigDecimal("50000");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final Map<Long, JsonNode> distinct = new TreeMap<>();
  private final Map<Long, Set<String>> copies = new TreeMap<>();
  private final int published;

  private PublishedOrders(List<MqttProbe.Received> received) {
    published = received.size();
    for (MqttProbe.Received order : received) {
      JsonNode json = parse(order.text());
      long ts = json.get("ts").asLong();
      distinct.putIfAbsent(ts, json);
      copies.computeIfAbsent(ts, t -> new TreeSet<>()).add(order.text());
    }
  }

  /** The orders {@code received}, in the order they arrived. */
  static PublishedOrders of(List<MqttProbe.Received> received) {
    return new PublishedOrders(received);
  }

  /** How many quotes got an order: the distinct timestamps. */
  int distinct() {
    return distinct.size();
  }

  /** The ts whose copies differ, with every version seen; empty when all copies match. */
  Map<Long, Set<String>> conflicting() {
    Map<Long, Set<String>> conflicting = new TreeMap<>();
    copies.forEach(
        (ts, texts) -> {
          if (texts.size() > 1) {
            conflicting.put(ts, texts);
          }
        });
    return conflicting;
  }

  /** The sides of the distinct orders, such as {@code [buy, sell]}. */
  Set<String> sides() {
    Set<String> sides = new TreeSet<>();
    distinct.values().forEach(order -> sides.add(order.get("side").asText()));
    return sides;
  }

  /**
   * The distinct orders that traded: those of some shares, as the book counts them. A fill of a
   * fraction of a share may be worth less than a cent, an amount of 0, and still moves the book.
   */
  List<JsonNode> filled() {
    List<JsonNode> filled = new ArrayList<>();
    for (JsonNode order : distinct.values()) {
      if (order.get("shares").decimalValue().signum() > 0) {
        filled.add(order);
      }
    }
    return filled;
  }

  /** The cash the distinct orders leave of the starting cash: buys pay, sells receive. */
  BigDecimal cash() {
    BigDecimal cash = STARTING_CASH;
    for (JsonNode order : filled()) {
      BigDecimal amount = order.get("amount").decimalValue();
      cash = isBuy(order) ? cash.subtract(amount) : cash.add(amount);
    }
    return cash;
  }

  /** The shares the distinct orders leave of each symbol traded: bought less sold. */
  Map<String, BigDecimal> shares() {
    Map<String, BigDecimal> shares = new TreeMap<>();
    for (JsonNode order : filled()) {
      BigDecimal traded = order.get("shares").decimalValue();
      shares.merge(
          order.get("sid").asText(), isBuy(order) ? traded : traded.negate(), BigDecimal::add);
    }
    return shares;
  }

  /**
   * Asserts that {@code portfolio} (the algorithm's {@code portfolio()}) is the book these distinct
   * orders make, and that every copy of an order is the first one.
   */
  void assertBookMatches(Map<?, ?> portfolio) {
    assertThat(conflicting()).as("orders published again that differ from the first").isEmpty();
    assertThat(decimal(portfolio.get("cash")))
        .as("cash: 50000 - bought + sold by the distinct orders")
        .isEqualByComparingTo(cash());
    assertThat(((Number) portfolio.get("orders")).longValue())
        .as("orders filled")
        .isEqualTo(filled().size());
    Map<?, ?> positions = (Map<?, ?>) portfolio.get("positions");
    Map<String, BigDecimal> held = new HashMap<>();
    positions.forEach(
        (sid, position) -> held.put((String) sid, decimal(((Map<?, ?>) position).get("shares"))));
    for (String sid : union(held.keySet(), shares().keySet())) {
      assertThat(held.getOrDefault(sid, BigDecimal.ZERO))
          .as("shares of %s held", sid)
          .isEqualByComparingTo(shares().getOrDefault(sid, BigDecimal.ZERO));
    }
  }

  @Override
  public String toString() {
    return published + " orders published for " + distinct.size() + " quotes";
  }

  private static boolean isBuy(JsonNode order) {
    String side = order.get("side").asText();
    if (!side.equals("buy") && !side.equals("sell")) {
      throw new AssertionError("side must be buy or sell, but was " + order);
    }
    return side.equals("buy");
  }

  /** A wire number as the decimal it stands for: the wire carries doubles of cents and shares. */
  private static BigDecimal decimal(Object number) {
    return new BigDecimal(String.valueOf(((Number) number).doubleValue()));
  }

  private static Set<String> union(Collection<String> a, Collection<String> b) {
    Set<String> union = new TreeSet<>(a);
    union.addAll(b);
    return union;
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("an order is not JSON: " + text, e);
    }
  }
}
