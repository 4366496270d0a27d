package io.intuition.common.log;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Warnings of one kind, rate-limited: at most {@code burst} lines in each interval; the rest are
 * counted, and their count is logged when the interval ends (or on the next line, if it comes
 * first). A flood of bad input then costs a few lines a minute instead of one per message, and the
 * count still shows its size.
 *
 * <p>Thread-safe. One instance per kind of warning.
 */
public final class ThrottledLog {
  /** The interval of {@link #of(Logger)}. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  /** The burst of {@link #of(Logger)}. */
  public static final int DEFAULT_BURST = 5;

  /** Runs a task after a delay; the counts left at an interval's end are logged through it. */
  interface Scheduler {
    void after(long nanos, Runnable task);
  }

  private final Logger log;
  private final long intervalNanos;
  private final int burst;
  private final LongSupplier clock;
  private final Scheduler scheduler;
  private String lastFormat = "";
  private long windowStart;
  private int logged;
  private long suppressed;
  private boolean reportDue;

  ThrottledLog(Logger log, Duration interval, int burst, LongSupplier clock, Scheduler scheduler) {
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, but was " + burst);
    }
    this.log = log;
    this.intervalNanos = interval.toNanos();
    this.burst = burst;
    this.clock = clock;
    this.scheduler = scheduler;
    this.windowStart = clock.getAsLong() - intervalNanos;
  }

  /** At most {@value #DEFAULT_BURST} lines every 10 s, to {@code log}. */
  public static ThrottledLog of(Logger log) {
    return of(log, DEFAULT_INTERVAL, DEFAULT_BURST);
  }

  /** At most {@code burst} lines every {@code interval}, to {@code log}. */
  public static ThrottledLog of(Logger log, Duration interval, int burst) {
    return new ThrottledLog(log, interval, burst, System::nanoTime, Reports::after);
  }

  /**
   * Logs a warning unless this interval's burst is spent; the first one logged after some were
   * suppressed, and not yet reported, ends with {@code (N more like it suppressed)}.
   */
  public void warn(String format, Object... args) {
    long before = take(format);
    if (before < 0) {
      return;
    }
    if (before == 0) {
      log.warn(format, args);
    } else {
      Object[] all = Arrays.copyOf(args, args.length + 1);
      all[args.length] = before;
      log.warn(format + " ({} more like it suppressed)", all);
    }
  }

  /** How many warnings have been suppressed and not yet reported. */
  public synchronized long suppressed() {
    return suppressed;
  }

  /** The count suppressed so far if a line may be logged now (and resets it), else -1. */
  private synchronized long take(String format) {
    long now = clock.getAsLong();
    if (now - windowStart >= intervalNanos) {
      windowStart = now;
      logged = 0;
    }
    lastFormat = format;
    if (logged >= burst) {
      suppressed++;
      if (!reportDue) {
        reportDue = true;
        scheduler.after(windowStart + intervalNanos - now, this::report);
      }
      return -1;
    }
    logged++;
    long count = suppressed;
    suppressed = 0;
    return count;
  }

  /** At an interval's end: logs how many were suppressed in it, if not reported yet. */
  private void report() {
    long count;
    String format;
    synchronized (this) {
      reportDue = false;
      count = suppressed;
      format = lastFormat;
      suppressed = 0;
    }
    if (count > 0) {
      log.warn(
          "{} more warnings like \"{}\" suppressed in the last {} s",
          count,
          format,
          TimeUnit.NANOSECONDS.toSeconds(intervalNanos));
    }
  }

  /** The one daemon thread that logs the counts of every throttled log, made when first needed. */
  private static final class Reports {
    private static final ScheduledExecutorService THREAD =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "throttled-log");
              thread.setDaemon(true);
              return thread;
            });

    static void after(long nanos, Runnable task) {
      THREAD.schedule(task, Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }
  }
}
