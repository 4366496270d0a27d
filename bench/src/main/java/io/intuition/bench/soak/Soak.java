package io.intuition.bench.soak;

import io.intuition.bench.load.QuoteLedger;
import io.intuition.bench.step.Progress;
import io.intuition.launcher.process.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One soak, from a running feed on: samples every process each period while the feed publishes,
 * says so on the progress stream, waits for the last answers once the feed is done, and judges each
 * metric over the samples after the warm-up.
 */
public final class Soak {
  private static final long POLL_MS = 200;

  private final SoakSettings settings;
  private final Sampler sampler;
  private final QuoteLedger ledger;
  private final ServiceProcess feed;
  private final Runnable requireAlive;
  private final Progress progress;
  private final List<String> notes = new ArrayList<>();

  /**
   * A soak of the processes {@code pids} names (the feed's among them), counting with {@code
   * ledger}; {@code requireAlive} throws when a service other than the feed has died.
   */
  public Soak(
      SoakSettings settings,
      Map<String, Long> pids,
      QuoteLedger ledger,
      ServiceProcess feed,
      Runnable requireAlive,
      Progress progress) {
    this.settings = settings;
    this.sampler = new Sampler(pids);
    this.ledger = ledger;
    this.feed = feed;
    this.requireAlive = requireAlive;
    this.progress = progress;
  }

  /**
   * Runs it until the feed is done and the answers are in.
   *
   * @throws IllegalStateException if the feed fails or a service dies
   */
  public SoakResult run(String timestamp) throws InterruptedException {
    long start = System.nanoTime();
    long period = Math.round(settings.sampleSeconds() * 1e9);
    long limit = Math.round((2 * settings.seconds() + 60) * 1e9);
    for (long n = 1; ; n++) {
      sample(Math.round((System.nanoTime() - start) / 1e6) / 1e3); // to the millisecond
      requireAlive.run();
      if (feed.awaitExit(Duration.ofNanos(Math.max(0, start + n * period - System.nanoTime())))) {
        break;
      }
      if (System.nanoTime() - start > limit) {
        notes.add("the feed was stopped after " + limit / 1_000_000_000 + " s, late");
        feed.close();
      }
    }
    int status = feed.exitStatus().orElseThrow();
    if (status != 0) {
      throw new IllegalStateException("feed-service exited with status " + status + ": " + feed);
    }
    drain();
    requireAlive.run();
    return result(timestamp);
  }

  private void sample(double seconds) {
    Map<String, Sample> now = sampler.sample(seconds);
    StringBuilder line = new StringBuilder();
    now.forEach(
        (name, sample) ->
            line.append(
                String.format(
                    Locale.ROOT,
                    " | %s %.1f MB %d fds %d thr",
                    name,
                    sample.rssBytes() / 1e6,
                    sample.fds(),
                    sample.threads())));
    progress.say(
        "soak %s sent %,d answered %,d%s", clock(seconds), ledger.sent(), ledger.answered(), line);
  }

  /** Waits until every quote is answered, or no new answer came for the drain time. */
  private void drain() throws InterruptedException {
    long doneAt = System.nanoTime();
    long idle = Math.round(settings.drainSeconds() * 1e9);
    while (ledger.unanswered() > 0
        && System.nanoTime() - Math.max(doneAt, ledger.lastNewAnswerNanos()) < idle) {
      TimeUnit.MILLISECONDS.sleep(POLL_MS); // counting arrivals: nothing to wait on but time
    }
  }

  private SoakResult result(String timestamp) {
    List<SoakResult.ProcessRun> processes = new ArrayList<>();
    Map<String, Long> pids = sampler.pids();
    sampler
        .series()
        .forEach(
            (name, samples) ->
                processes.add(
                    new SoakResult.ProcessRun(name, pids.get(name), trends(samples), samples)));
    SoakResult.Counts counts =
        new SoakResult.Counts(
            settings.quotes(),
            ledger.sent(),
            ledger.answered(),
            ledger.unanswered(),
            ledger.duplicates());
    return SoakResult.of(timestamp, settings, processes, counts, notes);
  }

  private Map<String, Trend> trends(List<Sample> samples) {
    List<Sample> judged =
        samples.stream().filter(s -> s.seconds() >= settings.warmupSeconds()).toList();
    Map<String, Trend> trends = new LinkedHashMap<>();
    for (Metric metric : Metric.values()) {
      List<Flatness.Point> points =
          judged.stream().map(s -> new Flatness.Point(s.seconds(), metric.of(s))).toList();
      trends.put(metric.label(), Flatness.judge(points, metric.floor()));
    }
    return trends;
  }

  /** {@code 1:05}: minutes and seconds. */
  static String clock(double seconds) {
    long whole = (long) seconds;
    return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
  }
}
