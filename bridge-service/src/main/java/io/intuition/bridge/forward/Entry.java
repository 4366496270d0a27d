package io.intuition.bridge.forward;

/** One message on its way through the forwarder. Owned by the forwarder's thread. */
final class Entry implements Comparable<Entry> {
  final long sequence;
  final Inbound message;
  final long arrived = System.nanoTime();
  boolean answered;
  int publishing;
  boolean keepUnacknowledged;

  Entry(long sequence, Inbound message) {
    this.sequence = sequence;
    this.message = message;
  }

  /** Answered and every resulting publish confirmed: ready to acknowledge. */
  boolean isDone() {
    return answered && publishing == 0;
  }

  @Override
  public int compareTo(Entry other) {
    return Long.compare(sequence, other.sequence);
  }
}
