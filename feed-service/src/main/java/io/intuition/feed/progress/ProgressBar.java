package io.intuition.feed.progress;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/** Draws {@code [#####-----] 512/1000 98.7/s ETA 5s}, and says when the next quote is due. */
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

  /**
   * {@code next quote 2024-01-03 in 24m00s}: its time as a date when it is midnight UTC, else as an
   * instant, and none when the quote has none.
   */
  static String nextQuote(Instant time, double seconds) {
    return "next quote " + (time == null ? "" : when(time) + " ") + "in " + eta(seconds);
  }

  private static String when(Instant time) {
    boolean midnight = time.atOffset(ZoneOffset.UTC).toLocalTime().toNanoOfDay() == 0;
    return midnight ? time.atOffset(ZoneOffset.UTC).toLocalDate().toString() : time.toString();
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
