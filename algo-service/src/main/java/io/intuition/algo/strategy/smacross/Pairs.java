package io.intuition.algo.strategy.smacross;

import io.intuition.common.log.ThrottledLog;
import io.intuition.common.quote.Quote;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For one symbol in {@code indicators} mode: the short and long averages received and the quotes,
 * by {@code ts}, until all three of one {@code ts} are known; they then make one decision. Quotes
 * and indicator values come on different topics and may arrive in any order: whichever completes a
 * {@code ts} decides it, and the older ones still waiting are dropped, as is anything arriving
 * later for a {@code ts} decided or older. A quote without {@code ts} cannot be paired: the
 * indicator-service stamps its values with their time of receipt, and a complete pair of values is
 * decided at the newest such quote.
 *
 * <p>Not thread-safe.
 */
final class Pairs {
  /**
   * How many timestamps wait at most; the oldest go first. The quotes come straight from the feed
   * while their values take a detour through the indicator-service, so in a burst the quotes run
   * ahead by as many as the burst holds: a quote dropped before its values came is never traded.
   */
  static final int MAX_PENDING = 1000;

  private static final String TS = "ts";
  private static final String SHORT = "short";
  private static final String LONG = "long";
  private static final String PRICE = "price";
  private static final String DECIDED = "decided";
  private static final String PENDING = "pending";
  private static final String UNTIMED = "untimed";

  private static final Logger log = LoggerFactory.getLogger(Pairs.class);
  private static final ThrottledLog full = ThrottledLog.of(log);

  private final String sid;
  private final WaitingLimit limit;
  private final TreeMap<Long, Pending> pending = new TreeMap<>();
  private long decided;
  private Quote untimed;

  /** The side of the long average the short one is on, and the quote to trade at. */
  record Decision(int trend, Quote quote) {}

  /** What is known of one timestamp. */
  private static final class Pending {
    BigDecimal shortValue;
    BigDecimal longValue;
    BigDecimal price;
  }

  /** The pairs of {@code sid}, holding timestamps within {@code limit}, shared by every symbol. */
  Pairs(String sid, WaitingLimit limit) {
    this.sid = sid;
    this.limit = limit;
  }

  /** Takes a quote of the symbol; the decision it completes, or null. */
  Decision quote(Quote quote) {
    if (quote.ts() == null) {
      untimed = quote;
      return null;
    }
    if (quote.ts() <= decided) {
      return null;
    }
    Pending slot = slot(quote.ts());
    if (slot == null) {
      return null;
    }
    slot.price = quote.price();
    return decide(quote.ts());
  }

  /** Takes the short or the long average at {@code ts}; the decision it completes, or null. */
  Decision average(long ts, boolean isShort, BigDecimal value) {
    if (ts <= decided) {
      return null;
    }
    Pending slot = slot(ts);
    if (slot == null) {
      return null;
    }
    if (isShort) {
      slot.shortValue = value;
    } else {
      slot.longValue = value;
    }
    return decide(ts);
  }

  /**
   * What is known of {@code ts}, made room for if new: this symbol's oldest goes when it holds its
   * most, or when all symbols together do; null when they do and this one holds nothing to give.
   */
  private Pending slot(long ts) {
    Pending slot = pending.get(ts);
    if (slot != null) {
      return slot;
    }
    if (pending.size() >= MAX_PENDING || !limit.take()) {
      if (pending.isEmpty()) {
        full.warn(
            "sma-cross: {} timestamps of all symbols wait for their averages, the most it holds;"
                + " {} at {} is not traded",
            limit.held(),
            sid,
            ts);
        return null;
      }
      pending.pollFirstEntry(); // its room goes to the new one
    }
    slot = new Pending();
    pending.put(ts, slot);
    return slot;
  }

  /** Lets go of everything waiting, giving its room back. */
  void clear() {
    limit.release(pending.size());
    pending.clear();
  }

  private Decision decide(long ts) {
    Pending slot = pending.get(ts);
    if (slot == null || slot.shortValue == null || slot.longValue == null) {
      return null;
    }
    Quote at = slot.price != null ? new Quote(sid, slot.price, ts) : untimed;
    if (at == null) {
      return null;
    }
    decided = ts;
    Map<Long, Pending> done = pending.headMap(ts, true);
    limit.release(done.size());
    done.clear();
    return new Decision(slot.shortValue.compareTo(slot.longValue), at);
  }

  /** Whether nothing is held: no state to save. */
  boolean isEmpty() {
    return decided == 0 && pending.isEmpty() && untimed == null;
  }

  /** What is held, as plain values. */
  Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put(DECIDED, decided);
    List<Map<String, Object>> slots = new ArrayList<>(pending.size());
    pending.forEach(
        (ts, slot) -> {
          Map<String, Object> fields = new LinkedHashMap<>();
          fields.put(TS, ts);
          put(fields, SHORT, slot.shortValue);
          put(fields, LONG, slot.longValue);
          put(fields, PRICE, slot.price);
          slots.add(fields);
        });
    state.put(PENDING, slots);
    put(state, UNTIMED, untimed == null ? null : untimed.price());
    return state;
  }

  /**
   * Pairs of {@code sid} as {@link #state()} saved them.
   *
   * @throws IllegalArgumentException if the state is malformed
   */
  static Pairs restored(String sid, Object saved, WaitingLimit limit) {
    Pairs pairs = new Pairs(sid, limit);
    if (!(saved instanceof Map<?, ?> state)
        || !(state.get(DECIDED) instanceof Number decided)
        || !(state.get(PENDING) instanceof List<?> slots)) {
      throw new IllegalArgumentException(
          "sma-cross pairs of " + sid + " must hold decided and pending, but were " + saved);
    }
    pairs.decided = decided.longValue();
    for (Object item : slots) {
      if (!(item instanceof Map<?, ?> fields) || !(fields.get(TS) instanceof Number ts)) {
        throw new IllegalArgumentException(
            "sma-cross pending of " + sid + " must hold a ts, but was " + item);
      }
      Pending slot = pairs.slot(ts.longValue());
      if (slot == null) {
        continue; // saved under a larger limit
      }
      slot.shortValue = decimal(sid, fields.get(SHORT));
      slot.longValue = decimal(sid, fields.get(LONG));
      slot.price = decimal(sid, fields.get(PRICE));
    }
    BigDecimal untimed = decimal(sid, state.get(UNTIMED));
    pairs.untimed = untimed == null ? null : new Quote(sid, untimed, null);
    return pairs;
  }

  private static void put(Map<String, Object> fields, String key, BigDecimal value) {
    if (value != null) {
      fields.put(key, value.toPlainString());
    }
  }

  private static BigDecimal decimal(String sid, Object value) {
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(String.valueOf(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "sma-cross state of " + sid + " has a value that is not a number: " + value, e);
    }
  }
}
