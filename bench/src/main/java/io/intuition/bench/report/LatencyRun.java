package io.intuition.bench.report;

/**
 * Latency at one offered rate, from each quote's {@code ts} (when it was due to be sent) to the
 * arrival of what it caused.
 *
 * @param path {@code suite} (quote to order) or {@code broker} (quote to the same quote)
 * @param rate the offered rate, quotes/s
 * @param seconds how long quotes were offered
 * @param sent the quotes published
 * @param micros the latency percentiles of what arrived
 */
public record LatencyRun(String path, double rate, double seconds, long sent, Percentiles micros) {}
