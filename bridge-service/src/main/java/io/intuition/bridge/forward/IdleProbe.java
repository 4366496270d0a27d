package io.intuition.bridge.forward;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Asks an idle algorithm whether it still answers, so that the bridge's health tells of an algo
 * that died, or came back, while no quote came: once every {@link #EVERY_NANOS} without a call in
 * flight. A failed ping is an outage as a failed call is; an answered one ends it. Forwarder
 * thread.
 */
final class IdleProbe {
  /** How long the forwarder is idle before it pings, and between pings. */
  static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final Algo algo;
  private final AlgoHealth health;
  private final Executor thread;
  private boolean pinging;
  private long next = System.nanoTime() + EVERY_NANOS;

  IdleProbe(Algo algo, AlgoHealth health, Executor thread) {
    this.algo = algo;
    this.health = health;
    this.thread = thread;
  }

  /** Pings when idle long enough and ready or in an outage; a busy forwarder needs no ping. */
  void tick(long now, boolean idle) {
    if (!idle) {
      next = now + EVERY_NANOS;
      return;
    }
    AlgoHealth.State state = health.state();
    boolean known = state == AlgoHealth.State.READY || state == AlgoHealth.State.OUTAGE;
    if (pinging || now - next < 0 || !known) {
      return; // initializing or refused: the handshake decides, not a ping
    }
    pinging = true;
    algo.ping().whenComplete((why, error) -> thread.execute(() -> answered(why)));
  }

  private void answered(String why) {
    pinging = false;
    long now = System.nanoTime();
    next = now + EVERY_NANOS;
    if (why == null) {
      health.answered(0);
    } else {
      health.unavailable("no answer to a ping: " + why, 0, now);
    }
  }
}
