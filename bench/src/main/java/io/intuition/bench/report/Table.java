package io.intuition.bench.report;

import java.io.PrintStream;
import java.util.Locale;

/** Prints a run's results as plain-text tables. */
public final class Table {
  private final PrintStream out;

  /** A printer to {@code out}. */
  public Table(PrintStream out) {
    this.out = out;
  }

  /** Prints every section of {@code report}. */
  public void print(Report report) {
    Report.Settings settings = report.settings();
    line(
        "Intuition bench %s: %d cores, Java %s, %s",
        report.timestamp(),
        report.machine().cores(),
        report.machine().java(),
        report.machine().os());
    line("");
    line(
        "Throughput, %,d quotes, QoS 1 (publisher window %d, bridge window %d)",
        settings.quotes(), settings.publishWindow(), settings.bridgeWindow());
    line("  %-34s %12s %10s %10s", "path", "quotes/s", "seconds", "arrived");
    throughput("broker alone (ceiling)", report.ceiling());
    throughput("suite: quote -> bridge -> algo -> order", report.suite());
    line("  suite / ceiling: %.2f", report.suiteToCeiling());
    line("");
    line(
        "Latency, quote ts -> arrival, microseconds (%s s per rate)",
        plain(settings.latencySeconds()));
    line(
        "  %-8s %10s %9s %9s %9s %9s %9s",
        "path", "quotes/s", "arrived", "p50", "p99", "p99.9", "max");
    for (LatencyRun run : report.latency()) {
      Percentiles p = run.micros();
      line(
          "  %-8s %,10.0f %,9d %,9.0f %,9.0f %,9.0f %,9.0f",
          run.path(), run.rate(), p.count(), p.p50(), p.p99(), p.p999(), p.max());
    }
    line("");
    RpcRun rpc = report.rpc();
    line("RPC alone, event(quote) to the algo-service (%s s each)", plain(settings.rpcSeconds()));
    line("  %-12s %12s %9s %9s", "mode", "calls/s", "p50 us", "p99 us");
    line(
        "  %-12s %,12.0f %,9.0f %,9.0f",
        "sequential",
        rpc.sequentialPerSecond(),
        rpc.sequentialMicros().p50(),
        rpc.sequentialMicros().p99());
    for (RpcRun.Pipelined run : rpc.pipelined()) {
      line(
          "  %-12s %,12.0f %,9.0f %,9.0f",
          "window " + run.window(), run.perSecond(), run.micros().p50(), run.micros().p99());
    }
    line("");
    line("Resources during the suite throughput step");
    line("  %-16s %14s %12s %12s", "service", "peak RSS MB", "user CPU s", "sys CPU s");
    for (Usage use : report.usage()) {
      line(
          "  %-16s %14.0f %12.2f %12.2f",
          use.service(), use.peakRssMb(), use.userSeconds(), use.systemSeconds());
    }
    line("");
    line("Targets");
    for (Report.Target target : report.targets()) {
      line(
          "  %-30s %-20s %-18s %s",
          target.name(), target.goal(), target.measured(), target.met() ? "met" : "MISSED");
    }
    out.flush();
  }

  private void throughput(String path, Throughput run) {
    line(
        "  %-34s %,12.0f %10.2f %,10d%s",
        path,
        run.perSecond(),
        run.seconds(),
        run.arrived(),
        run.complete() ? "" : "  (incomplete: " + (run.sent() - run.arrived()) + " missing)");
  }

  private static String plain(double seconds) {
    return java.math.BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
  }

  private void line(String pattern, Object... values) {
    out.println(String.format(Locale.ROOT, pattern, values));
  }
}
