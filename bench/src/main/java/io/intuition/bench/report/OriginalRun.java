package io.intuition.bench.report;

/**
 * The original-style stack, measured as the suite is.
 *
 * @param bridge what bridged MQTT to the algo
 * @param algo what served the algo, and why it stands in for the original
 * @param throughput the same N quotes as the suite's warm throughput step, after a short warm-up
 * @param coldMultiple the suite's cold quotes/s over this stack's
 * @param warmMultiple the suite's warm quotes/s over this stack's
 */
public record OriginalRun(
    String bridge, String algo, Throughput throughput, double coldMultiple, double warmMultiple) {}
