package io.intuition.bridge.forward;

import io.intuition.common.log.Excerpt;
import io.intuition.common.ops.Status;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the forwarder stands with the algorithm: initializing it, ready, in an outage (retrying
 * with backoff), or refused; and the log line of each change. Forwarder thread only.
 */
final class AlgoHealth {
  // logged as the forwarder's: its lines tell the story of the link to the algo
  private static final Logger log = LoggerFactory.getLogger(Forwarder.class);

  enum State {
    INITIALIZING,
    READY,
    OUTAGE,
    /** The algorithm refused initialize: nothing more is sent, the bridge is told to stop. */
    REFUSED
  }

  private final Supplier<String> address;
  private final Backoff backoff;
  // volatile: the bridge's health reads it from the HTTP server's thread
  private volatile State state = State.INITIALIZING;
  private long outageStart;

  /** Health of the algorithm at {@code address}, asked for each line: the algorithm may move. */
  AlgoHealth(Supplier<String> address, Backoff backoff) {
    this.address = address;
    this.backoff = backoff;
  }

  State state() {
    return state;
  }

  /** Up only when ready: initialized, and its last call answered. Any thread. */
  Status status() {
    return switch (state) {
      case READY -> Status.up("the algo answers");
      case INITIALIZING -> Status.down("the algo is not initialized yet");
      case OUTAGE -> Status.down("the algo does not answer: calls fail, retrying");
      case REFUSED -> Status.down("the algo refused initialize");
    };
  }

  /** A call failed: from ready, an outage begins; either way the next try waits longer. */
  void unavailable(String reason, int held, long now) {
    if (state == State.READY) {
      state = State.OUTAGE;
      outageStart = now;
      log.warn(
          "algo at {} unavailable ({}); holding {} messages, retrying",
          address.get(),
          Excerpt.escape(reason),
          held);
    }
    backoff.failed(now);
  }

  /** The algorithm answered NotInitialized: it restarted, and is initialized again first. */
  void restarted() {
    if (state != State.INITIALIZING) {
      log.warn("algo at {} has restarted: initializing it again", address.get());
      state = State.INITIALIZING;
      backoff.succeeded();
    }
  }

  /** A call was answered: an outage, if any, is over. */
  void answered(int held) {
    if (state != State.OUTAGE) {
      return;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outageStart);
    log.info("algo at {} is back after {} ms; resending {} messages", address.get(), millis, held);
    state = State.READY;
    backoff.succeeded();
  }

  /**
   * The algorithm moved: a call that went to its old address is sent again at once, to the new one,
   * without waiting out the backoff the old address earned.
   */
  void moved() {
    backoff.succeeded();
  }

  void ready() {
    state = State.READY;
  }

  void refused() {
    state = State.REFUSED;
  }
}
