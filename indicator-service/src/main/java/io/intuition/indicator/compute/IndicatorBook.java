package io.intuition.indicator.compute;

import io.intuition.common.indicator.IndicatorValue;
import io.intuition.common.log.Excerpt;
import io.intuition.common.quote.Quote;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicators of every symbol, at most {@code maxSymbols} of them, and the values of the last
 * quotes computed, so that a quote delivered again (after the connection dropped before it was
 * acknowledged) gets the values it got the first time instead of counting twice.
 *
 * <p>A quote with a {@code ts} not after the newest computed for its symbol and not remembered is
 * refused: counting it would put an old price after a newer one. A quote without {@code ts} is
 * stamped by the caller with its time of receipt and always counts.
 *
 * <p>Not thread-safe: one thread computes.
 */
public final class IndicatorBook {
  private final List<IndicatorSpec> specs;
  private final int maxSymbols;
  private final Map<String, SymbolIndicators> symbols = new HashMap<>();
  private final Map<Key, List<IndicatorValue>> recent;

  private record Key(String sid, long ts) {}

  /**
   * A book computing {@code specs} for at most {@code maxSymbols} symbols, remembering the values
   * of the last {@code remembered} quotes.
   *
   * @throws IllegalArgumentException if there are no specs or a limit is not positive
   */
  public IndicatorBook(List<IndicatorSpec> specs, int maxSymbols, int remembered) {
    if (specs.isEmpty()) {
      throw new IllegalArgumentException("at least one --sma or --ema window is needed");
    }
    if (maxSymbols < 1 || remembered < 1) {
      throw new IllegalArgumentException(
          "limits must be positive, but were " + maxSymbols + " and " + remembered);
    }
    this.specs = List.copyOf(specs);
    this.maxSymbols = maxSymbols;
    this.recent =
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, List<IndicatorValue>> eldest) {
            return size() > remembered;
          }
        };
  }

  /**
   * Computes a quote stamped {@code ts} (its own, or the time it was received).
   *
   * @return the values to publish, or why the quote was refused
   */
  public Outcome add(Quote quote, long ts) {
    String problem = Topics.segmentProblem(quote.sid());
    if (problem != null) {
      return new Outcome.Refused(problem);
    }
    Key key = new Key(quote.sid(), ts);
    List<IndicatorValue> again = recent.get(key);
    if (again != null) {
      return new Outcome.Values(again);
    }
    SymbolIndicators symbol = symbols.get(quote.sid());
    if (symbol == null) {
      if (symbols.size() >= maxSymbols) {
        return new Outcome.Refused(
            "sid "
                + Excerpt.of(quote.sid())
                + " would be one symbol more than the "
                + maxSymbols
                + " computed at most (--max-symbols)");
      }
      symbol = new SymbolIndicators(quote.sid(), specs);
      symbols.put(quote.sid(), symbol);
    } else if (ts <= symbol.newestTs()) {
      return new Outcome.Refused(
          "quote of "
              + Excerpt.of(quote.sid())
              + " at ts "
              + ts
              + " is not after the newest computed, "
              + symbol.newestTs());
    }
    List<IndicatorValue> values = symbol.add(quote.price(), ts);
    recent.put(key, values);
    return new Outcome.Values(values);
  }

  /** How many symbols are computed. */
  public int symbols() {
    return symbols.size();
  }
}
