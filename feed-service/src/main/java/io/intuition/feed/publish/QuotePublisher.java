package io.intuition.feed.publish;

import io.intuition.common.cli.Lifecycle;
import io.intuition.common.discovery.Announcer;
import io.intuition.common.mqtt.BrokerRefusedException;
import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.mqtt.PublishRefusedException;
import io.intuition.common.mqtt.Received;
import io.intuition.feed.source.Tick;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes ticks as JSON to their {@link QuoteTopics topic} over a clean session, at most {@value
 * #MAX_IN_FLIGHT} unconfirmed at once. While the broker is away, publishes wait in the connection,
 * so {@link #publish} waits for room; the quotes unconfirmed when the connection dropped count as
 * failed. One thread publishes; the MQTT client's threads confirm.
 */
public final class QuotePublisher implements AutoCloseable {
  /** How many publishes may await the broker's confirmation at once. */
  public static final int MAX_IN_FLIGHT = 100;

  /** How long a close waits for the broker to confirm the feed's death. */
  public static final Duration DEATH_WAIT = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(QuotePublisher.class);

  private final QuoteTopics topics;
  private final int qos;
  private final MqttConnection connection;
  private final Announcer announcer;
  private final InFlight inFlight = new InFlight(MAX_IN_FLIGHT);
  private volatile PublishRefusedException refusal;

  /**
   * A publisher to {@code topics} at {@code qos} that announces the feed with {@code announcer},
   * whose will {@code settings} must carry; nothing happens until {@link #connect}.
   */
  public QuotePublisher(MqttSettings settings, QuoteTopics topics, int qos, Announcer announcer) {
    this.topics = topics;
    this.qos = qos;
    this.announcer = announcer;
    this.connection = MqttConnection.create(settings, announcer.handler((Received message) -> {}));
  }

  /**
   * Connects, retrying with backoff while the broker is unreachable, until connected or stopped.
   *
   * @return whether it connected (false: the service was stopped first)
   * @throws BrokerRefusedException if the broker refuses the login or the client id, or TLS fails
   *     for a certificate one side does not accept
   */
  public boolean connect(Lifecycle lifecycle) throws InterruptedException, BrokerRefusedException {
    if (!connection.connect(lifecycle)) {
      return false;
    }
    announcer.announce(connection);
    return true;
  }

  /**
   * Hands {@code tick} to the connection, first waiting for room among the unconfirmed publishes; a
   * tick whose symbol has no topic is refused (counted by {@link QuoteTopics#refusedQuotes}).
   *
   * @return false if the service stopped before the tick could be sent, or the broker refused a
   *     quote in a way retrying cannot mend ({@link #refusal()})
   */
  public boolean publish(Tick tick, Lifecycle lifecycle) throws InterruptedException {
    String topic = topics.of(tick.sid());
    if (topic == null) {
      return true;
    }
    InFlight.Confirmation confirmation = refusal == null ? inFlight.reserve(lifecycle) : null;
    if (confirmation == null) {
      return false;
    }
    connection.publish(
        topic,
        QuoteJson.encode(tick, Instant.now()),
        qos,
        false,
        failure -> {
          if (failure instanceof PublishRefusedException refused && refused.isLasting()) {
            refusal = refused;
          }
          confirmation.complete(failure);
        });
    return true;
  }

  /**
   * The broker's refusal of a quote that retrying cannot mend, such as 0x87 "not authorized" when
   * its ACL does not let the feed write to the topic (MQTT 5 only); null while there is none.
   */
  public PublishRefusedException refusal() {
    return refusal;
  }

  /**
   * Waits up to {@code timeout} for the broker to confirm every publish; returns whether it did.
   */
  public boolean drain(Duration timeout) throws InterruptedException {
    boolean drained = inFlight.drain(timeout);
    if (!drained) {
      log.warn("{} quotes still unconfirmed after {} ms", inFlight.open(), timeout.toMillis());
    }
    return drained;
  }

  /** How many quotes the broker confirmed (at QoS 0: how many were written to it). */
  public long confirmed() {
    return inFlight.confirmed();
  }

  /** Whether the connection to the broker is up now. Any thread. */
  public boolean isConnected() {
    return connection.isConnected();
  }

  /** How many quotes were handed to the connection but not confirmed. */
  public long failed() {
    return inFlight.failed();
  }

  /**
   * Announces the feed offline, then disconnects, letting what is in flight finish for a moment.
   */
  @Override
  public void close() {
    try {
      announcer.stop(DEATH_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
