package io.intuition.feed.progress;

import java.util.Locale;

/** Draws {@code [#####-----] 512/1000 98.7/s ETA 5s}. */
final class ProgressBar {
  static final int WIDTH = 30;

  private ProgressBar() {}

  /** The bar for {@code done} of {@code total} at {@code perSecond}. */
  static String render(long done, long total, double perSecond) {
    int filled = total <= 0 ? WIDTH : (int) Math.min(WIDTH, done * WIDTH / total);
    String eta = perSecond > 0 ? eta(Math.max(0, total - done) / perSecond) : "--";
    return "["
        + "#".repeat(filled)
        + "-".repeat(WIDTH - filled)
        + "] "
        + done
        + "/"
        + total
        + "  "
        + rate(perSecond)
        + "  ETA "
        + eta;
  }

  /** A rate such as {@code 98.7/s}. */
  static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%.1f/s", perSecond);
  }

  /** A duration such as {@code 5s}, {@code 2m05s} or {@code 1h02m}. */
  static String eta(double seconds) {
    long s = (long) Math.ceil(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
  }
}
