package io.intuition.bridge.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The end-to-end quote stream against the {@code eclipse-mosquitto:2} image, for machines with
 * Docker; skipped without it. Quotes are published with Paho, so the host needs no mosquitto client
 * and the container may run on a remote Docker host.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerBrokerIT {
  private static final int QUOTES = 2_000;
  private static final int MQTT_PORT = 1883;
  private static final Duration ALL_ANSWERED = Duration.ofMinutes(2);

  @Container
  private final GenericContainer<?> mosquitto =
      new GenericContainer<>(DockerImageName.parse("eclipse-mosquitto:2"))
          .withExposedPorts(MQTT_PORT)
          .withCopyFileToContainer(
              MountableFile.forClasspathResource("docker/mosquitto.conf"),
              "/mosquitto/config/mosquitto.conf")
          .waitingFor(Wait.forListeningPort());

  private ManagedProcess algo;
  private ManagedProcess bridge;
  private MqttProbe probe;

  @AfterEach
  void stop() throws Exception {
    if (probe != null) {
      probe.close();
    }
    if (bridge != null) {
      bridge.close();
    }
    if (algo != null) {
      algo.close();
    }
  }

  @Test
  void quotesInBothShapesThroughTheDockerBroker_getExactlyOneOrderEach() throws Exception {
    String address = mosquitto.getHost() + ":" + mosquitto.getMappedPort(MQTT_PORT);
    String rpc = Suite.freeRpcAddress();
    algo = Suite.algo(rpc);
    bridge =
        Suite.bridge("mqtt://" + address, rpc, "--param", "threshold=0")
            .awaitLog("subscribed to [quotes]", Suite.START);
    probe = MqttProbe.subscribe("tcp://" + address, "orders", "quotes/rejected");

    publish("tcp://" + address, QuoteFeed.lines(0, QUOTES));

    await("an order for every quote; " + bridge + "\nbroker:\n" + mosquitto.getLogs())
        .atMost(ALL_ANSWERED)
        .until(() -> probe.count("orders") >= QUOTES);
    Map<Long, Integer> orders = QuoteFeed.ordersPerTs(probe.on("orders"));
    assertThat(QuoteFeed.unanswered(orders, QUOTES)).isEmpty();
    assertThat(QuoteFeed.duplicates(orders)).isZero();
    assertThat(probe.count("quotes/rejected")).isZero();
  }

  /** Publishes each line as one message at QoS 1, in order. */
  private static void publish(String url, List<String> lines) throws MqttException {
    String clientId = "feed-" + UUID.randomUUID().toString().substring(0, 8);
    try (MqttClient client = new MqttClient(url, clientId, new MemoryPersistence())) {
      MqttConnectOptions options = new MqttConnectOptions();
      // a synchronous publish returns before Paho frees its in-flight slot: leave room, or the
      // next publish fails with "Too many publishes in progress"
      options.setMaxInflight(1_000);
      client.connect(options);
      for (String line : lines) {
        client.publish("quotes", line.getBytes(UTF_8), 1, false);
      }
      client.disconnect();
    }
  }
}
