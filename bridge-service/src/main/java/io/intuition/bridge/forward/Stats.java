package io.intuition.bridge.forward;

import java.util.concurrent.atomic.AtomicLong;

/** The forwarder's counters; written by its thread, readable from any. */
public final class Stats {
  final AtomicLong received = new AtomicLong();
  final AtomicLong forwarded = new AtomicLong();
  final AtomicLong orders = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();
  final AtomicLong retried = new AtomicLong();
  final AtomicLong inFlight = new AtomicLong();
  final AtomicLong shed = new AtomicLong();

  /** Messages taken from the broker. */
  public long received() {
    return received.get();
  }

  /** Messages the algorithm answered. */
  public long forwarded() {
    return forwarded.get();
  }

  /** Orders published. */
  public long orders() {
    return orders.get();
  }

  /** Messages rejected: malformed, or refused by the algorithm. */
  public long rejected() {
    return rejected.get();
  }

  /** Calls sent again after the algorithm was unavailable or had restarted. */
  public long retried() {
    return retried.get();
  }

  /** Messages refused unacknowledged while the bridge held its limit, for the broker to resend. */
  public long shed() {
    return shed.get();
  }

  /** Messages taken and not yet acknowledged. */
  public long inFlight() {
    return inFlight.get();
  }

  @Override
  public String toString() {
    return "received "
        + received
        + ", forwarded "
        + forwarded
        + ", orders "
        + orders
        + ", rejected "
        + rejected
        + ", retried "
        + retried
        + ", in flight "
        + inFlight
        + (shed.get() > 0 ? ", shed " + shed : "");
  }
}
