package io.intuition.bridge.forward;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bridge's own limit on what it holds: messages taken from the broker and not yet acknowledged,
 * counted and measured in payload bytes. A broker that respects the bridge's receive window never
 * sends past it; for one that does not, messages past the limit are refused unacknowledged (shed),
 * and the broker delivers them again once the bridge asks for them. Thread-safe: the MQTT client's
 * thread takes, the forwarder's releases.
 */
final class Intake {
  private final int maxMessages;
  private final long maxBytes;
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong shed;
  private final AtomicBoolean shedding = new AtomicBoolean();

  Intake(int maxMessages, long maxBytes, AtomicLong shed) {
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
    this.shed = shed;
  }

  /**
   * Takes a message of {@code size} bytes if it fits the limit, else counts it as shed.
   *
   * @return whether it was taken
   */
  boolean tryTake(int size) {
    if (!shedding.get()) {
      long held = messages.incrementAndGet();
      long heldBytes = bytes.addAndGet(size);
      // a lone message is always taken, however large, so that one cannot block the rest
      if (held == 1 || held <= maxMessages && heldBytes <= maxBytes) {
        return true;
      }
      messages.decrementAndGet();
      bytes.addAndGet(-size);
      shedding.set(true);
    }
    shed.incrementAndGet();
    return false;
  }

  /** Gives back the room of a message that left the bridge (acknowledged or handed back). */
  void release(int size) {
    messages.decrementAndGet();
    bytes.addAndGet(-size);
  }

  /** Whether messages were shed since {@link #resume()}, so the broker holds some for us. */
  boolean isShedding() {
    return shedding.get();
  }

  /** Takes messages again, once the broker was asked for the shed ones. */
  void resume() {
    shedding.set(false);
  }

  /** Messages held now. */
  long held() {
    return messages.get();
  }
}
