package io.intuition.bench.service;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows a process's peak resident set ({@code VmHWM}) while it runs, reading it every 200 ms, so
 * that the peak is known even when the process dies: then the last reading stands.
 */
public final class PeakRss implements AutoCloseable {
  private static final long EVERY_MS = 200;

  private final long pid;
  private final ScheduledExecutorService reader;
  private volatile long peakBytes;

  private PeakRss(long pid) {
    this.pid = pid;
    this.reader =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "peak-rss-" + pid);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts following process {@code pid}; without {@code /proc}, the peak stays 0. */
  public static PeakRss watch(long pid) {
    PeakRss rss = new PeakRss(pid);
    if (ProcessUsage.isAvailable()) {
      rss.reader.scheduleAtFixedRate(rss::read, 0, EVERY_MS, TimeUnit.MILLISECONDS);
    }
    return rss;
  }

  /** The peak so far, in MB (10^6 bytes, as the other resident sets of the report). */
  public double peakMb() {
    read();
    return peakBytes / 1e6;
  }

  private synchronized void read() {
    try {
      peakBytes = Math.max(peakBytes, ProcessUsage.of(pid).peakRssBytes());
    } catch (IOException | RuntimeException e) {
      // the process is gone, or /proc is unreadable: the last reading stands
    }
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }
}
