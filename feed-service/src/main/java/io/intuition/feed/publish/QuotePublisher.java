package io.intuition.feed.publish;

import io.intuition.common.cli.Lifecycle;
import io.intuition.common.mqtt.NoDelaySocketFactory;
import io.intuition.feed.mqtt.MqttSettings;
import io.intuition.feed.source.Tick;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes ticks as JSON to one topic over a clean session, at most {@value #MAX_IN_FLIGHT}
 * unconfirmed at once. While the broker is away, {@link #publish} waits for Paho to reconnect; the
 * quotes unconfirmed when the connection dropped count as failed. One thread publishes; Paho's
 * threads confirm.
 */
public final class QuotePublisher implements AutoCloseable {
  /** How many publishes may await the broker's confirmation at once. */
  public static final int MAX_IN_FLIGHT = 100;

  private static final Logger log = LoggerFactory.getLogger(QuotePublisher.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(250);
  private static final Duration MAX_RETRY = Duration.ofSeconds(5);
  private static final Duration RECONNECT_POLL = Duration.ofMillis(100);
  private static final long CONNECT_TIMEOUT_MS = 15_000;
  private static final Set<Integer> REFUSALS =
      Set.of(
          (int) MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION,
          (int) MqttException.REASON_CODE_INVALID_CLIENT_ID,
          (int) MqttException.REASON_CODE_FAILED_AUTHENTICATION,
          (int) MqttException.REASON_CODE_NOT_AUTHORIZED);

  private final MqttSettings settings;
  private final String topic;
  private final int qos;
  private final MqttAsyncClient client;
  private final InFlight inFlight = new InFlight(MAX_IN_FLIGHT);

  /**
   * A publisher to {@code topic} at {@code qos}; nothing happens until {@link #connect}.
   *
   * @throws MqttException if Paho rejects the settings
   */
  public QuotePublisher(MqttSettings settings, String topic, int qos) throws MqttException {
    this.settings = settings;
    this.topic = topic;
    this.qos = qos;
    this.client =
        new MqttAsyncClient(settings.url().pahoUri(), settings.clientId(), new MemoryPersistence());
    client.setCallback(new Callback());
  }

  /**
   * Connects, retrying with backoff while the broker is unreachable, until connected or stopped.
   *
   * @return whether it connected (false: the service was stopped first)
   * @throws BrokerRefusedException if the broker refuses the login or the client id
   */
  public boolean connect(Lifecycle lifecycle) throws InterruptedException, BrokerRefusedException {
    Duration wait = FIRST_RETRY;
    boolean warned = false;
    while (!lifecycle.isStopping()) {
      try {
        client.connect(options()).waitForCompletion(CONNECT_TIMEOUT_MS);
        log.info("connected to broker {} as {}", settings.url(), settings.clientId());
        return true;
      } catch (MqttException e) {
        if (REFUSALS.contains(e.getReasonCode())) {
          throw new BrokerRefusedException(
              "broker " + settings.url() + " refused the connection: " + e.getMessage());
        }
        if (!warned) {
          log.warn("broker {} unreachable ({}); retrying", settings.url(), reason(e));
          warned = true;
        }
      }
      if (lifecycle.awaitStop(wait)) {
        break;
      }
      wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
    }
    return false;
  }

  /**
   * Hands {@code tick} to Paho, first waiting for room among the unconfirmed publishes and, while
   * the broker is away, for the reconnection.
   *
   * @return false if the service stopped before the tick could be sent
   */
  public boolean publish(Tick tick, Lifecycle lifecycle) throws InterruptedException {
    InFlight.Confirmation confirmation = inFlight.reserve(lifecycle);
    if (confirmation == null) {
      return false;
    }
    MqttMessage message = new MqttMessage(QuoteJson.encode(tick, Instant.now()));
    message.setQos(qos);
    while (true) {
      try {
        client.publish(topic, message, null, confirmation);
        return true;
      } catch (MqttException | RuntimeException e) {
        if (client.isConnected()) {
          log.warn("could not publish a quote for {}: {}", tick.sid(), reason(e));
          confirmation.complete(e);
          return true;
        }
      }
      if (lifecycle.awaitStop(RECONNECT_POLL)) {
        confirmation.cancel();
        return false;
      }
    }
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

  /** How many quotes were handed to Paho but not confirmed. */
  public long failed() {
    return inFlight.failed();
  }

  /** Disconnects, letting what is in flight finish for a moment. */
  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect(500).waitForCompletion(1_000);
      }
    } catch (MqttException e) {
      log.debug("disconnect: {}", reason(e));
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("close: {}", reason(e));
    }
  }

  private MqttConnectOptions options() {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay((int) MAX_RETRY.toMillis());
    options.setConnectionTimeout(10);
    options.setKeepAliveInterval(30);
    options.setMaxInflight(MAX_IN_FLIGHT);
    options.setSocketFactory(NoDelaySocketFactory.forUrl(settings.url()));
    if (settings.username() != null) {
      options.setUserName(settings.username());
    }
    if (settings.password() != null) {
      options.setPassword(settings.password().toCharArray());
    }
    return options;
  }

  private static String reason(Throwable e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return e.getMessage() + (cause != e ? " (" + cause + ")" : "");
  }

  private final class Callback implements MqttCallbackExtended {
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      if (reconnect) {
        log.info("reconnected to broker {}", settings.url());
      }
    }

    @Override
    public void connectionLost(Throwable cause) {
      log.warn("lost the broker {} ({}); reconnecting", settings.url(), reason(cause));
      inFlight.failAll(cause);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      // publishes only: nothing is subscribed
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // each publish reports through its own confirmation
    }
  }
}
