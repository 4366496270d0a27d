package io.intuition.bench.soak;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints a soak's verdicts: a table of every metric of every process, then the quotes. */
public final class SoakTable {
  private static final String ROW = "  %-15s %-8s %9s %9s %9s %9s %9s %8s  %s";

  private final PrintStream out;

  /** A printer to {@code out}. */
  public SoakTable(PrintStream out) {
    this.out = out;
  }

  /** Prints {@code result}. */
  public void print(SoakResult result) {
    SoakSettings settings = result.settings();
    line(
        "Soak %s: %s min at %s quotes/s, feed-service -> %s -> bridge-service -> algo-service",
        result.timestamp(), plain(settings.minutes()), plain(settings.rate()), settings.broker());
    line(
        "Samples every %s s; judged after the first %s s: a least-squares line's change over"
            + " that time, growing past the limit (5%% of the mean, at least 8 MB, 4 fds, 2"
            + " threads)",
        plain(settings.sampleSeconds()), plain(settings.warmupSeconds()));
    line(ROW, "process", "metric", "first", "min", "max", "last", "change", "limit", "verdict");
    for (SoakResult.ProcessRun process : result.processes()) {
      rows(process);
    }
    SoakResult.Counts counts = result.counts();
    line("");
    line(
        "sent %,d, answered %,d, lost %,d, duplicates %,d",
        counts.sent(), counts.answered(), counts.lost(), counts.duplicates());
    if (counts.sent() != counts.planned()) {
      line("the feed was to send %,d", counts.planned());
    }
    result.notes().forEach(note -> line("note: %s", note));
    line("%s", summary(result));
    out.flush();
  }

  private void rows(SoakResult.ProcessRun process) {
    String name = process.name();
    for (Metric metric : Metric.values()) {
      Trend trend = process.trends().get(metric.label());
      line(
          ROW,
          name,
          metric.label(),
          metric.format(trend.first()),
          metric.format(trend.min()),
          metric.format(trend.max()),
          metric.format(trend.last()),
          String.format(Locale.ROOT, "%+.1f", trend.change()),
          String.format(Locale.ROOT, "%.1f", trend.limit()),
          trend.verdict());
      name = "";
    }
  }

  private static String summary(SoakResult result) {
    List<String> failed = new ArrayList<>();
    for (SoakResult.ProcessRun process : result.processes()) {
      process
          .trends()
          .forEach(
              (metric, trend) -> {
                if (!trend.verdict().passes()) {
                  failed.add(process.name() + " " + metric + " " + trend.verdict());
                }
              });
    }
    if (result.counts().lost() > 0) {
      failed.add(String.format(Locale.ROOT, "%,d quotes lost", result.counts().lost()));
    }
    return failed.isEmpty()
        ? "passed: no metric grew, no quote lost"
        : "FAILED: " + String.join(", ", failed);
  }

  private void line(String pattern, Object... values) {
    out.println(String.format(Locale.ROOT, pattern, values));
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
