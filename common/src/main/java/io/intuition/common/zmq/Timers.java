package io.intuition.common.zmq;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The timers of an {@link EventLoop}, soonest first. Owned by the loop's thread. */
final class Timers {
  private final PriorityQueue<LoopTimer> queue = new PriorityQueue<>();

  /**
   * A timer that runs {@code task} every {@code periodNanos}, first one period after {@code now}.
   */
  LoopTimer add(long periodNanos, Runnable task, long now) {
    LoopTimer timer = new LoopTimer(periodNanos, task, now + periodNanos);
    queue.add(timer);
    return timer;
  }

  /** Hands every timer due at {@code now} to {@code run}, each due again one period later. */
  void runDue(long now, Consumer<Runnable> run) {
    while (!queue.isEmpty() && now - queue.peek().due >= 0) {
      LoopTimer timer = queue.poll();
      if (!timer.cancelled) {
        timer.due = now + timer.periodNanos;
        queue.add(timer);
        run.accept(timer.task);
      }
    }
  }

  /** Milliseconds to the next timer, at least 1; 0 (no limit) when there is none. */
  long timeoutMillis(long now) {
    while (!queue.isEmpty() && queue.peek().cancelled) {
      queue.poll();
    }
    if (queue.isEmpty()) {
      return 0;
    }
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(queue.peek().due - now + 999_999));
  }
}
