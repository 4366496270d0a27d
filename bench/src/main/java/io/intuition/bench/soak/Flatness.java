package io.intuition.bench.soak;

import java.util.List;

/**
 * Whether a metric stayed flat: a least-squares line through its samples, and how much that line
 * rises between the first sample's time and the last's. It is growing when that rise exceeds 5% of
 * the samples' mean or the metric's floor, whichever is more; falling when it drops by as much;
 * flat otherwise. The line, not the last sample against the first, so that one collection or one
 * burst of threads at either end does not decide; fewer than three samples cannot tell.
 */
public final class Flatness {
  /** The share of its mean a metric may rise by and still be flat. */
  static final double SHARE = 0.05;

  static final int MIN_SAMPLES = 3;

  private Flatness() {}

  /**
   * One point of a metric.
   *
   * @param seconds when
   * @param value the metric then
   */
  record Point(double seconds, double value) {}

  /** Judges {@code points}, in time order, against a floor in the metric's unit. */
  static Trend judge(List<Point> points, double floor) {
    int n = points.size();
    if (n == 0) {
      return new Trend(0, 0, 0, 0, 0, 0, 0, Verdict.TOO_FEW);
    }
    double mean = points.stream().mapToDouble(Point::value).average().orElseThrow();
    double limit = Math.max(SHARE * Math.abs(mean), floor);
    double span = points.get(n - 1).seconds() - points.get(0).seconds();
    double change = n < MIN_SAMPLES || span <= 0 ? 0 : slope(points, mean) * span;
    return new Trend(
        n,
        points.get(0).value(),
        points.stream().mapToDouble(Point::value).min().orElseThrow(),
        points.stream().mapToDouble(Point::value).max().orElseThrow(),
        points.get(n - 1).value(),
        change,
        limit,
        verdict(n, span, change, limit));
  }

  private static Verdict verdict(int n, double span, double change, double limit) {
    if (n < MIN_SAMPLES || span <= 0) {
      return Verdict.TOO_FEW;
    }
    if (change > limit) {
      return Verdict.GROWING;
    }
    return change < -limit ? Verdict.FALLING : Verdict.FLAT;
  }

  /** The least-squares slope of value against seconds, per second. */
  private static double slope(List<Point> points, double meanValue) {
    double meanSeconds = points.stream().mapToDouble(Point::seconds).average().orElseThrow();
    double covariance = 0;
    double variance = 0;
    for (Point point : points) {
      double dt = point.seconds() - meanSeconds;
      covariance += dt * (point.value() - meanValue);
      variance += dt * dt;
    }
    return covariance / variance;
  }
}
