package io.intuition.common.codec;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Function;

/**
 * What one decode did, run on a thread of its own under a deadline: the event or what it threw, and
 * how many bytes the decoding thread allocated meanwhile. The bytes are decoded twice and the
 * second time measured, so that loading the classes of a path taken first does not count.
 *
 * @param event the event decoded, or null when it threw
 * @param failure what it threw, or null
 * @param allocatedBytes the heap the decoding thread allocated while decoding
 */
record Decoding(Event event, Throwable failure, long allocatedBytes) {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /**
   * Decodes {@code payload}, failing the caller's test if that takes longer than {@code limit}.
   *
   * @throws org.opentest4j.AssertionFailedError if decoding did not finish in time
   */
  static Decoding of(Function<byte[], Event> decoder, byte[] payload, Duration limit) {
    return assertTimeoutPreemptively(limit, () -> measured(decoder, payload), "decoding hangs");
  }

  private static Decoding measured(Function<byte[], Event> decoder, byte[] payload) {
    once(decoder, payload);
    return once(decoder, payload);
  }

  private static Decoding once(Function<byte[], Event> decoder, byte[] payload) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    Event event = null;
    Throwable failure = null;
    try {
      event = decoder.apply(payload);
    } catch (Throwable e) { // the property is about exactly which throwables escape
      failure = e;
    }
    return new Decoding(event, failure, THREADS.getCurrentThreadAllocatedBytes() - before);
  }
}
