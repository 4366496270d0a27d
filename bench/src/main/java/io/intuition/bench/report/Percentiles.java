package io.intuition.bench.report;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in microseconds.
 *
 * @param count how many values were recorded
 * @param p50 the median
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the largest value
 */
public record Percentiles(long count, double p50, double p99, double p999, double max) {

  /** The percentiles of a histogram of microseconds. */
  public static Percentiles ofMicros(Histogram histogram) {
    return of(histogram, 1.0);
  }

  /** The percentiles of a histogram of nanoseconds, in microseconds. */
  public static Percentiles ofNanos(Histogram histogram) {
    return of(histogram, 1_000.0);
  }

  private static Percentiles of(Histogram histogram, double perMicro) {
    return new Percentiles(
        histogram.getTotalCount(),
        histogram.getValueAtPercentile(50) / perMicro,
        histogram.getValueAtPercentile(99) / perMicro,
        histogram.getValueAtPercentile(99.9) / perMicro,
        histogram.getMaxValue() / perMicro);
  }
}
