package io.intuition.bridge.discovery;

import io.intuition.common.discovery.Announcement;
import io.intuition.common.discovery.AnnouncementJson;
import io.intuition.common.discovery.Topics;
import io.intuition.common.log.Excerpt;
import io.intuition.common.log.ThrottledLog;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds one algo by name from its announcements on {@code services/algo/<name>}, and follows it
 * when it moves: {@code moveTo} is told its address once it is first announced alive, and again
 * each time a newer birth gives another address.
 *
 * <p>An announcement that does not supersede the newest one seen (a death with a smaller {@code
 * seq} than the birth before it, of an older process) changes nothing, nor does the same
 * announcement again (the broker sends the retained one on every subscription). A death of the algo
 * is logged, and its address kept: calls to it fail and are retried until it is announced again. A
 * birth at the same address changes nothing either: if the algo restarted there, it says it is not
 * initialized. Malformed announcements are logged, throttled, and ignored.
 *
 * <p>Thread-safe; {@code moveTo} is called on the thread that hands over the announcement, and must
 * not block.
 */
public final class AlgoLocator {
  static final String KIND = "algo";
  private static final Logger log = LoggerFactory.getLogger(AlgoLocator.class);

  private final ThrottledLog malformed = ThrottledLog.of(log);
  private final String name;
  private final String topic;
  private final Consumer<String> moveTo;
  private Announcement newest;
  private String address;

  /**
   * Locates the algo {@code name}, telling {@code moveTo} each address it is to be called at.
   *
   * @throws IllegalArgumentException if {@code name} cannot be a topic level
   */
  public AlgoLocator(String name, Consumer<String> moveTo) {
    Topics.requireLevel("algo name", name);
    this.name = name;
    this.topic = Topics.of(KIND, name);
    this.moveTo = moveTo;
  }

  /** Where the algo announces itself: the topic to watch. */
  public String topic() {
    return topic;
  }

  /** Says, once, that the bridge waits for the algo to announce itself. */
  public void start() {
    log.info("waiting for algo {} to announce itself on {}", name, topic);
  }

  /** The address in use, or null while the algo was never announced alive. */
  public synchronized String address() {
    return address;
  }

  /** Acts on an announcement received on {@link #topic()}; never throws. */
  public synchronized void received(byte[] payload) {
    if (payload.length == 0) {
      return; // the retained announcement was cleared: what is known stays
    }
    Announcement announcement = read(payload);
    if (announcement == null
        || announcement.equals(newest) // the retained message again, on a new subscription
        || !announcement.supersedes(newest)) {
      return;
    }
    newest = announcement;
    if (announcement.isOnline()) {
      born(announcement);
    } else {
      died(announcement);
    }
  }

  private Announcement read(byte[] payload) {
    try {
      Announcement announcement = AnnouncementJson.read(payload);
      if (!announcement.name().equals(name) || !announcement.kind().equals(KIND)) {
        throw new IllegalArgumentException(
            "it is of " + announcement.kind() + " " + announcement.name() + ", not algo " + name);
      }
      if (announcement.isOnline() && (announcement.rpc() == null || announcement.rpc().isBlank())) {
        throw new IllegalArgumentException("a birth without an rpc address");
      }
      return announcement;
    } catch (IllegalArgumentException e) {
      malformed.warn(
          "ignored an announcement on {}: {}; payload: {}",
          topic,
          Excerpt.escape(e.getMessage()),
          Excerpt.of(payload, 120));
      return null;
    }
  }

  private void born(Announcement birth) {
    String rpc = birth.rpc();
    if (rpc.equals(address)) {
      log.info("algo {} announced itself again at {} (seq {})", name, rpc, birth.seq());
      return;
    }
    if (address == null) {
      log.info("algo {} is at {}", name, rpc);
    } else {
      log.warn(
          "algo {} moved from {} to {} (seq {}): following it", name, address, rpc, birth.seq());
    }
    address = rpc;
    moveTo.accept(rpc);
  }

  private void died(Announcement death) {
    if (address != null) {
      log.warn(
          "algo {} at {} is offline (seq {}); calling it there until it announces itself again",
          name,
          address,
          death.seq());
    }
  }
}
