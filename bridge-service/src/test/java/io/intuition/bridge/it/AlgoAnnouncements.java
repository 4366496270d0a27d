package io.intuition.bridge.it;

import io.intuition.common.discovery.Announcement;
import io.intuition.common.discovery.AnnouncementJson;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Announces an algo as the algo-service would, retained at QoS 1 on {@code services/algo/<name>}:
 * for tests that start an algo-service that does not announce itself.
 */
final class AlgoAnnouncements {
  private AlgoAnnouncements() {}

  /** Retains the birth of algo {@code name} serving at {@code rpc}, of start {@code seq}. */
  static void birth(String brokerUrl, String name, String rpc, long seq) throws MqttException {
    retain(
        brokerUrl,
        new Announcement(
            name,
            "algo",
            Announcement.ONLINE,
            "test",
            rpc,
            "random",
            "fixed-fraction",
            List.of(),
            null,
            seq));
  }

  /** Retains the death of algo {@code name} of start {@code seq}, as its last will would. */
  static void death(String brokerUrl, String name, long seq) throws MqttException {
    retain(brokerUrl, Announcement.offline(name, "algo", seq));
  }

  private static void retain(String brokerUrl, Announcement announcement) throws MqttException {
    String id = "announcer-" + UUID.randomUUID().toString().substring(0, 8);
    MqttClient client = new MqttClient(brokerUrl, id, new MemoryPersistence());
    try {
      client.connect();
      client.publish(announcement.topic(), AnnouncementJson.write(announcement), 1, true);
      client.disconnect();
    } finally {
      client.close();
    }
  }
}
