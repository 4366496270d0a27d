package io.intuition.common.testing;

import static org.awaitility.Awaitility.await;

import io.intuition.common.cli.Lifecycle;
import io.intuition.common.mqtt.BrokerRefusedException;
import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.mqtt.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A subscriber over the shared MQTT connection, with whatever login and TLS its settings say,
 * recording the messages it receives; for tests of secured brokers, which {@code mosquitto_sub}
 * would need every certificate option for.
 */
public final class TopicRecorder implements AutoCloseable {
  private static final Duration SUBSCRIBED = Duration.ofSeconds(20);

  private final MqttConnection connection;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private TopicRecorder(MqttSettings settings) {
    this.connection = MqttConnection.create(settings, this::take);
  }

  /**
   * Connects to {@code broker} as {@code settings} say, subscribes to {@code topics} and waits
   * until the broker logs the subscriptions.
   *
   * @throws BrokerRefusedException if the broker refuses the connection
   */
  public static TopicRecorder subscribe(
      MosquittoBroker broker, MqttSettings settings, List<String> topics)
      throws InterruptedException, BrokerRefusedException {
    TopicRecorder recorder = new TopicRecorder(settings);
    try {
      if (!recorder.connection.connect(new Lifecycle(Duration.ofSeconds(1)))) {
        throw new IllegalStateException("the recorder was stopped before it connected");
      }
      recorder.connection.subscribe(topics);
      for (String topic : topics) {
        await("the broker to log the subscription to " + topic)
            .atMost(SUBSCRIBED)
            .until(() -> broker.log().contains(settings.clientId() + " 1 " + topic));
      }
      return recorder;
    } catch (RuntimeException | InterruptedException | BrokerRefusedException e) {
      recorder.close();
      throw e;
    }
  }

  /** The payloads received on {@code topic} so far, as text, in order. */
  public List<String> texts(String topic) {
    return received.stream()
        .filter(message -> message.topic().equals(topic))
        .map(message -> new String(message.payload(), StandardCharsets.UTF_8))
        .toList();
  }

  /** The topics of every message received so far, in order. */
  public List<String> topics() {
    return received.stream().map(Received::topic).toList();
  }

  @Override
  public void close() {
    connection.close();
  }

  private void take(Received message) {
    received.add(message);
    connection.ack(message);
  }
}
