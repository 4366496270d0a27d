package io.intuition.bench.report;

/** The table's throughput, latency, RPC and resource sections. */
final class SpeedSections {
  private static final String ROW = "  %-44s %,12.0f %10.2f %,10d %10s%s";

  private final Lines out;

  SpeedSections(Lines out) {
    this.out = out;
  }

  void throughput(Report report) {
    Report.Settings settings = report.settings();
    out.line(
        "Throughput, QoS 1 (publisher window %d, bridge window %d)",
        settings.publishWindow(), settings.bridgeWindow());
    out.line("  %-44s %12s %10s %10s %10s", "path", "quotes/s", "seconds", "arrived", "x ceiling");
    row("broker alone (ceiling)", report.ceiling(), "");
    if (report.cold() != null) {
      row(
          Targets.format("suite, cold: first %,d quotes", settings.coldQuotes()),
          report.cold().throughput(),
          ratio(report.coldToCeiling()));
    }
    row("suite: quote -> bridge -> algo -> order", report.suite(), ratio(report.suiteToCeiling()));
    OriginalRun original = report.original();
    if (original != null) {
      double toCeiling = original.throughput().perSecond() / report.ceiling().perSecond();
      row("original stack: bridge.js -> Node algo", original.throughput(), ratio(toCeiling));
    }
    comparisons(report);
    out.line("");
  }

  private void comparisons(Report report) {
    OriginalRun original = report.original();
    out.line(
        "  suite / ceiling: %.2f (warm, after %,d quotes of warm-up)",
        report.suiteToCeiling(), report.settings().warmUp());
    if (report.cold() != null) {
      out.line(
          "  cold: the first order %.1f s after the services started",
          report.cold().secondsToOpen());
    }
    if (original != null) {
      out.line(
          "  suite / original stack: cold %.2f x, warm %.2f x",
          original.coldMultiple(), original.warmMultiple());
    }
  }

  void latency(Report report) {
    out.line(
        "Latency, quote ts -> arrival, microseconds (%s s per rate)",
        Lines.plain(report.settings().latencySeconds()));
    out.line(
        "  %-8s %10s %9s %9s %9s %9s %9s",
        "path", "quotes/s", "arrived", "p50", "p99", "p99.9", "max");
    for (LatencyRun run : report.latency()) {
      Percentiles p = run.micros();
      out.line(
          "  %-8s %,10.0f %,9d %,9.0f %,9.0f %,9.0f %,9.0f",
          run.path(), run.rate(), p.count(), p.p50(), p.p99(), p.p999(), p.max());
    }
    out.line("");
  }

  void rpc(Report report) {
    RpcRun rpc = report.rpc();
    out.line(
        "RPC alone, event(quote) to the algo-service (%s s each)",
        Lines.plain(report.settings().rpcSeconds()));
    out.line("  %-12s %12s %9s %9s", "mode", "calls/s", "p50 us", "p99 us");
    out.line(
        "  %-12s %,12.0f %,9.0f %,9.0f",
        "sequential",
        rpc.sequentialPerSecond(),
        rpc.sequentialMicros().p50(),
        rpc.sequentialMicros().p99());
    for (RpcRun.Pipelined run : rpc.pipelined()) {
      out.line(
          "  %-12s %,12.0f %,9.0f %,9.0f",
          "window " + run.window(), run.perSecond(), run.micros().p50(), run.micros().p99());
    }
    out.line("");
  }

  void resources(Report report) {
    out.line("Resources during the warm throughput step (%,d quotes)", report.settings().quotes());
    out.line(
        "  %-16s %14s %12s %12s %14s",
        "service", "peak RSS MB", "user CPU s", "sys CPU s", "CPU us/quote");
    for (Usage use : report.usage()) {
      out.line(
          "  %-16s %14.0f %12.2f %12.2f %14.1f",
          use.service(),
          use.peakRssMb(),
          use.userSeconds(),
          use.systemSeconds(),
          (use.userSeconds() + use.systemSeconds()) * 1e6 / report.settings().quotes());
    }
    CpuPerQuote cpu = report.cpuPerQuote();
    if (cpu != null) {
      out.line(
          "  CPU per quote: bridge %.1f us, algo %.1f us, mosquitto %s; (bridge + algo) / mosquitto"
              + " %s",
          cpu.bridgeMicros(),
          cpu.algoMicros(),
          cpu.mosquittoMicros() == null
              ? "not measured"
              : Targets.format("%.1f us", cpu.mosquittoMicros()),
          cpu.suiteToBroker() == null ? "-" : Targets.format("%.2f x", cpu.suiteToBroker()));
    }
    out.line("");
  }

  private void row(String path, Throughput run, String toCeiling) {
    out.line(
        ROW,
        path,
        run.perSecond(),
        run.seconds(),
        run.arrived(),
        toCeiling,
        run.complete() ? "" : "  (incomplete: " + (run.sent() - run.arrived()) + " missing)");
  }

  private static String ratio(double value) {
    return Targets.format("%.2f", value);
  }
}
