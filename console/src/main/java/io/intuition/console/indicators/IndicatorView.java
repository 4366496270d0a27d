package io.intuition.console.indicators;

import io.intuition.common.indicator.IndicatorValue;
import java.math.BigDecimal;

/**
 * An indicator's latest value as the page shows it.
 *
 * @param sid the symbol
 * @param indicator {@code sma} or {@code ema}
 * @param window how many prices it takes
 * @param value its value
 * @param ts the timestamp of the quote it follows, epoch microseconds
 * @param topic the retained topic it came on
 */
public record IndicatorView(
    String sid, String indicator, int window, BigDecimal value, long ts, String topic) {

  /** The view of {@code value}, received on {@code topic}. */
  public static IndicatorView of(IndicatorValue value, String topic) {
    return new IndicatorView(
        value.sid(), value.kind().wireName(), value.window(), value.value(), value.ts(), topic);
  }
}
