package io.intuition.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The test cluster of three NATS nodes. */
class NatsClusterIT {

  @Test
  void start_everyNodeAcceptsMqtt_andAStoppedNodeComesBack() {
    try (NatsCluster cluster = NatsCluster.start()) {
      assertThat(cluster.mqttUrls(2))
          .isEqualTo(
              "mqtt://127.0.0.1:%d,mqtt://127.0.0.1:%d,mqtt://127.0.0.1:%d"
                  .formatted(cluster.mqttPort(2), cluster.mqttPort(3), cluster.mqttPort(1)));

      cluster.stop(3);
      assertThat(cluster.isRunning(3)).isFalse();

      cluster.restart(3);
      assertThat(cluster.isRunning(3)).isTrue();
    }
  }
}
