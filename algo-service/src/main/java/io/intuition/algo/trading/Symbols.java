package io.intuition.algo.trading;

import io.intuition.common.quote.InvalidQuoteException;
import io.intuition.common.quote.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The symbols a trader tracks, at most a limit of them, since each costs memory in the book and the
 * strategy; and the checks a message passes before any of its quotes is traded.
 */
final class Symbols {
  private static final BigDecimal LARGEST_SHARES = BigDecimal.valueOf(Double.MAX_VALUE);

  private final int max;
  private final Set<String> seen = new LinkedHashSet<>();

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
      if (!seen.contains(quote.sid())
          && added.add(quote.sid())
          && seen.size() + added.size() > max) {
        throw new InvalidQuoteException(
            "sid "
                + quote.sid()
                + " would be one symbol more than the "
                + max
                + " tracked at most (--max-tracked-symbols)");
      }
      if (cash.divide(quote.price(), 0, RoundingMode.DOWN).compareTo(LARGEST_SHARES) > 0) {
        throw new InvalidQuoteException(
            "quote must be large enough for an order's shares to fit in a double, but was "
                + quote.price().toPlainString());
      }
    }
    seen.addAll(added);
  }

  void clear() {
    seen.clear();
  }

  void restore(List<String> symbols) {
    seen.clear();
    seen.addAll(symbols);
  }

  List<String> list() {
    return List.copyOf(seen);
  }
}
