package io.intuition.common.discovery;

import io.intuition.common.log.Excerpt;
import io.intuition.common.log.ThrottledLog;
import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.mqtt.MqttHandler;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services that announced themselves, as their retained topics say: the latest announcement of
 * each kind and name, alive or offline. An announcement replaces the one held only if it {@link
 * Announcement#supersedes supersedes} it, so a stale death of an older process never hides a newer
 * birth; an empty message (a retained announcement cleared) removes the service. It holds at most a
 * limit of services, so a flood of names cannot grow it without end: a new one past it is ignored
 * until one is removed. Malformed messages and those past the limit are ignored, with a
 * rate-limited warning.
 *
 * <p>Thread-safe: messages come on the MQTT client's thread, snapshots go to any thread.
 */
public final class Directory {
  private static final Logger log = LoggerFactory.getLogger(Directory.class);

  /** The services a directory holds at most, by default. */
  public static final int DEFAULT_MAX_SERVICES = 10_000;

  private static final Comparator<Announcement> ORDER =
      Comparator.comparing(Announcement::kind).thenComparing(Announcement::name);

  /** Told of each change, on the MQTT client's thread, in order: implementations return at once. */
  @FunctionalInterface
  public interface Listener {
    /**
     * The service's announcement went from {@code before} to {@code now}; {@code before} is null
     * for a service seen first, {@code now} null for one removed.
     */
    void changed(Announcement before, Announcement now);
  }

  /** A service's identity: its kind and name. */
  private record Key(String kind, String name) {}

  private final Map<Key, Announcement> services = new HashMap<>();
  private final Listener listener;
  private final int maxServices;
  private final ThrottledLog malformed = ThrottledLog.of(log);
  private final ThrottledLog full = ThrottledLog.of(log);
  private long ignored;
  private long messages;
  private long lastMessageNanos = System.nanoTime();
  private volatile MqttConnection connection;

  /** A directory that tells nobody of its changes. */
  public Directory() {
    this((before, now) -> {});
  }

  /** A directory that tells {@code listener} of every change. */
  public Directory(Listener listener) {
    this(listener, DEFAULT_MAX_SERVICES);
  }

  /**
   * A directory that tells {@code listener} of every change and holds at most {@code maxServices}.
   *
   * @throws IllegalArgumentException if {@code maxServices} is not positive
   */
  public Directory(Listener listener, int maxServices) {
    if (maxServices < 1) {
      throw new IllegalArgumentException("max services must be positive, but was " + maxServices);
    }
    this.listener = listener;
    this.maxServices = maxServices;
  }

  /** The handler for the connection {@link #watch} is given: it takes every message. */
  public MqttHandler handler() {
    return message -> {
      MqttConnection connected = connection;
      if (connected != null) {
        connected.ack(message);
      }
      take(message.topic(), message.payload());
    };
  }

  /**
   * Subscribes {@code connected}, made with {@link #handler}, to {@code filter}: {@link
   * Topics#ALL}, one kind's {@code services/<kind>/+}, or one service's topic.
   */
  public void watch(MqttConnection connected, String filter) {
    connection = connected;
    synchronized (this) {
      lastMessageNanos = System.nanoTime(); // the quiet of awaitQuiet starts with the subscription
    }
    connected.subscribe(List.of(filter));
  }

  /** Every service known, alive or offline, by kind then name. */
  public synchronized List<Announcement> snapshot() {
    return services.values().stream().sorted(ORDER).toList();
  }

  /** The latest announcement of the service {@code name} of {@code kind}, if it announced. */
  public synchronized Optional<Announcement> find(String kind, String name) {
    return Optional.ofNullable(services.get(new Key(kind, name)));
  }

  /**
   * Waits until no message has come for {@code quiet} since the last one or since {@link #watch},
   * or {@code limit} has passed: retained messages come at once after subscribing, so a quiet
   * moment means they are all in.
   *
   * @return whether it went quiet within the limit
   */
  public synchronized boolean awaitQuiet(Duration quiet, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      long now = System.nanoTime();
      long quietUntil = lastMessageNanos + quiet.toNanos();
      if (now - quietUntil >= 0) {
        return true;
      }
      if (now - deadline >= 0) {
        return false;
      }
      long waitNanos = Math.min(quietUntil - now, deadline - now);
      wait(Math.max(1, waitNanos / 1_000_000));
    }
  }

  /** How many announcements of new services were ignored, the directory holding its most. */
  public synchronized long ignoredPastTheLimit() {
    return ignored;
  }

  /** How many messages have arrived, announcements or not. */
  public synchronized long messages() {
    return messages;
  }

  /** Takes one message of {@code topic}; never throws on bad input. */
  synchronized void take(String topic, byte[] payload) {
    messages++;
    lastMessageNanos = System.nanoTime();
    notifyAll();
    Key key = key(topic);
    if (key == null) {
      malformed.warn("ignoring a message on {}: not a topic services/<kind>/<name>", topic);
      return;
    }
    if (payload.length == 0) {
      change(key, services.remove(key), null);
      return;
    }
    Announcement said;
    try {
      said = AnnouncementJson.read(payload);
    } catch (IllegalArgumentException e) {
      malformed.warn("ignoring a malformed announcement on {}: {}", topic, e.getMessage());
      return;
    }
    if (!said.kind().equals(key.kind()) || !said.name().equals(key.name())) {
      malformed.warn(
          "ignoring an announcement of {} on another service's topic {}: {}",
          said.topic(),
          topic,
          Excerpt.of(payload, 120));
      return;
    }
    Announcement before = services.get(key);
    if (before == null && services.size() >= maxServices) {
      ignored++;
      full.warn(
          "ignoring the announcement of {}/{}: {} services known already, the most held",
          key.kind(),
          key.name(),
          maxServices);
      return;
    }
    if (said.supersedes(before)) {
      services.put(key, said);
      change(key, before, said);
    } else {
      log.debug(
          "ignoring a stale announcement on {}: seq {} < {}", topic, said.seq(), before.seq());
    }
  }

  private void change(Key key, Announcement before, Announcement now) {
    if (before == null && now == null) {
      return;
    }
    try {
      listener.changed(before, now);
    } catch (RuntimeException e) {
      log.error("a listener of the services failed on {}/{}", key.kind(), key.name(), e);
    }
  }

  private static Key key(String topic) {
    String[] levels = topic.split("/", -1);
    if (levels.length != 3 || !levels[0].equals(Topics.ROOT)) {
      return null;
    }
    try {
      Topics.requireLevel("kind", levels[1]);
      Topics.requireLevel("name", levels[2]);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return new Key(levels[1], levels[2]);
  }
}
