package io.intuition.bench.report;

import java.util.List;
import java.util.Optional;

/**
 * CPU time (user + system) per quote during the warm throughput step.
 *
 * @param bridgeMicros the bridge-service's, microseconds
 * @param algoMicros the algo-service's, microseconds
 * @param mosquittoMicros the bench's own broker's, or null with a broker the bench did not start
 * @param suiteToBroker {@code (bridge + algo) / mosquitto}, or null without the broker's
 */
public record CpuPerQuote(
    double bridgeMicros, double algoMicros, Double mosquittoMicros, Double suiteToBroker) {

  /** The CPU per quote of {@code usage} over {@code quotes}, or empty without the services'. */
  public static Optional<CpuPerQuote> of(List<Usage> usage, long quotes) {
    Optional<Double> bridge = micros(usage, "bridge-service", quotes);
    Optional<Double> algo = micros(usage, "algo-service", quotes);
    if (bridge.isEmpty() || algo.isEmpty()) {
      return Optional.empty();
    }
    Double broker = micros(usage, "mosquitto", quotes).orElse(null);
    Double ratio = broker != null && broker > 0 ? (bridge.get() + algo.get()) / broker : null;
    return Optional.of(new CpuPerQuote(bridge.get(), algo.get(), broker, ratio));
  }

  private static Optional<Double> micros(List<Usage> usage, String service, long quotes) {
    return usage.stream()
        .filter(use -> use.service().equals(service))
        .findFirst()
        .map(use -> (use.userSeconds() + use.systemSeconds()) * 1e6 / quotes);
  }
}
