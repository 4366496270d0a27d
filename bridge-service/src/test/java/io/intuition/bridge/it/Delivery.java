package io.intuition.bridge.it;

import java.util.List;
import java.util.Map;

/**
 * What became of the quotes a test sent, by the orders published for them: a quote is answered once
 * an order echoes its {@code ts}, lost if none does; every further order for a quote is a
 * duplicate, the price of at-least-once delivery.
 *
 * @param sent how many quotes were sent, numbered from 0
 * @param lost the numbers of the quotes that got no order
 * @param duplicates orders beyond the first for the same quote
 */
public record Delivery(int sent, List<Long> lost, int duplicates) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a count is negative or more quotes are lost than sent
   */
  public Delivery {
    lost = List.copyOf(lost);
    if (sent < 0 || duplicates < 0 || lost.size() > sent) {
      throw new IllegalArgumentException(
          "counts must be whole and at most sent, but were sent "
              + sent
              + ", lost "
              + lost.size()
              + ", duplicates "
              + duplicates);
    }
  }

  /** What became of quotes {@code 0} to {@code sent - 1}, by how many orders each got. */
  static Delivery of(int sent, Map<Long, Integer> ordersPerQuote) {
    return new Delivery(
        sent, QuoteFeed.unanswered(ordersPerQuote, sent), QuoteFeed.duplicates(ordersPerQuote));
  }

  /** How many quotes got an order. */
  public int answered() {
    return sent - lost.size();
  }

  /** {@code sent N, answered N, lost 0, duplicates D}. */
  @Override
  public String toString() {
    return "sent %d, answered %d, lost %d, duplicates %d"
        .formatted(sent, answered(), lost.size(), duplicates);
  }
}
