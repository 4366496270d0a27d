package io.intuition.feed.pace;

import io.intuition.feed.source.Tick;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Holds each tick until its {@link Schedule} says it is due. Due times are counted from the first
 * tick on {@link System#nanoTime()}, not from the previous send, so the rate does not drift however
 * long each send takes; a short delay is made up by sending the next ticks at once, but after a
 * stall of more than a second (a broker outage) the schedule starts over rather than flood the
 * broker. A tick never goes before the previous one, even if its time is earlier. A wait longer
 * than {@link #LONG_WAIT} is announced before it starts. Single-threaded.
 */
public final class Pacer {
  /** A wait worth telling the user about: longer than this, it is announced. */
  public static final Duration LONG_WAIT = Duration.ofSeconds(5);

  static final long MAX_LAG_NANOS = 1_000_000_000L;
  private static final long MAX_PARK_NANOS = 50_000_000L;

  private final Schedule schedule;
  private final LongSupplier clock;
  private final BiConsumer<Tick, Duration> longWaits;
  private boolean started;
  private long start;
  private long last;

  /** A pacer on the system clock that announces nothing. */
  public Pacer(Schedule schedule) {
    this(schedule, (tick, wait) -> {});
  }

  /**
   * A pacer on the system clock.
   *
   * @param longWaits told of each wait longer than {@link #LONG_WAIT}: the tick and the wait
   */
  public Pacer(Schedule schedule, BiConsumer<Tick, Duration> longWaits) {
    this(schedule, System::nanoTime, longWaits);
  }

  Pacer(Schedule schedule, LongSupplier clock, BiConsumer<Tick, Duration> longWaits) {
    this.schedule = schedule;
    this.clock = clock;
    this.longWaits = longWaits;
  }

  /**
   * Waits until tick number {@code index} (from 0) is due.
   *
   * @return false if {@code stopping} turned true, or the thread was interrupted, first
   */
  public boolean await(long index, Tick tick, BooleanSupplier stopping) {
    long due = due(index, tick);
    long wait = due - clock.getAsLong();
    if (wait > LONG_WAIT.toNanos()) {
      longWaits.accept(tick, Duration.ofNanos(wait));
    }
    for (; wait > 0; wait = due - clock.getAsLong()) {
      if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
        return false;
      }
      LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
    }
    return !stopping.getAsBoolean();
  }

  /** The clock reading at which tick number {@code index} is due. */
  long due(long index, Tick tick) {
    long now = clock.getAsLong();
    if (!started) {
      start = now;
      started = true;
    }
    long due = Math.max(start + schedule.dueNanos(index, tick), last);
    if (now - due > MAX_LAG_NANOS) {
      start += now - due;
      due = now;
    }
    last = due;
    return due;
  }
}
