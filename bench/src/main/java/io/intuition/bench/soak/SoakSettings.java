package io.intuition.bench.soak;

import java.util.List;

/**
 * How a soak runs.
 *
 * @param minutes how long the feed publishes
 * @param rate quotes per second
 * @param sampleSeconds how often every process is sampled
 * @param warmupSeconds the first seconds, whose samples are shown but not judged
 * @param drainSeconds how long to wait, once the feed is done, for an answer that has not come
 * @param broker the broker's address, and what it is
 * @param serviceJvmFlags the JVM flags of the feed, the bridge and the algo
 */
public record SoakSettings(
    double minutes,
    double rate,
    double sampleSeconds,
    double warmupSeconds,
    double drainSeconds,
    String broker,
    List<String> serviceJvmFlags) {

  /** Copies the flags. */
  public SoakSettings {
    serviceJvmFlags = List.copyOf(serviceJvmFlags);
  }

  /** How many quotes the feed is to send: {@code rate} for {@code minutes}. */
  public long quotes() {
    return Math.round(rate * minutes * 60);
  }

  /** How long the feed publishes, in seconds. */
  public double seconds() {
    return minutes * 60;
  }
}
