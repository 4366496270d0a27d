package io.intuition.common.zmq;

/** A task an {@link EventLoop} runs every period until cancelled. Owned by the loop's thread. */
public final class LoopTimer implements Comparable<LoopTimer> {
  final long periodNanos;
  final Runnable task;
  long due;
  boolean cancelled;

  LoopTimer(long periodNanos, Runnable task, long due) {
    this.periodNanos = periodNanos;
    this.task = task;
    this.due = due;
  }

  /** Stops the timer. Loop thread only. */
  public void cancel() {
    cancelled = true;
  }

  @Override
  public int compareTo(LoopTimer other) {
    return Long.compare(due - other.due, 0);
  }
}
