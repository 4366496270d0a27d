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
    // the topics of this subscribe, not those added before its answer comes
    List<String> now = List.copyOf(topics);
    try {
      client.subscribe(now.toArray(String[]::new), 1, failure -> subscribed(now, failure));
    } catch (TransportException e) {
      log.warn("could not subscribe to {}: {}", now, e.getMessage());
    }
  }

  private static void subscribed(List<String> now, Throwable failure) {
    if (failure == null) {
      log.info("subscribed to {}", now);
    } else {
      log.warn("could not subscribe to {}: {}", now, Reasons.of(failure));
    }
  }
}
