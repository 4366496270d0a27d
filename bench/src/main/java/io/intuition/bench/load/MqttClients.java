package io.intuition.bench.load;

import io.intuition.common.mqtt.NoDelaySocketFactory;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** The bench's Paho clients: clean sessions, {@code TCP_NODELAY}, as the suite's own. */
final class MqttClients {
  private static final long CONNECT_TIMEOUT_MS = 10_000;

  private MqttClients() {}

  static MqttAsyncClient connect(String url, String role, int maxInflight) throws MqttException {
    MqttAsyncClient client =
        new MqttAsyncClient(
            url,
            "bench-" + role + "-" + UUID.randomUUID().toString().substring(0, 8),
            new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(maxInflight);
    options.setKeepAliveInterval(60);
    options.setSocketFactory(new NoDelaySocketFactory());
    client.connect(options).waitForCompletion(CONNECT_TIMEOUT_MS);
    return client;
  }

  static void close(MqttAsyncClient client) {
    try {
      if (client.isConnected()) {
        client.disconnect(1_000).waitForCompletion(2_000);
      }
      client.close(true);
    } catch (MqttException e) {
      // closing after the measurements: nothing left to report
    }
  }
}
