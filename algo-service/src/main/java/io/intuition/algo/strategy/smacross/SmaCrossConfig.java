package io.intuition.algo.strategy.smacross;

import io.intuition.algo.config.InvalidParamsException;
import io.intuition.algo.config.Params;
import io.intuition.common.log.Excerpt;
import java.util.Locale;
import java.util.Objects;

/**
 * The settings of the {@code sma-cross} strategy.
 *
 * @param shortWindow how many of the last prices the short average takes; at least 1
 * @param longWindow how many the long average takes; more than {@code shortWindow}, at most 200
 * @param source where the averages come from
 */
public record SmaCrossConfig(int shortWindow, int longWindow, Source source) {
  /** The short window when the params give none. */
  public static final int DEFAULT_SHORT = 5;

  /** The long window when the params give none. */
  public static final int DEFAULT_LONG = 20;

  /** The longest long window: each symbol keeps that many prices. */
  public static final int MAX_LONG = 200;

  static final String SHORT = "short";
  static final String LONG = "long";
  static final String SOURCE = "source";

  /** Where the strategy's averages come from. */
  public enum Source {
    /** Computed by the strategy from the quotes. */
    QUOTES,
    /**
     * Read from the indicator-service's {@code sma} values, paired with the quotes by {@code ts};
     * the quotes still come, for the price each order is filled at.
     */
    INDICATORS;

    /** The name in the params: {@code quotes}, {@code indicators}. */
    String paramName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Validates the settings.
   *
   * @throws InvalidParamsException if a window is out of range, or the short one is not shorter
   */
  public SmaCrossConfig {
    Objects.requireNonNull(source, "source must not be null");
    if (shortWindow < 1) {
      throw new InvalidParamsException("short must be at least 1, but was " + shortWindow);
    }
    if (longWindow <= shortWindow || longWindow > MAX_LONG) {
      throw new InvalidParamsException(
          "long must be more than short ("
              + shortWindow
              + ") and at most "
              + MAX_LONG
              + ", but was "
              + longWindow);
    }
  }

  /** Averages computed from the quotes. */
  public SmaCrossConfig(int shortWindow, int longWindow) {
    this(shortWindow, longWindow, Source.QUOTES);
  }

  /**
   * Reads {@code short} (default 5), {@code long} (default 20) and {@code source} ({@code quotes},
   * the default, or {@code indicators}).
   *
   * @throws InvalidParamsException if a window is not a whole number in range, or the source is
   *     neither
   */
  public static SmaCrossConfig from(Params params) {
    return new SmaCrossConfig(
        params.integer(SHORT, DEFAULT_SHORT),
        params.integer(LONG, DEFAULT_LONG),
        source(params.text(SOURCE, Source.QUOTES.paramName())));
  }

  private static Source source(String name) {
    for (Source source : Source.values()) {
      if (source.paramName().equals(name)) {
        return source;
      }
    }
    throw new InvalidParamsException(
        "source must be quotes or indicators, but was \"" + Excerpt.of(name) + "\"");
  }
}
