package io.intuition.common.indicator;

import java.util.Locale;

/** The indicators there are, by their wire names. */
public enum IndicatorKind {
  /** The simple moving average: {@link Sma}. */
  SMA,
  /** The exponential moving average: {@link Ema}. */
  EMA;

  /** The name on the wire and in topics: {@code sma}, {@code ema}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind named {@code name} on the wire.
   *
   * @throws IllegalArgumentException if no kind has that name
   */
  public static IndicatorKind of(String name) {
    for (IndicatorKind kind : values()) {
      if (kind.wireName().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("indicator must be sma or ema, but was \"" + name + "\"");
  }
}
