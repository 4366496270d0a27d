package io.intuition.common.mqtt;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The brokers a connection tries in turn, from the first: on a broker that cannot be reached, and
 * on a connection lost, it moves on to the next, and after the last to the first again. Brokers of
 * one cluster share the sessions, so the connection picks its session up on any of them.
 *
 * <p>Thread-safe.
 */
final class Servers {
  private final MqttSettings settings;
  private final AtomicInteger index = new AtomicInteger();

  Servers(MqttSettings settings) {
    this.settings = settings;
  }

  /** The settings of the broker to connect to now. */
  MqttSettings current() {
    return settings.onServer(index.get());
  }

  /**
   * Moves on to the next broker.
   *
   * @return whether it came round to the first again: every broker was tried once
   */
  boolean advance() {
    int size = settings.servers().size();
    return index.updateAndGet(i -> (i + 1) % size) == 0;
  }

  /** How many brokers there are. */
  int size() {
    return settings.servers().size();
  }
}
