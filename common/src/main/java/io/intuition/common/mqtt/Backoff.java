package io.intuition.common.mqtt;

import java.time.Duration;

/** The waits between attempts to reach a broker: from 250 ms, doubling, up to 5 s. */
final class Backoff {
  private static final Duration FIRST = Duration.ofMillis(250);
  private static final Duration MAX = Duration.ofSeconds(5);

  private Duration wait = FIRST;

  /** The wait before the next attempt: twice the one before, up to the maximum. */
  Duration next() {
    Duration now = wait;
    Duration doubled = wait.multipliedBy(2);
    wait = doubled.compareTo(MAX) > 0 ? MAX : doubled;
    return now;
  }
}
