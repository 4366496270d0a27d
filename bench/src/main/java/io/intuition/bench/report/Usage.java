package io.intuition.bench.report;

/**
 * What a process used during the suite throughput step.
 *
 * @param service the process: {@code bridge-service}, {@code algo-service} or the bench's own
 *     {@code mosquitto}
 * @param peakRssMb the peak resident set, in MiB
 * @param userSeconds the CPU time it used in its own code during the step
 * @param systemSeconds the CPU time the kernel used on its behalf during the step
 */
public record Usage(String service, double peakRssMb, double userSeconds, double systemSeconds) {}
