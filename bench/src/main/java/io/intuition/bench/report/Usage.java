package io.intuition.bench.report;

/**
 * What a service used during the suite throughput step.
 *
 * @param service the service's name
 * @param peakRssMb the peak resident set, in MiB
 * @param userSeconds the CPU time it used in its own code during the step
 * @param systemSeconds the CPU time the kernel used on its behalf during the step
 */
public record Usage(String service, double peakRssMb, double userSeconds, double systemSeconds) {}
