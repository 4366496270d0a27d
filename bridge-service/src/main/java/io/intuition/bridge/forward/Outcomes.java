package io.intuition.bridge.forward;

import io.intuition.common.log.Excerpt;
import io.intuition.common.log.ThrottledLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what became of each message: its orders, or its rejection with the reason. Runs on the
 * forwarder's thread; publish confirmations come back through {@code forwarderThread}.
 */
final class Outcomes {
  private static final Logger log = LoggerFactory.getLogger(Outcomes.class);
  private final ThrottledLog rejections = ThrottledLog.of(log);

  private final ForwardSettings settings;
  private final Broker broker;
  private final Payloads payloads;
  private final Stats stats;
  private final Executor forwarderThread;
  private long failedPublishes;
  private int unconfirmed;

  Outcomes(
      ForwardSettings settings,
      Broker broker,
      Payloads payloads,
      Stats stats,
      Executor forwarderThread) {
    this.settings = settings;
    this.broker = broker;
    this.payloads = payloads;
    this.stats = stats;
    this.forwarderThread = forwarderThread;
  }

  /** Publishes the algorithm's orders, each already JSON. */
  void orders(Entry entry, List<byte[]> orders) {
    entry.answered = true;
    if (!orders.isEmpty()) {
      stats.timed(stats.quoteToOrder, entry.arrived);
    }
    for (byte[] order : orders) {
      stats.orders.incrementAndGet();
      if (log.isDebugEnabled()) {
        log.debug("order: {}", Payloads.excerpt(order));
      }
      publish(entry, settings.ordersTopic(), order);
    }
  }

  /** Logs, counts and publishes a rejection; the message is then handled. */
  void reject(Entry entry, String reason, Rejection kind) {
    entry.answered = true;
    stats.rejected(kind);
    String topic = entry.message.topic();
    String excerpt = Payloads.excerpt(entry.message.payload());
    rejections.warn(
        "rejected a message on {}: {}; payload: {}",
        Excerpt.of(topic),
        Excerpt.escape(reason),
        excerpt);
    String rejectedTopic = settings.rejectedTopic(topic);
    if (rejectedTopic != null) {
      Map<String, Object> rejection = new LinkedHashMap<>();
      rejection.put("topic", topic);
      rejection.put("reason", reason);
      rejection.put("payload", excerpt);
      publish(entry, rejectedTopic, payloads.write(rejection));
    }
  }

  /** Publishes handed to the broker and not yet confirmed. */
  int unconfirmed() {
    return unconfirmed;
  }

  private void publish(Entry entry, String topic, byte[] payload) {
    entry.publishing++;
    unconfirmed++;
    broker.publish(
        topic, payload, error -> forwarderThread.execute(() -> published(entry, topic, error)));
  }

  /** Logs the first failure of a run of failed publishes, and the recovery, not each one. */
  private void published(Entry entry, String topic, Throwable error) {
    entry.publishing--;
    unconfirmed--;
    if (error != null) {
      entry.keepUnacknowledged = true;
      if (failedPublishes++ == 0) {
        log.warn(
            "could not publish to {} ({}); the messages answered will be delivered again",
            topic,
            error.getMessage());
      }
    } else if (failedPublishes > 0) {
      log.info("publishing again after {} failed publishes", failedPublishes);
      failedPublishes = 0;
    }
  }
}
