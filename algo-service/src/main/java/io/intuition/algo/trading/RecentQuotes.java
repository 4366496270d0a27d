package io.intuition.algo.trading;

import io.intuition.common.quote.Order;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers to the last quotes handled, by symbol and timestamp, so that a quote delivered again
 * (a retry, a redelivery) gets the answer it got the first time instead of being traded twice.
 * Holds at most its capacity, forgetting the oldest first. Not thread-safe.
 */
final class RecentQuotes {
  private final int capacity;
  private final Map<Key, List<Order>> answers;

  /** A quote's identity: its symbol and the sender's timestamp. */
  record Key(String sid, long ts) {}

  RecentQuotes(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("recent quotes must be positive, but was " + capacity);
    }
    this.capacity = capacity;
    this.answers =
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, List<Order>> eldest) {
            return size() > RecentQuotes.this.capacity;
          }
        };
  }

  /** The orders answered for the quote of {@code sid} at {@code ts}, or null if not remembered. */
  List<Order> answer(String sid, long ts) {
    return answers.get(new Key(sid, ts));
  }

  void remember(String sid, long ts, List<Order> orders) {
    answers.put(new Key(sid, ts), List.copyOf(orders));
  }

  void clear() {
    answers.clear();
  }

  /** What is remembered, oldest first. */
  List<TraderState.Answer> entries() {
    List<TraderState.Answer> entries = new ArrayList<>(answers.size());
    answers.forEach(
        (key, orders) -> entries.add(new TraderState.Answer(key.sid(), key.ts(), orders)));
    return entries;
  }

  void restore(List<TraderState.Answer> entries) {
    answers.clear();
    entries.forEach(entry -> remember(entry.sid(), entry.ts(), entry.orders()));
  }
}
