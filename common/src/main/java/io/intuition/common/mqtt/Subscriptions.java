package io.intuition.common.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels a connection subscribes to at QoS 1, on the client of every connection it opens.
 * Channels are kept in the groups they were added in, and each group is subscribed, and logged, on
 * its own: {@code subscribed to [quotes]} reads the same whatever else the service subscribes to.
 */
final class Subscriptions {
  // logged as the connection's: users read one logger for the MQTT link
  private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

  private final List<List<String>> groups = new CopyOnWriteArrayList<>();

  /** Adds the channels not subscribed yet, as one group; returns it, maybe empty. */
  synchronized List<String> add(List<String> channels) {
    List<String> added = new ArrayList<>();
    for (String channel : channels) {
      if (!added.contains(channel) && groups.stream().noneMatch(g -> g.contains(channel))) {
        log.info("subscribing to channel {}", channel);
        added.add(channel);
      }
    }
    if (!added.isEmpty()) {
      groups.add(List.copyOf(added));
    }
    return List.copyOf(added);
  }

  /** Subscribes {@code client} to every group, when it is connected: a new connection's client. */
  void subscribeAll(Transport client) {
    for (List<String> group : groups) {
      subscribe(client, group);
    }
  }

  /** Subscribes {@code client} to {@code group}, when it is connected and the group not empty. */
  void subscribe(Transport client, List<String> group) {
    if (group.isEmpty() || client == null || !client.isConnected()) {
      return;
    }
    try {
      client.subscribe(group.toArray(String[]::new), 1, failure -> subscribed(group, failure));
    } catch (TransportException e) {
      log.warn("could not subscribe to {}: {}", group, e.getMessage());
    }
  }

  private static void subscribed(List<String> group, Throwable failure) {
    if (failure == null) {
      log.info("subscribed to {}", group);
    } else {
      log.warn("could not subscribe to {}: {}", group, Reasons.of(failure));
    }
  }
}
