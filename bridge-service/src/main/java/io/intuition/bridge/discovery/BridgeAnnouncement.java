package io.intuition.bridge.discovery;

import io.intuition.common.discovery.Announcement;
import io.intuition.common.discovery.Announcer;
import io.intuition.common.discovery.Topics;
import io.intuition.common.mqtt.LastWill;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the bridge says of itself on {@code services/bridge/<name>}: kind {@code bridge}, the algo
 * it calls (a name, or an address), the channels it subscribed to, and where its operations
 * endpoint answers when it has one ({@link #serving}). Its death is the connection's last will from
 * the start; the birth goes out once the bridge has subscribed to the algo's channels, and again
 * when an initialize brings new ones. One {@code seq} for the whole run.
 *
 * <p>Thread-safe.
 */
public final class BridgeAnnouncement {
  static final String KIND = "bridge";

  private final String name;
  private final String algo;
  private final String version;
  private final Instant started;
  private final Set<String> channels = new LinkedHashSet<>();
  private String http;
  private Announcer current;

  /**
   * The announcement of the bridge {@code name} of this {@code version}, calling {@code algo},
   * started at {@code started}.
   *
   * @throws IllegalArgumentException if {@code name} cannot be a topic level
   */
  public BridgeAnnouncement(String name, String algo, String version, Instant started) {
    Topics.requireLevel("bridge name", name);
    this.name = name;
    this.algo = algo;
    this.version = version;
    this.started = started;
  }

  /** The death the broker is to publish if the connection ends without a clean disconnect. */
  public LastWill lastWill() {
    return new Announcer(birth()).lastWill();
  }

  /**
   * Notes that the operations endpoint answers at {@code http}, such as {@code
   * http://bridge-1:9102}; the births to come say so. Call before connecting.
   */
  public synchronized void serving(String http) {
    this.http = http;
  }

  /**
   * Notes channels subscribed to: the announcer of the birth with them, to announce, if they are
   * new; empty if the birth says them already.
   */
  public synchronized Optional<Announcer> subscribed(List<String> more) {
    if (!channels.addAll(more)) {
      return Optional.empty();
    }
    current = new Announcer(birth());
    return Optional.of(current);
  }

  /**
   * Says the bridge went offline, if it was announced, waiting up to {@code timeout} for the
   * broker.
   *
   * @return whether the broker confirmed it, or there was nothing to say
   */
  public boolean stop(Duration timeout) throws InterruptedException {
    Announcer announcer;
    synchronized (this) {
      announcer = current;
    }
    return announcer == null || announcer.stop(timeout);
  }

  private synchronized Announcement birth() {
    return new Announcement(
        name,
        KIND,
        Announcement.ONLINE,
        version,
        null,
        algo,
        null,
        List.copyOf(channels),
        started.toString(),
        Announcer.seq(started),
        http);
  }
}
