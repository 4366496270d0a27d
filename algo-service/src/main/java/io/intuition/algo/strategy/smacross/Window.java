package io.intuition.algo.strategy.smacross;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The last prices of one symbol and the exact sums of its short and long windows, updated in O(1)
 * per price.
 */
final class Window {
  private final int shortLength;
  private final BigDecimal[] prices;
  private int count;
  private int next;
  private BigDecimal shortSum = BigDecimal.ZERO;
  private BigDecimal longSum = BigDecimal.ZERO;

  Window(int shortLength, int longLength) {
    this.shortLength = shortLength;
    this.prices = new BigDecimal[longLength];
  }

  /** A window over the newest of {@code history}, oldest first. */
  static Window of(SmaCrossConfig config, List<BigDecimal> history) {
    Window window = new Window(config.shortWindow(), config.longWindow());
    int from = Math.max(0, history.size() - config.longWindow());
    history.subList(from, history.size()).forEach(window::add);
    return window;
  }

  void add(BigDecimal price) {
    if (count == prices.length) {
      longSum = longSum.subtract(prices[next]);
    } else {
      count++;
    }
    prices[next] = price;
    longSum = longSum.add(price);
    shortSum = shortSum.add(price);
    if (count > shortLength) {
      shortSum = shortSum.subtract(prices[Math.floorMod(next - shortLength, prices.length)]);
    }
    next = (next + 1) % prices.length;
  }

  boolean isFull() {
    return count == prices.length;
  }

  /** The sign of short average minus long average, compared exactly: 1, 0 or -1. */
  int trend() {
    BigDecimal shortScaled = shortSum.multiply(BigDecimal.valueOf(prices.length));
    BigDecimal longScaled = longSum.multiply(BigDecimal.valueOf(shortLength));
    return shortScaled.compareTo(longScaled);
  }

  /** The prices held, oldest first. */
  List<BigDecimal> history() {
    List<BigDecimal> history = new ArrayList<>(count);
    int start = count == prices.length ? next : 0;
    for (int i = 0; i < count; i++) {
      history.add(prices[(start + i) % prices.length]);
    }
    return history;
  }
}
