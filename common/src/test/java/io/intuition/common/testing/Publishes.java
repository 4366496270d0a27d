package io.intuition.common.testing;

import io.intuition.common.mqtt.MqttConnection;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Publishes over the shared MQTT connection as a future, for tests that wait for the outcome. */
public final class Publishes {
  private Publishes() {}

  /**
   * Publishes {@code text} to {@code topic} at QoS 1; the future completes once the broker confirms
   * it, or fails with the failure the connection reports.
   */
  public static CompletableFuture<Void> confirmed(
      MqttConnection connection, String topic, String text) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    connection.publish(
        topic,
        text.getBytes(StandardCharsets.UTF_8),
        1,
        false,
        failure -> {
          if (failure == null) {
            done.complete(null);
          } else {
            done.completeExceptionally(failure);
          }
        });
    return done;
  }
}
