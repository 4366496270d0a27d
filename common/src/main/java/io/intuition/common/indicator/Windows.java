package io.intuition.common.indicator;

/** Checks of window lengths. */
final class Windows {
  private Windows() {}

  static int require(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1, but was " + window);
    }
    return window;
  }

  static void requireFull(Indicator indicator) {
    if (!indicator.isFull()) {
      throw new IllegalStateException(
          indicator.name() + " " + indicator.window() + " has no value before its window is full");
    }
  }
}
