package io.intuition.algo.trading;

import io.intuition.common.quote.InvalidQuoteException;
import io.intuition.common.quote.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The symbols a trader tracks, at most a limit of them since each costs memory in the book and the
 * strategy, with the newest {@code ts} handled for each; and the checks a message passes before any
 * of its quotes is traded.
 */
final class Symbols {
  private static final BigDecimal LARGEST_SHARES = BigDecimal.valueOf(Double.MAX_VALUE);
  private static final long NONE = 0;

  private final int max;
  private final Map<String, Long> newest = new LinkedHashMap<>();

  Symbols(int max) {
    this.max = max;
  }

  /**
   * Checks a message's quotes, all before any is traded, and tracks their symbols.
   *
   * @throws InvalidQuoteException if a quote would make the symbols more than the limit, or its
   *     price is so small that the shares {@code cash} buys would not fit in a double
   */
  void admit(List<Quote> quotes, BigDecimal cash) {
    Set<String> added = new HashSet<>();
    for (Quote quote : quotes) {
      if (!newest.containsKey(quote.sid()) && added.add(quote.sid())) {
        requireRoom(quote.sid(), added.size());
      }
      if (cash.divide(quote.price(), 0, RoundingMode.DOWN).compareTo(LARGEST_SHARES) > 0) {
        throw new InvalidQuoteException(
            "quote must be large enough for an order's shares to fit in a double, but was "
                + quote.price().toPlainString());
      }
    }
    added.forEach(sid -> newest.put(sid, NONE));
  }

  /**
   * Tracks {@code sid}, as an indicator value of it is handled.
   *
   * @throws InvalidQuoteException if it would make the symbols more than the limit
   */
  void admit(String sid) {
    if (!newest.containsKey(sid)) {
      requireRoom(sid, 1);
      newest.put(sid, NONE);
    }
  }

  /**
   * Whether {@code quote} comes after every quote of its symbol handled so far; one without a
   * {@code ts} always does.
   */
  boolean isNew(Quote quote) {
    return quote.ts() == null || quote.ts() > newest.getOrDefault(quote.sid(), NONE);
  }

  /** Records that {@code quote} was handled. */
  void handled(Quote quote) {
    if (quote.ts() != null) {
      newest.merge(quote.sid(), quote.ts(), Math::max);
    }
  }

  private void requireRoom(String sid, int adding) {
    if (newest.size() + adding > max) {
      throw new InvalidQuoteException(
          "sid "
              + sid
              + " would be one symbol more than the "
              + max
              + " tracked at most (--max-tracked-symbols)");
    }
  }

  void clear() {
    newest.clear();
  }

  void restore(Map<String, Long> saved) {
    newest.clear();
    newest.putAll(saved);
  }

  /** Each symbol with the newest {@code ts} handled for it, 0 for none. */
  Map<String, Long> state() {
    return Map.copyOf(newest);
  }
}
