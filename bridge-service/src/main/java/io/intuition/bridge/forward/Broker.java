package io.intuition.bridge.forward;

import java.util.List;
import java.util.function.Consumer;

/** The broker as the forwarder uses it. Implementations never block and never throw. */
public interface Broker {
  /** Subscribes to the channels, at QoS 1, for as long as the bridge runs. */
  void subscribe(List<String> channels);

  /** Publishes at QoS 1; {@code done} gets null once the broker has it, or the failure. */
  void publish(String topic, byte[] payload, Consumer<Throwable> done);

  /** Acknowledges a received message: the broker may then forget it. */
  void ack(Inbound message);

  /**
   * Asks the broker for every message it sent that was neither acknowledged nor taken: the ones
   * refused while the bridge held its limit. Called when the bridge holds nothing; {@code
   * disconnected} runs, on any thread, once no message can arrive on the old connection any more
   * and before the broker sends them again.
   */
  void redeliver(Runnable disconnected);
}
