package io.intuition.common.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The channels a connection subscribes to at QoS 1, on the client of every connection it opens. */
final class Subscriptions {
  // logged as the connection's: users read one logger for the MQTT link
  private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

  private final List<String> topics = new CopyOnWriteArrayList<>();

  /** Adds the channels not subscribed yet. */
  void add(List<String> channels) {
    for (String channel : channels) {
      if (!topics.contains(channel)) {
        log.info("subscribing to channel {}", channel);
        topics.add(channel);
      }
    }
  }

  /** Subscribes {@code client} to every channel, when it is connected and there are some. */
  void subscribe(Transport client) {
    if (topics.isEmpty() || client == null || !client.isConnected()) {
      return;
    }
    try {
      client.subscribe(topics.toArray(String[]::new), 1, this::subscribed);
    } catch (TransportException e) {
      log.warn("could not subscribe to {}: {}", topics, e.getMessage());
    }
  }

  private void subscribed(Throwable failure) {
    if (failure == null) {
      log.info("subscribed to {}", topics);
    } else {
      log.warn("could not subscribe to {}: {}", topics, Reasons.of(failure));
    }
  }
}
