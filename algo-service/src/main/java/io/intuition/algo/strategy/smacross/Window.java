package io.intuition.algo.strategy.smacross;

import io.intuition.common.indicator.Sma;
import java.math.BigDecimal;
import java.util.List;

/**
 * The short and long simple moving averages of one symbol, each updated in O(1) per price, and the
 * sign of their difference compared exactly, from their sums.
 */
final class Window {
  private final Sma shortAverage;
  private final Sma longAverage;

  Window(int shortLength, int longLength) {
    this.shortAverage = new Sma(shortLength);
    this.longAverage = new Sma(longLength);
  }

  /** A window over the newest of {@code history}, oldest first. */
  static Window of(SmaCrossConfig config, List<BigDecimal> history) {
    Window window = new Window(config.shortWindow(), config.longWindow());
    int from = Math.max(0, history.size() - config.longWindow());
    history.subList(from, history.size()).forEach(window::add);
    return window;
  }

  void add(BigDecimal price) {
    shortAverage.add(price);
    longAverage.add(price);
  }

  boolean isFull() {
    return longAverage.isFull();
  }

  /** The sign of short average minus long average, compared exactly: 1, 0 or -1. */
  int trend() {
    BigDecimal shortScaled = shortAverage.sum().multiply(BigDecimal.valueOf(longAverage.window()));
    BigDecimal longScaled = longAverage.sum().multiply(BigDecimal.valueOf(shortAverage.window()));
    return shortScaled.compareTo(longScaled);
  }

  /** The prices held, oldest first. */
  List<BigDecimal> history() {
    return longAverage.prices();
  }
}
