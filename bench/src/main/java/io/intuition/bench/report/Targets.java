package io.intuition.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The suite's performance targets on a 2-core machine, checked against one run. */
public final class Targets {
  static final double MIN_SUITE_TO_CEILING = 0.8;
  static final double MIN_PIPELINED_AT_256 = 200_000;
  static final double MAX_SEQUENTIAL_P50_MICROS = 120;
  static final double MAX_P99_MICROS_AT_1000 = 1_000;
  static final double MAX_RSS_MB = 150;

  private Targets() {}

  /** Each target this run has a measurement for, and whether it was met. */
  public static List<Report.Target> check(
      double suiteToCeiling, List<LatencyRun> latency, RpcRun rpc, List<Usage> usage) {
    List<Report.Target> targets = new ArrayList<>();
    targets.add(
        new Report.Target(
            "suite throughput",
            ">= 0.80 x ceiling",
            format("%.2f x ceiling", suiteToCeiling),
            suiteToCeiling >= MIN_SUITE_TO_CEILING));
    rpc.pipelined().stream()
        .filter(run -> run.window() == 256)
        .findFirst()
        .ifPresent(
            run ->
                targets.add(
                    new Report.Target(
                        "pipelined RPC at window 256",
                        ">= 200,000 calls/s",
                        format("%,.0f calls/s", run.perSecond()),
                        run.perSecond() >= MIN_PIPELINED_AT_256)));
    double p50 = rpc.sequentialMicros().p50();
    targets.add(
        new Report.Target(
            "sequential RPC p50",
            "<= 120 us",
            format("%.0f us", p50),
            p50 <= MAX_SEQUENTIAL_P50_MICROS));
    latency.stream()
        .filter(run -> run.path().equals("suite") && run.rate() == 1_000)
        .findFirst()
        .ifPresent(
            run ->
                targets.add(
                    new Report.Target(
                        "suite p99 at 1,000 quotes/s",
                        "<= 1 ms",
                        format("%.2f ms", run.micros().p99() / 1_000),
                        run.micros().p99() <= MAX_P99_MICROS_AT_1000
                            && run.micros().count() == run.sent())));
    for (Usage use : usage) {
      if (use.service().equals("mosquitto")) {
        continue; // measured for comparison, not a service of ours
      }
      targets.add(
          new Report.Target(
              use.service() + " peak RSS",
              "< 150 MB",
              format("%.0f MB", use.peakRssMb()),
              use.peakRssMb() < MAX_RSS_MB));
    }
    return targets;
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
