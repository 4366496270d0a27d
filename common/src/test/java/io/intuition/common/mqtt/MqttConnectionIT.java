package io.intuition.common.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.intuition.common.cli.Lifecycle;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.MosquittoOptions;
import io.intuition.common.testing.NatsServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared MQTT connection against a real Mosquitto, and a real NATS for MQTT 3.1.1 only. */
class MqttConnectionIT {
  private static final Duration SOON = Duration.ofSeconds(20);

  private final List<AutoCloseable> closing = new ArrayList<>();
  private final Lifecycle lifecycle = new Lifecycle(Duration.ofSeconds(1));

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  @Test
  void connect_toMosquitto_speaksMqtt5() throws Exception {
    MosquittoBroker broker = keep(MosquittoBroker.start());

    MqttConnection connection = connect(settings(broker.url(), MqttVersion.AUTO), message -> {});

    assertThat(connection.version()).isEqualTo(MqttVersion.V5);
    assertThat(connection.isConnected()).isTrue();
  }

  @Test
  void connect_autoToABrokerOfOnlyMqtt311_fallsBackToItAndMessagesFlow() throws Exception {
    NatsServer nats = keep(startNats());
    Received received = new Collector().first(nats.mqttUrl(), MqttVersion.AUTO);

    assertThat(new String(received.payload(), StandardCharsets.UTF_8)).isEqualTo("hello");
  }

  @Test
  void connect_version5ToABrokerOfOnlyMqtt311_isRefusedNamingTheBroker() {
    NatsServer nats = keep(startNats());
    MqttConnection connection =
        keep(MqttConnection.create(settings(nats.mqttUrl(), MqttVersion.V5), message -> {}));

    assertThatThrownBy(() -> connection.connect(lifecycle))
        .isInstanceOf(BrokerRefusedException.class)
        .hasMessageContaining("refused the connection")
        .hasMessageContaining("reason code");
  }

  @Test
  void connect_wrongPassword_isRefusedWithItsReasonCodeInsteadOfRetried(@TempDir Path dir)
      throws Exception {
    Path passwords = dir.resolve("passwords");
    Process passwd =
        new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwords.toString(), "trader", "right")
            .inheritIO()
            .start();
    assertThat(passwd.waitFor()).isZero();
    passwords.toFile().setReadable(true, false);
    MosquittoBroker broker =
        keep(
            MosquittoBroker.start(
                MosquittoOptions.defaults()
                    .withExtraConfig(
                        List.of("allow_anonymous false", "password_file " + passwords))));
    MqttSettings wrong =
        MqttSettings.builder(MqttUrl.parse(broker.url()), "c-" + UUID.randomUUID())
            .login("trader", "wrong")
            .build();
    MqttConnection connection = keep(MqttConnection.create(wrong, message -> {}));

    assertThatThrownBy(() -> connection.connect(lifecycle))
        .isInstanceOf(BrokerRefusedException.class)
        .hasMessageContaining("refused the connection: Not authorized")
        .hasMessageContaining("reason code 135");
  }

  @Test
  void publish_morePublishesThanTheInflightLimit_areAllConfirmedAndArriveInOrder()
      throws Exception {
    MosquittoBroker broker = keep(MosquittoBroker.start());
    Collector subscriber = new Collector();
    MqttConnection sub = connect(persistent(broker.url(), "sub"), subscriber::take);
    sub.subscribe(List.of("ordered"));
    await().atMost(SOON).until(() -> broker.log().contains("ordered"));
    MqttSettings narrow =
        MqttSettings.builder(MqttUrl.parse(broker.url()), "pub-" + UUID.randomUUID())
            .maxInflight(5)
            .build();
    MqttConnection pub = connect(narrow, message -> {});
    AtomicInteger confirmed = new AtomicInteger();

    IntStream.range(0, 500)
        .forEach(
            i ->
                pub.publish(
                    "ordered",
                    Integer.toString(i).getBytes(StandardCharsets.UTF_8),
                    1,
                    false,
                    failure -> {
                      if (failure == null) {
                        confirmed.incrementAndGet();
                      }
                    }));

    await().atMost(SOON).until(() -> confirmed.get() == 500 && subscriber.size() == 500);
    assertThat(subscriber.texts())
        .containsExactlyElementsOf(IntStream.range(0, 500).mapToObj(Integer::toString).toList());
  }

  @Test
  void redeliver_messagesTakenAndNotAcknowledged_comeAgainOnTheNewConnection() throws Exception {
    MosquittoBroker broker = keep(MosquittoBroker.start());
    Collector subscriber = new Collector();
    MqttConnection sub = connect(persistent(broker.url(), "redelivered"), subscriber::take);
    sub.subscribe(List.of("again"));
    await().atMost(SOON).until(() -> broker.log().contains("again"));
    MqttConnection pub = connect(settings(broker.url(), MqttVersion.AUTO), message -> {});
    List.of("a", "b", "c")
        .forEach(
            text -> pub.publish("again", text.getBytes(StandardCharsets.UTF_8), 1, false, f -> {}));
    await().atMost(SOON).until(() -> subscriber.size() == 3);
    sub.ack(subscriber.received.get(0));
    AtomicInteger disconnected = new AtomicInteger();

    sub.redeliver(disconnected::incrementAndGet);

    await().atMost(SOON).until(() -> subscriber.size() == 5);
    assertThat(subscriber.texts()).containsExactly("a", "b", "c", "b", "c");
    assertThat(disconnected.get()).isEqualTo(1);
    assertThat(subscriber.received.get(3).session())
        .isGreaterThan(subscriber.received.get(0).session());
  }

  /** Collects what a connection receives. */
  private final class Collector {
    final List<Received> received = new CopyOnWriteArrayList<>();

    void take(Received message) {
      received.add(message);
    }

    int size() {
      return received.size();
    }

    List<String> texts() {
      return received.stream()
          .map(message -> new String(message.payload(), StandardCharsets.UTF_8))
          .toList();
    }

    /** Subscribes over {@code version}, publishes "hello" and returns it as received. */
    Received first(String url, MqttVersion version) throws Exception {
      MqttConnection sub = connect(persistent(url, "first"), this::take);
      assertThat(sub.version()).isEqualTo(MqttVersion.V3);
      sub.subscribe(List.of("hello"));
      MqttConnection pub = connect(settings(url, version), message -> {});
      // the subscription takes effect a moment after it is asked for: publish until it has
      await()
          .atMost(SOON)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (received.isEmpty()) {
                  pub.publish("hello", "hello".getBytes(StandardCharsets.UTF_8), 1, false, f -> {});
                }
                return !received.isEmpty();
              });
      sub.ack(received.get(0));
      return received.get(0);
    }
  }

  private MqttConnection connect(MqttSettings settings, MqttHandler handler) throws Exception {
    MqttConnection connection = keep(MqttConnection.create(settings, handler));
    assertThat(connection.connect(lifecycle)).isTrue();
    return connection;
  }

  private static MqttSettings settings(String url, MqttVersion version) {
    return MqttSettings.builder(MqttUrl.parse(url), "c-" + UUID.randomUUID())
        .version(version)
        .build();
  }

  private static MqttSettings persistent(String url, String name) {
    return MqttSettings.builder(MqttUrl.parse(url), name + "-" + UUID.randomUUID())
        .persistentSession(true)
        .build();
  }

  private static NatsServer startNats() {
    Assumptions.assumeTrue(NatsServer.binary().isPresent(), "nats-server is not installed");
    return NatsServer.start();
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    closing.add(closeable);
    return closeable;
  }
}
