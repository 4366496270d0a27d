package io.intuition.feed.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far a run is: on a terminal, when the total is known, a bar redrawn five times a
 * second; otherwise a log line every five seconds ({@code sent 512/1000 quotes, 98.7/s}). A long
 * wait for the next quote is shown beside the bar until it is over, or else logged once. Runs on
 * its own daemon thread, reading the count it is given.
 */
public final class Progress implements AutoCloseable {
  static final long BAR_PERIOD_MS = 200;
  static final long LOG_PERIOD_MS = 5_000;
  private static final Logger log = LoggerFactory.getLogger(Progress.class);

  private final OptionalLong total;
  private final LongSupplier sent;
  private final PrintWriter terminal;
  private final long start = System.nanoTime();
  private volatile NextQuote next;
  private int drawn;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "progress");
            thread.setDaemon(true);
            return thread;
          });

  private Progress(OptionalLong total, LongSupplier sent, PrintWriter terminal) {
    this.total = total;
    this.sent = sent;
    this.terminal = terminal;
  }

  /**
   * Starts reporting {@code sent} against {@code total}.
   *
   * @param terminal where to draw the bar, or null when standard output is not a terminal
   */
  public static Progress start(OptionalLong total, LongSupplier sent, PrintWriter terminal) {
    Progress progress = new Progress(total, sent, terminal);
    long period = progress.drawsBar() ? BAR_PERIOD_MS : LOG_PERIOD_MS;
    progress.timer.scheduleAtFixedRate(progress::report, period, period, TimeUnit.MILLISECONDS);
    return progress;
  }

  /** Shows that the next quote, of {@code time} (null if it has none), is due in {@code wait}. */
  public void nextDue(Instant time, Duration wait) {
    double seconds = wait.toNanos() / 1e9;
    if (drawsBar()) {
      next = new NextQuote(time, System.nanoTime() + wait.toNanos());
    } else {
      log.info("{}", ProgressBar.nextQuote(time, seconds));
    }
  }

  /** The closing line: {@code sent 1000 quotes in 10.1 s, 98.9/s}. */
  public String summary() {
    long done = sent.getAsLong();
    return String.format(Locale.ROOT, "sent %d quotes in %.1f s, %s", done, seconds(), rate(done));
  }

  /** Stops reporting; the bar is drawn a last time and its line ended. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (drawsBar()) {
      draw();
      terminal.println();
      terminal.flush();
    }
  }

  private boolean drawsBar() {
    return terminal != null && total.isPresent();
  }

  private void report() {
    if (drawsBar()) {
      draw();
      return;
    }
    long done = sent.getAsLong();
    String of = total.isPresent() ? "/" + total.getAsLong() : "";
    log.info("sent {}{} quotes, {}", done, of, rate(done));
  }

  private void draw() {
    long done = sent.getAsLong();
    String line = ProgressBar.render(done, total.getAsLong(), perSecond(done)) + waiting();
    // spaces over what a longer line drew before
    terminal.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
    terminal.flush();
    drawn = line.length();
  }

  private String waiting() {
    NextQuote quote = next;
    long left = quote == null ? 0 : quote.dueAt() - System.nanoTime();
    return left > 0 ? "  " + ProgressBar.nextQuote(quote.time(), left / 1e9) : "";
  }

  private String rate(long done) {
    return ProgressBar.rate(perSecond(done));
  }

  private double perSecond(long done) {
    double seconds = seconds();
    return seconds > 0 ? done / seconds : 0;
  }

  private double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  /** The quote waited for: its time, and the {@link System#nanoTime()} it is due at. */
  private record NextQuote(Instant time, long dueAt) {}
}
