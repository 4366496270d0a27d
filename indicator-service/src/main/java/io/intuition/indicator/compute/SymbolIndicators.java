package io.intuition.indicator.compute;

import io.intuition.common.indicator.Indicator;
import io.intuition.common.indicator.IndicatorValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every indicator of one symbol, fed its prices in order; each price costs O(1) per indicator. Not
 * thread-safe.
 */
final class SymbolIndicators {
  private final String sid;
  private final List<Indicator> indicators;
  private long newestTs;

  SymbolIndicators(String sid, List<IndicatorSpec> specs) {
    this.sid = sid;
    this.indicators = specs.stream().map(IndicatorSpec::create).toList();
  }

  /**
   * Adds the price of the quote at {@code ts} to every indicator.
   *
   * @return the values of the indicators whose window is full, in the order of the specs
   */
  List<IndicatorValue> add(BigDecimal price, long ts) {
    newestTs = Math.max(newestTs, ts);
    List<IndicatorValue> values = new ArrayList<>(indicators.size());
    for (Indicator indicator : indicators) {
      indicator.add(price);
      if (indicator.isFull()) {
        values.add(IndicatorValue.of(sid, indicator, ts));
      }
    }
    return values;
  }

  /** The newest {@code ts} added so far, 0 for none. */
  long newestTs() {
    return newestTs;
  }
}
