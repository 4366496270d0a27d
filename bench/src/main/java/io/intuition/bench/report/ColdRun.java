package io.intuition.bench.report;

/**
 * The suite's first quotes after a fresh start.
 *
 * @param secondsToOpen from starting the services until a probe quote got its order
 * @param throughput the cold quotes that followed at full speed, until their last order
 */
public record ColdRun(double secondsToOpen, Throughput throughput) {}
