package io.intuition.feed.publish;

import io.intuition.common.cli.Lifecycle;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publishes the broker has yet to confirm, at most a fixed number at once, so that a fast feed
 * waits for the broker instead of queueing without bound. Thread-safe: the MQTT client completes
 * them on its thread.
 */
final class InFlight {
  private static final Logger log = LoggerFactory.getLogger(InFlight.class);
  private static final long POLL_MS = 100;

  private final int limit;
  private final Semaphore permits;
  private final Set<Confirmation> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong confirmed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  InFlight(int limit) {
    this.limit = limit;
    this.permits = new Semaphore(limit);
  }

  /** Waits for room for one more publish; null if the service stops first. */
  Confirmation reserve(Lifecycle lifecycle) throws InterruptedException {
    while (!permits.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
      if (lifecycle.isStopping()) {
        return null;
      }
    }
    Confirmation confirmation = new Confirmation();
    open.add(confirmation);
    return confirmation;
  }

  /** Waits up to {@code timeout} for every open publish to complete; returns whether they did. */
  boolean drain(Duration timeout) throws InterruptedException {
    if (permits.tryAcquire(limit, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      permits.release(limit);
      return true;
    }
    return false;
  }

  long confirmed() {
    return confirmed.get();
  }

  long failed() {
    return failed.get();
  }

  int open() {
    return open.size();
  }

  /** One publish's outcome, counted once. */
  final class Confirmation {

    /** Counts the outcome: confirmed when {@code failure} is null, else failed. */
    void complete(Throwable failure) {
      if (!open.remove(this)) {
        return;
      }
      if (failure == null) {
        confirmed.incrementAndGet();
      } else {
        failed.incrementAndGet();
        log.debug("a quote was not confirmed: {}", failure.toString());
      }
      permits.release();
    }

    /** Gives the room back without counting: the publish was never handed to Paho. */
    void cancel() {
      if (open.remove(this)) {
        permits.release();
      }
    }
  }
}
