package io.intuition.common.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.cli.Lifecycle;
import io.intuition.common.testing.NatsCluster;
import io.intuition.common.testing.Publishes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared MQTT connection given the three nodes of a real NATS cluster, one after another. */
class FailoverIT {
  private static final Duration SOON = Duration.ofSeconds(60);

  private final Lifecycle lifecycle = new Lifecycle(Duration.ofSeconds(1));
  private final List<String> received = new CopyOnWriteArrayList<>();
  private NatsCluster cluster;
  private MqttConnection subscriber;
  private MqttConnection publisher;

  @BeforeEach
  void start() {
    cluster = NatsCluster.start();
    // connect() tries until it connects: a cluster that never takes the client ends the test
    CompletableFuture.runAsync(
        lifecycle::stop, CompletableFuture.delayedExecutor(SOON.toSeconds(), TimeUnit.SECONDS));
  }

  @AfterEach
  void stop() {
    for (MqttConnection connection : new MqttConnection[] {subscriber, publisher}) {
      if (connection != null) {
        connection.close();
      }
    }
    cluster.close();
    lifecycle.stop();
  }

  @Test
  void connect_firstBrokerDown_connectsToTheNext() throws Exception {
    cluster.stop(2);

    subscriber = connect(cluster.mqttUrls(2));

    assertThat(subscriber.isConnected()).isTrue();
  }

  @Test
  void connectedBrokerStops_reconnectsToTheNextAndMessagesFlowAgain() throws Exception {
    subscriber = connect(cluster.mqttUrls(2));
    subscriber.subscribe(List.of("failover"));
    publisher = connect("mqtt://127.0.0.1:" + cluster.mqttPort(1));
    awaitDelivered("before");

    cluster.stop(2);

    awaitDelivered("after");
  }

  private void awaitDelivered(String text) {
    await("\"" + text + "\" delivered")
        .atMost(SOON)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              Publishes.confirmed(publisher, "failover", text);
              return received.contains(text);
            });
  }

  private MqttConnection connect(String urls) throws Exception {
    MqttSettings settings =
        MqttSettings.builder(MqttUrl.parseList(urls), "failover-" + UUID.randomUUID())
            .version(MqttVersion.V3)
            .persistentSession(true)
            .build();
    MqttConnection[] self = new MqttConnection[1];
    self[0] =
        MqttConnection.create(
            settings,
            message -> {
              received.add(new String(message.payload(), StandardCharsets.UTF_8));
              self[0].ack(message);
            });
    assertThat(self[0].connect(lifecycle)).isTrue();
    return self[0];
  }
}
