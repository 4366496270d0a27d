package io.intuition.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The suite's performance targets on a 2-core machine, checked against one run; {@link
 * RobustnessTargets} adds the overload and hostile-input ones.
 */
public final class Targets {
  static final double MIN_SUITE_TO_CEILING = 0.8;
  static final double MIN_COLD_TO_CEILING = 0.5;
  static final double MIN_PIPELINED_AT_256 = 200_000;
  static final double MAX_SEQUENTIAL_P50_MICROS = 120;
  static final double MAX_P99_MICROS_AT_1000 = 1_000;
  static final double MAX_P99_TO_BROKER_AT_1000 = 3;
  static final double MAX_RSS_MB = 150;
  static final double MAX_BRIDGE_CPU_MICROS = 40;
  static final double MAX_ALGO_CPU_MICROS = 15;
  static final double MAX_SUITE_CPU_TO_BROKER = 1.5;

  private Targets() {}

  /** Each target {@code report} has a measurement for, and whether it was met. */
  public static List<Report.Target> check(Report report) {
    List<Report.Target> targets = new ArrayList<>();
    throughput(report, targets);
    rpc(report.rpc(), targets);
    latency(report.latency(), targets);
    rss(report.usage(), targets);
    cpu(report.cpuPerQuote(), targets);
    targets.addAll(RobustnessTargets.check(report.overload(), report.hostile()));
    return targets;
  }

  private static void throughput(Report report, List<Report.Target> targets) {
    targets.add(
        target(
            "suite throughput, warm",
            ">= 0.80 x ceiling",
            format("%.2f x ceiling", report.suiteToCeiling()),
            report.suiteToCeiling() >= MIN_SUITE_TO_CEILING));
    if (report.cold() != null) {
      targets.add(
          target(
              "suite throughput, cold",
              ">= 0.50 x ceiling",
              format("%.2f x ceiling", report.coldToCeiling()),
              report.coldToCeiling() >= MIN_COLD_TO_CEILING
                  && report.cold().throughput().complete()));
    }
  }

  private static void rpc(RpcRun rpc, List<Report.Target> targets) {
    rpc.pipelined().stream()
        .filter(run -> run.window() == 256)
        .findFirst()
        .ifPresent(
            run ->
                targets.add(
                    target(
                        "pipelined RPC at window 256",
                        ">= 200,000 calls/s",
                        format("%,.0f calls/s", run.perSecond()),
                        run.perSecond() >= MIN_PIPELINED_AT_256)));
    double p50 = rpc.sequentialMicros().p50();
    targets.add(
        target(
            "sequential RPC p50",
            "<= 120 us",
            format("%.0f us", p50),
            p50 <= MAX_SEQUENTIAL_P50_MICROS));
  }

  private static void latency(List<LatencyRun> latency, List<Report.Target> targets) {
    Optional<LatencyRun> suite = at1000(latency, "suite");
    suite.ifPresent(
        run ->
            targets.add(
                target(
                    "suite p99 at 1,000 quotes/s",
                    "<= 1 ms",
                    format("%.2f ms", run.micros().p99() / 1_000),
                    run.micros().p99() <= MAX_P99_MICROS_AT_1000 && complete(run))));
    Optional<LatencyRun> broker = at1000(latency, "broker");
    if (suite.isPresent() && broker.isPresent()) {
      double ratio = suite.get().micros().p99() / broker.get().micros().p99();
      targets.add(
          target(
              "suite p99 / broker p99 at 1,000/s",
              "<= 3 x broker alone",
              format(
                  "%.1f x (%.2f / %.2f ms)",
                  ratio, suite.get().micros().p99() / 1e3, broker.get().micros().p99() / 1e3),
              ratio <= MAX_P99_TO_BROKER_AT_1000 && complete(suite.get())));
    }
  }

  private static void rss(List<Usage> usage, List<Report.Target> targets) {
    for (Usage use : usage) {
      if (use.service().equals("mosquitto") || use.service().startsWith("broker-")) {
        continue; // measured for comparison, not a service of ours
      }
      targets.add(
          target(
              use.service() + " peak RSS",
              "< 150 MB",
              format("%.0f MB", use.peakRssMb()),
              use.peakRssMb() < MAX_RSS_MB));
    }
  }

  private static void cpu(CpuPerQuote cpu, List<Report.Target> targets) {
    if (cpu == null) {
      return;
    }
    targets.add(
        target(
            "bridge CPU per quote, warm",
            "<= 40 us",
            format("%.1f us", cpu.bridgeMicros()),
            cpu.bridgeMicros() <= MAX_BRIDGE_CPU_MICROS));
    targets.add(
        target(
            "algo CPU per quote, warm",
            "<= 15 us",
            format("%.1f us", cpu.algoMicros()),
            cpu.algoMicros() <= MAX_ALGO_CPU_MICROS));
    if (cpu.suiteToBroker() != null) {
      targets.add(
          target(
              "(bridge + algo) CPU / mosquitto's",
              "<= 1.5 x",
              format("%.1f x", cpu.suiteToBroker()),
              cpu.suiteToBroker() <= MAX_SUITE_CPU_TO_BROKER));
    }
  }

  private static Optional<LatencyRun> at1000(List<LatencyRun> latency, String path) {
    return latency.stream()
        .filter(run -> run.path().equals(path) && run.rate() == 1_000)
        .findFirst();
  }

  private static boolean complete(LatencyRun run) {
    return run.micros().count() == run.sent();
  }

  static Report.Target target(String name, String goal, String measured, boolean met) {
    return new Report.Target(name, goal, measured, met);
  }

  static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
