package io.intuition.bench.report;

import static io.intuition.bench.report.Targets.format;
import static io.intuition.bench.report.Targets.target;

import java.util.ArrayList;
import java.util.List;

/** The targets of the overload and hostile-input steps: nothing lost, nothing brought down. */
final class RobustnessTargets {
  private RobustnessTargets() {}

  static List<Report.Target> check(List<OverloadRun> overload, List<HostileRun> hostile) {
    List<Report.Target> targets = new ArrayList<>();
    overload.forEach(run -> overload(run, targets));
    hostile.forEach(run -> hostile(run, targets));
    return targets;
  }

  private static void overload(OverloadRun run, List<Report.Target> targets) {
    targets.add(
        target(
            "overload, " + run.broker() + ": answered",
            "every quote",
            format("%,d of %,d", run.answered(), run.sent())
                + (run.staleOrZero() == 0 ? "" : format(", %,d more stale", run.stale()))
                + (run.complete() || run.staleOrZero() == 0
                    ? ""
                    : format(", %,d unseen", run.sent() - run.answered() - run.staleOrZero())),
            run.complete()));
    targets.add(
        target(
            "overload, " + run.broker() + ": bridge RSS",
            "< 150 MB",
            format("%.0f MB", run.bridgePeakRssMb())
                + (run.bridgeExit() == null ? "" : ", exited " + run.bridgeExit()),
            run.bridgePeakRssMb() < Targets.MAX_RSS_MB && run.bridgeExit() == null));
  }

  private static void hostile(HostileRun run, List<Report.Target> targets) {
    String ping =
        run.pingMillis() == null ? ", no ping" : format(", ping %,d ms", run.pingMillis());
    targets.add(
        target(
            "hostile: " + run.name(),
            "refused, alive, next call answered",
            (run.refused() ? "refused" : "answered") + (run.alive() ? ", alive" : ", DIED") + ping,
            run.withstood()));
    targets.add(
        target(
            "hostile: " + run.name() + ": algo RSS",
            "< 150 MB",
            format("%.0f MB", run.peakRssMb()),
            run.peakRssMb() < Targets.MAX_RSS_MB));
  }
}
