package io.intuition.bench.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How fast N quotes went through.
 *
 * @param sent the quotes published
 * @param arrived the messages that arrived at the end
 * @param seconds from the first publish to the last arrival
 */
public record Throughput(long sent, long arrived, double seconds) {

  /** Arrivals per second. */
  @JsonProperty("perSecond")
  public double perSecond() {
    return seconds > 0 ? arrived / seconds : 0;
  }

  /** Whether everything sent arrived. */
  public boolean complete() {
    return arrived >= sent;
  }
}
