package io.intuition.bridge.forward;

import java.util.ArrayDeque;

/**
 * The messages in progress, in arrival order, from their arrival until they are acknowledged or
 * handed back; keeps the in-flight gauge. Owned by the forwarder's thread.
 */
final class Pipeline {
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final Intake intake;
  private final Broker broker;
  private final Stats stats;
  private long sequence;

  Pipeline(Intake intake, Broker broker, Stats stats) {
    this.intake = intake;
    this.broker = broker;
    this.stats = stats;
  }

  /** Takes a message that arrived, numbered after the ones before it. */
  Entry add(Inbound message) {
    Entry entry = new Entry(sequence++, message);
    entries.add(entry);
    stats.inFlight.set(entries.size());
    return entry;
  }

  /** Whether no message is in progress. */
  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether a publish of some message is not confirmed yet. */
  boolean isPublishing() {
    return entries.stream().anyMatch(e -> e.publishing > 0);
  }

  /**
   * Acknowledges the handled messages at the head, in arrival order. With {@code handBack},
   * messages that were never answered are handed back instead: left unacknowledged.
   */
  void acknowledge(boolean handBack) {
    while (!entries.isEmpty()
        && (entries.peek().isDone() || handBack && !entries.peek().answered)) {
      Entry entry = entries.poll();
      // room first: the broker may send the next message as soon as it has the acknowledgement
      intake.release(entry.message.payload().length);
      if (entry.isDone() && !entry.keepUnacknowledged) {
        broker.ack(entry.message);
      }
    }
    stats.inFlight.set(entries.size());
  }
}
