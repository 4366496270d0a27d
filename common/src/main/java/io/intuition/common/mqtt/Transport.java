package io.intuition.common.mqtt;

import java.util.function.Consumer;

/**
 * One MQTT client library speaking one protocol version, as {@link MqttConnection} drives it. The
 * methods return at once; outcomes come back through {@code done} callbacks and {@link Events}, on
 * the library's threads.
 */
interface Transport extends AutoCloseable {

  /** What the library reports. */
  interface Events {
    void connected(boolean reconnect);

    void lost(Throwable cause);

    void message(String topic, byte[] payload, int messageId, int qos);
  }

  /** Connects and waits up to {@code timeoutMs} for the broker's answer. */
  void connect(long timeoutMs) throws TransportException;

  /** Disconnects cleanly, letting what is in flight finish for up to {@code timeoutMs}. */
  void disconnect(long timeoutMs);

  boolean isConnected();

  /** How many publishes may await confirmation at once, on the current connection. */
  int inflightLimit();

  void subscribe(String[] topics, int qos, Consumer<Throwable> done) throws TransportException;

  /**
   * Publishes; {@code done} gets null once confirmed (QoS 1) or written (QoS 0), else the failure.
   *
   * @throws TransportException of kind {@link TransportException.Kind#FULL} when the in-flight
   *     limit is reached, so the publish waits and is tried again
   */
  void publish(String topic, byte[] payload, int qos, boolean retained, Consumer<Throwable> done)
      throws TransportException;

  /** Acknowledges a received message. */
  void ack(int messageId, int qos) throws TransportException;

  @Override
  void close();
}
