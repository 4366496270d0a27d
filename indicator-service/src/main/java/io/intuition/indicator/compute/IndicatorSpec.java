package io.intuition.indicator.compute;

import io.intuition.common.indicator.Indicator;
import io.intuition.common.indicator.IndicatorKind;
import java.util.Objects;

/**
 * One indicator computed for every symbol, such as {@code sma 20}.
 *
 * @param kind which indicator
 * @param window how many prices it takes: 1 to {@link #MAX_WINDOW}
 */
public record IndicatorSpec(IndicatorKind kind, int window) {
  /** The longest window: each symbol keeps up to that many prices per simple average. */
  public static final int MAX_WINDOW = 1_000;

  /**
   * Validates the spec.
   *
   * @throws IllegalArgumentException if the window is out of range
   */
  public IndicatorSpec {
    Objects.requireNonNull(kind, "kind must not be null");
    if (window < 1 || window > MAX_WINDOW) {
      throw new IllegalArgumentException(
          "--"
              + kind.wireName()
              + " windows must be between 1 and "
              + MAX_WINDOW
              + ", but was "
              + window);
    }
  }

  /** Such as {@code sma 20}. */
  @Override
  public String toString() {
    return kind.wireName() + " " + window;
  }

  /** A fresh indicator of this spec. */
  Indicator create() {
    return Indicator.of(kind, window);
  }
}
