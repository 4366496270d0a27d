package io.intuition.bench.step;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/** Keeps a window of calls in flight for a while, a new one as soon as one is answered. */
final class Pipeline {
  private Pipeline() {}

  /**
   * How many calls were made and how long it took.
   *
   * @param calls the calls made, every one answered
   * @param seconds from the first call to the last answer
   */
  record Result(long calls, double seconds) {
    double perSecond() {
      return calls / seconds;
    }
  }

  /**
   * Makes calls with {@code call}, at most {@code window} in flight, for {@code length}, then waits
   * for the last answers; {@code roundTrip} gets each call's nanoseconds, from the thread that
   * completed it.
   *
   * @throws IllegalStateException if any call failed
   */
  static Result run(
      int window, Duration length, Supplier<CompletableFuture<?>> call, LongConsumer roundTrip)
      throws InterruptedException {
    Semaphore room = new Semaphore(window);
    AtomicLong failures = new AtomicLong();
    long calls = 0;
    long start = System.nanoTime();
    long end = start + length.toNanos();
    while (System.nanoTime() - end < 0) {
      room.acquire();
      long sent = System.nanoTime();
      call.get()
          .whenComplete(
              (result, error) -> {
                roundTrip.accept(System.nanoTime() - sent);
                if (error != null) {
                  failures.incrementAndGet();
                }
                room.release();
              });
      calls++;
    }
    room.acquire(window);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (failures.get() > 0) {
      throw new IllegalStateException(
          failures.get() + " of " + calls + " RPC calls failed at window " + window);
    }
    return new Result(calls, seconds);
  }
}
