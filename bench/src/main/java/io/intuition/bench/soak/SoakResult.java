package io.intuition.bench.soak;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one soak saw, as written to {@code bench-results/soak-<timestamp>.json}.
 *
 * @param timestamp when it started
 * @param settings how it ran
 * @param processes each process sampled, in the order of the table
 * @param counts the quotes sent and answered
 * @param notes what the reader should know, such as a feed stopped for running late
 * @param passed whether every metric passed and no quote was lost: exit code 0
 */
public record SoakResult(
    String timestamp,
    SoakSettings settings,
    List<ProcessRun> processes,
    Counts counts,
    List<String> notes,
    boolean passed) {

  /** Copies the lists. */
  public SoakResult {
    processes = List.copyOf(processes);
    notes = List.copyOf(notes);
  }

  /** A result, passed when every trend passes and nothing was lost. */
  static SoakResult of(
      String timestamp,
      SoakSettings settings,
      List<ProcessRun> processes,
      Counts counts,
      List<String> notes) {
    boolean flat =
        processes.stream()
            .flatMap(process -> process.trends().values().stream())
            .allMatch(trend -> trend.verdict().passes());
    return new SoakResult(
        timestamp, settings, processes, counts, notes, flat && counts.lost() == 0);
  }

  /**
   * One process of the soak.
   *
   * @param name its name: mosquitto, feed-service, bridge-service, algo-service
   * @param pid its process id
   * @param trends each metric (by its label) over the samples after the warm-up
   * @param samples every sample, the warm-up's too
   */
  public record ProcessRun(String name, long pid, Map<String, Trend> trends, List<Sample> samples) {
    /** Copies the trends and the samples. */
    public ProcessRun {
      trends = Collections.unmodifiableMap(new LinkedHashMap<>(trends));
      samples = List.copyOf(samples);
    }
  }

  /**
   * The quotes of the soak.
   *
   * @param planned how many the feed was to send
   * @param sent how many reached the broker (distinct {@code ts} seen on {@code quotes})
   * @param answered how many of those had an order on {@code orders}
   * @param lost how many had none once the drain was over
   * @param duplicates orders that came again for a quote already answered
   */
  public record Counts(long planned, long sent, long answered, long lost, long duplicates) {}
}
