package io.intuition.bridge.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A real MQTT subscriber that collects what the suite publishes: orders and rejections. It keeps a
 * persistent session at QoS 1, so nothing published while the broker restarts is missed.
 */
final class MqttProbe implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One received message, its JSON payload read into a map. */
  record Received(String topic, Map<String, Object> json, String text) {}

  private final MqttClient client;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, List<Received>> byTopic = new ConcurrentHashMap<>();

  private MqttProbe(List<String> brokerUrls, List<String> topics) throws MqttException {
    client =
        new MqttClient(
            brokerUrls.get(0),
            "probe-" + UUID.randomUUID().toString().substring(0, 8),
            new MemoryPersistence());
    client.setCallback(new Collector());
    MqttConnectOptions options = options();
    options.setServerURIs(brokerUrls.toArray(String[]::new));
    client.connect(options);
    subscribe(topics);
  }

  /** Connects to {@code brokerUrl} (tcp://host:port) and subscribes to {@code topics}. */
  static MqttProbe subscribe(String brokerUrl, String... topics) throws MqttException {
    return new MqttProbe(List.of(brokerUrl), List.of(topics));
  }

  /**
   * Connects to the first of {@code brokerUrls} (tcp://host:port) that answers, and after a
   * connection lost to the next that does: for the nodes of a cluster, which share the session.
   */
  static MqttProbe subscribeAny(List<String> brokerUrls, String... topics) throws MqttException {
    return new MqttProbe(List.copyOf(brokerUrls), List.of(topics));
  }

  /** Every message received on {@code topic} so far. */
  List<Received> on(String topic) {
    return byTopic.getOrDefault(topic, List.of());
  }

  /** How many messages arrived on {@code topic}. */
  int count(String topic) {
    return on(topic).size();
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }

  private static MqttConnectOptions options() {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(false);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(1_000);
    options.setMaxInflight(1_000);
    return options;
  }

  private void subscribe(List<String> topics) throws MqttException {
    for (String topic : topics) {
      client.subscribe(topic, 1);
    }
  }

  private void add(String topic, MqttMessage message) {
    String text = new String(message.getPayload(), StandardCharsets.UTF_8);
    Received item = new Received(topic, parse(text), text);
    received.add(item);
    byTopic.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(item);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String text) {
    try {
      return JSON.readValue(text, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON object: " + text, e);
    }
  }

  /**
   * Collects messages. After a reconnect the broker still has the persistent session and its
   * subscriptions; subscribing again from Paho's callback thread would deadlock it.
   */
  private final class Collector implements MqttCallbackExtended {
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void connectionLost(Throwable cause) {}

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      add(topic, message);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
