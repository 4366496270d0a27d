package io.intuition.indicator.intake;

import io.intuition.common.mqtt.Received;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A broker that holds each publish until the test confirms or fails it. */
final class FakeBroker implements Broker {
  /** A publish waiting for the broker's answer. */
  record Publish(String topic, String payload, Consumer<Throwable> done) {}

  final List<Publish> publishes = new ArrayList<>();
  final List<Integer> acked = new ArrayList<>();

  @Override
  public synchronized void publish(String topic, byte[] payload, Consumer<Throwable> done) {
    publishes.add(new Publish(topic, new String(payload, StandardCharsets.UTF_8), done));
  }

  @Override
  public synchronized void ack(Received message) {
    acked.add(message.messageId());
  }

  /** Confirms the publish at {@code index}. */
  void confirm(int index) {
    publishes.get(index).done().accept(null);
  }

  /** Confirms every publish so far. */
  void confirmAll() {
    for (int i = 0; i < publishes.size(); i++) {
      confirm(i);
    }
  }
}
