package io.intuition.indicator.intake;

import io.intuition.common.mqtt.Received;
import java.util.function.Consumer;

/** The broker as the intake uses it. Implementations never block and never throw. */
public interface Broker {
  /**
   * Publishes at QoS 1, retained; {@code done} gets null once the broker has it, or the failure.
   */
  void publish(String topic, byte[] payload, Consumer<Throwable> done);

  /** Acknowledges a received quote: the broker may then forget it. */
  void ack(Received message);
}
