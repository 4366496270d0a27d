package io.intuition.common.indicator;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A value computed over the last prices of one series, updated in O(1) per price: nothing until
 * {@link #window()} prices have been added, then one value per price.
 *
 * <p>Not thread-safe: one owner feeds it and reads it.
 */
public interface Indicator {
  /** The precision every indicator value is rounded to: 16 significant digits, half-even. */
  MathContext MATH = MathContext.DECIMAL64;

  /** The indicator's name as it appears on the wire, such as {@code sma}. */
  String name();

  /** How many prices a value takes. */
  int window();

  /**
   * Takes the next price of the series.
   *
   * @throws NullPointerException if {@code price} is null
   */
  void add(BigDecimal price);

  /** Whether enough prices were added for a value. */
  boolean isFull();

  /**
   * The value after the last price, rounded to {@link #MATH}.
   *
   * @throws IllegalStateException if fewer than {@link #window()} prices were added
   */
  BigDecimal value();

  /**
   * A fresh indicator of {@code kind} over {@code window} prices.
   *
   * @throws IllegalArgumentException if the kind is unknown or the window is less than 1
   */
  static Indicator of(IndicatorKind kind, int window) {
    return switch (kind) {
      case SMA -> new Sma(window);
      case EMA -> new Ema(window);
    };
  }
}
