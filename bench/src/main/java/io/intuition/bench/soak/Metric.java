package io.intuition.bench.soak;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What a soak follows in each process, with the least growth it calls growing whatever the metric's
 * size: 8 MB of resident set, 4 file descriptors, 2 threads.
 */
public enum Metric {
  RSS_MB("rss MB", 8, 1, sample -> sample.rssBytes() / 1e6),
  FDS("fds", 4, 0, Sample::fds),
  THREADS("threads", 2, 0, Sample::threads);

  private final String label;
  private final double floor;
  private final int decimals;
  private final ToDoubleFunction<Sample> value;

  Metric(String label, double floor, int decimals, ToDoubleFunction<Sample> value) {
    this.label = label;
    this.floor = floor;
    this.decimals = decimals;
    this.value = value;
  }

  /** Its name in the table and the result file: {@code rss MB}, {@code fds}, {@code threads}. */
  public String label() {
    return label;
  }

  /** The least fitted increase called growing, in the metric's unit. */
  double floor() {
    return floor;
  }

  /** The metric in {@code sample}, in its unit (MB are 10^6 bytes, as the bench's report). */
  double of(Sample sample) {
    return value.applyAsDouble(sample);
  }

  /** {@code value} with the metric's decimals. */
  String format(double number) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", number);
  }
}
