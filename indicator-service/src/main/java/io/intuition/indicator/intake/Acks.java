package io.intuition.indicator.intake;

import io.intuition.common.mqtt.Received;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * The quotes taken and not yet acknowledged, in arrival order: each is acknowledged once every
 * publish of its values is confirmed and every quote before it is done, since MQTT wants its
 * acknowledgements in order. A quote whose publish failed is never acknowledged: the broker
 * delivers it again on the next connection. Thread-safe.
 */
final class Acks {
  private final Broker broker;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();

  /** One quote message and the publishes it still waits for. */
  static final class Entry {
    private final Received message;
    private int waiting;
    private boolean failed;

    private Entry(Received message, int waiting) {
      this.message = message;
      this.waiting = waiting;
    }
  }

  Acks(Broker broker) {
    this.broker = broker;
  }

  /** Takes a message that waits for {@code publishes} confirmations; none acknowledges it now. */
  synchronized Entry open(Received message, int publishes) {
    Entry entry = new Entry(message, publishes);
    entries.add(entry);
    release();
    return entry;
  }

  /** One publish of {@code entry} is over: confirmed, or failed. */
  synchronized void done(Entry entry, boolean confirmed) {
    entry.waiting--;
    entry.failed |= !confirmed;
    release();
  }

  /** How many messages are taken and not done. */
  synchronized int held() {
    return entries.size();
  }

  /** Waits up to {@code limit} until every message taken is done; returns whether they are. */
  synchronized boolean awaitEmpty(Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!entries.isEmpty()) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  private void release() {
    while (!entries.isEmpty() && entries.peek().waiting <= 0) {
      Entry head = entries.poll();
      if (!head.failed) {
        broker.ack(head.message);
      }
    }
    if (entries.isEmpty()) {
      notifyAll();
    }
  }
}
