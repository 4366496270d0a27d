package io.intuition.common.mqtt;

/**
 * What a {@link MqttConnection} reports, on the MQTT client's threads: implementations return at
 * once and never block, since the client reads nothing more until they do.
 */
public interface MqttHandler {
  /** A message arrived on a subscribed topic; acknowledge it with {@link MqttConnection#ack}. */
  void message(Received message);

  /** The connection is up; {@code reconnect} after the first time. */
  default void connected(boolean reconnect) {}

  /** The connection dropped; the client reconnects by itself. */
  default void lost(Throwable cause) {}
}
