package io.intuition.bench.report;

/** The table's overload and hostile-input sections. */
final class RobustnessSections {
  private final Lines out;

  RobustnessSections(Lines out) {
    this.out = out;
  }

  void overload(Report report) {
    if (report.overload().isEmpty()) {
      return;
    }
    out.line(
        "Overload: %,d quotes at full speed to a fresh suite (bridge defaults: 64 MB heap,"
            + " --max-held 10000), a broker of the bench's own each",
        report.settings().overloadQuotes());
    out.line(
        "  %-18s %21s %8s %10s %9s %14s %12s %10s",
        "broker",
        "answered / sent",
        "stale",
        "duplicates",
        "seconds",
        "bridge RSS MB",
        "bridge exit",
        "shed");
    for (OverloadRun run : report.overload()) {
      out.line(
          "  %-18s %21s %8s %,10d %9.1f %14.0f %12s %10s",
          run.broker(),
          Targets.format("%,d / %,d", run.answered(), run.sent()),
          run.stale() == null ? "unread" : Targets.format("%,d", run.stale()),
          run.duplicates(),
          run.seconds(),
          run.bridgePeakRssMb(),
          run.bridgeExit() == null ? "alive" : run.bridgeExit().toString(),
          run.shed() == null ? "unread" : Targets.format("%,d", run.shed()));
    }
    out.line("");
  }

  void hostile(Report report) {
    if (report.hostile().isEmpty()) {
      return;
    }
    out.line("Hostile input to a fresh algo-service each (default flags), then a fresh ping");
    out.line(
        "  %-32s %-9s %-6s %9s %12s  %s",
        "case", "outcome", "alive", "ping ms", "algo RSS MB", "detail");
    for (HostileRun run : report.hostile()) {
      out.line(
          "  %-32s %-9s %-6s %9s %12.0f  %s",
          run.name(),
          run.refused() ? "refused" : "answered",
          run.alive() ? "yes" : "NO",
          run.pingMillis() == null ? "never" : Targets.format("%,d", run.pingMillis()),
          run.peakRssMb(),
          run.detail());
    }
    out.line("");
  }
}
