package io.intuition.bench.report;

import java.io.PrintStream;
import java.util.Map;

/** Prints a run's results as plain-text tables. */
public final class Table {
  private final Lines out;

  /** A printer to {@code out}. */
  public Table(PrintStream out) {
    this.out = new Lines(out);
  }

  /** Prints every section of {@code report}. */
  public void print(Report report) {
    out.line(
        "Intuition bench %s: %d cores, Java %s, %s",
        report.timestamp(),
        report.machine().cores(),
        report.machine().java(),
        report.machine().os());
    out.line("Broker: %s", report.broker().label());
    out.line("");
    SpeedSections speed = new SpeedSections(out);
    speed.throughput(report);
    speed.latency(report);
    speed.rpc(report);
    speed.resources(report);
    RobustnessSections robustness = new RobustnessSections(out);
    robustness.overload(report);
    robustness.hostile(report);
    steps(report.stepSeconds());
    notes(report);
    targets(report);
    out.flush();
  }

  private void steps(Map<String, Double> seconds) {
    double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    out.line("Steps, seconds (%.0f in all)", total);
    seconds.forEach((step, took) -> out.line("  %-34s %8.1f", step, took));
    out.line("");
  }

  private void notes(Report report) {
    if (report.notes().isEmpty()) {
      return;
    }
    out.line("Notes");
    report.notes().forEach(note -> out.line("  - %s", note));
    out.line("");
  }

  private void targets(Report report) {
    out.line("Targets");
    out.line("  %-52s %-36s %-28s %s", "target", "goal", "measured", "verdict");
    for (Report.Target target : report.targets()) {
      out.line(
          "  %-52s %-36s %-28s %s",
          target.name(), target.goal(), target.measured(), target.met() ? "met" : "MISSED");
    }
  }
}
