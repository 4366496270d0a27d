package io.intuition.bench.report;

import java.util.List;

/**
 * RPC alone: {@code event} calls from one client to the algo-service, with no MQTT.
 *
 * @param sequentialPerSecond calls/s with one call at a time
 * @param sequentialMicros the round-trip percentiles of those calls
 * @param pipelined calls/s with up to {@code window} calls outstanding
 */
public record RpcRun(
    double sequentialPerSecond, Percentiles sequentialMicros, List<Pipelined> pipelined) {

  /**
   * One pipelined run.
   *
   * @param window the most calls outstanding at once
   * @param perSecond the calls completed per second
   * @param micros the round-trip percentiles of those calls
   */
  public record Pipelined(int window, double perSecond, Percentiles micros) {}
}
