package io.intuition.bridge.mqtt;

import io.intuition.bridge.forward.Broker;
import io.intuition.bridge.forward.Inbound;
import io.intuition.common.cli.Lifecycle;
import io.intuition.common.mqtt.NoDelaySocketFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's connection to the broker: a persistent session with manual acknowledgements, kept
 * subscribed across reconnects, that hands every message to a sink without blocking Paho.
 *
 * <p>Messages are acknowledged only through {@link #ack}, once handled; a message whose connection
 * dropped before then is not acknowledged, and the broker delivers it again.
 */
public final class MqttLink implements Broker, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MqttLink.class);
  private static final int QOS = 1;
  // After a reconnect Paho sends again what was in flight and what it buffered, on top of new
  // orders; past this limit a publish fails while connected and its quote would wait for the
  // next reconnect to come back.
  private static final int MAX_INFLIGHT = 20_000;
  private static final int OFFLINE_BUFFER = 100_000;
  private static final Duration FIRST_RETRY = Duration.ofMillis(250);
  private static final Duration MAX_RETRY = Duration.ofSeconds(5);
  private static final long CONNECT_TIMEOUT_MS = 15_000;

  private final MqttSettings settings;
  private final MqttAsyncClient client;
  private volatile Consumer<Inbound> sink = message -> {};
  private final List<String> topics = new CopyOnWriteArrayList<>();
  private final AtomicLong session = new AtomicLong();
  private final Set<Confirmation> unconfirmed = ConcurrentHashMap.newKeySet();
  private volatile boolean intake = true;

  /**
   * A link to the broker in {@code settings}; nothing happens until {@link #connect}.
   *
   * @throws MqttException if Paho rejects the settings
   */
  public MqttLink(MqttSettings settings) throws MqttException {
    this.settings = settings;
    this.client =
        new MqttAsyncClient(settings.url().pahoUri(), settings.clientId(), new MemoryPersistence());
    client.setManualAcks(true);
    client.setCallback(new Callback());
    DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
    buffer.setBufferEnabled(true);
    buffer.setBufferSize(OFFLINE_BUFFER);
    buffer.setPersistBuffer(false);
    buffer.setDeleteOldestMessages(false);
    client.setBufferOpts(buffer);
  }

  /**
   * Connects, retrying with backoff while the broker is unreachable, until connected or stopped,
   * then delivers each received message to {@code sink}, on Paho's thread: the sink must return at
   * once.
   *
   * @return whether it connected (false: the service was stopped first)
   */
  public boolean connect(Lifecycle lifecycle, Consumer<Inbound> sink) throws InterruptedException {
    this.sink = sink;
    Duration wait = FIRST_RETRY;
    boolean warned = false;
    while (!lifecycle.isStopping()) {
      try {
        client.connect(options()).waitForCompletion(CONNECT_TIMEOUT_MS);
        log.info("connected to broker {} as {}", settings.url(), settings.clientId());
        return true;
      } catch (MqttException e) {
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

  /** Subscribes to {@code channels} at QoS 1, now and after every reconnect. */
  @Override
  public void subscribe(List<String> channels) {
    for (String channel : channels) {
      if (!topics.contains(channel)) {
        log.info("subscribing to channel {}", channel);
        topics.add(channel);
      }
    }
    subscribeAll();
  }

  /**
   * Publishes at QoS 1; {@code done} receives null once the broker has the message, or the failure.
   * Queued while the broker is away.
   */
  @Override
  public void publish(String topic, byte[] payload, Consumer<Throwable> done) {
    MqttMessage message = new MqttMessage(payload);
    message.setQos(QOS);
    Confirmation confirmation = new Confirmation(done);
    unconfirmed.add(confirmation);
    try {
      client.publish(topic, message, null, new Listener(confirmation::complete));
    } catch (MqttException | RuntimeException e) {
      confirmation.complete(e);
    }
  }

  /** Acknowledges a handled message, if the connection it came over is still up. */
  @Override
  public void ack(Inbound message) {
    if (message.session() != session.get() || !client.isConnected()) {
      return; // the broker delivers it again on the new connection
    }
    try {
      client.messageArrivedComplete(message.messageId(), message.qos());
    } catch (MqttException | RuntimeException e) {
      log.debug("could not acknowledge message {}: {}", message.messageId(), reason(e));
    }
  }

  /** Stops handing new messages to the sink; they stay unacknowledged for the next session. */
  public void stopIntake() {
    intake = false;
  }

  /** Disconnects cleanly, letting queued publishes finish for a moment. */
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
    options.setCleanSession(false);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay((int) MAX_RETRY.toMillis());
    options.setConnectionTimeout(10);
    options.setKeepAliveInterval(30);
    options.setMaxInflight(MAX_INFLIGHT);
    options.setSocketFactory(NoDelaySocketFactory.forUrl(settings.url()));
    if (settings.username() != null) {
      options.setUserName(settings.username());
    }
    if (settings.password() != null) {
      options.setPassword(settings.password().toCharArray());
    }
    return options;
  }

  private void subscribeAll() {
    if (topics.isEmpty() || !client.isConnected()) {
      return;
    }
    String[] names = topics.toArray(String[]::new);
    int[] qos = new int[names.length];
    Arrays.fill(qos, QOS);
    try {
      client.subscribe(names, qos, null, new Listener(this::subscribed));
    } catch (MqttException e) {
      log.warn("could not subscribe to {}: {}", topics, reason(e));
    }
  }

  private void subscribed(Throwable failure) {
    if (failure == null) {
      log.info("subscribed to {}", topics);
    } else {
      log.warn("could not subscribe to {}: {}", topics, reason(failure));
    }
  }

  /**
   * Paho sends its in-flight publishes again after a reconnect but does not always report on them,
   * so a publish not confirmed when the connection drops counts as failed; the message it answered
   * stays unacknowledged and comes back.
   */
  private void failUnconfirmed(Throwable cause) {
    for (Confirmation confirmation : unconfirmed) {
      confirmation.complete(cause);
    }
  }

  /** Reports a publish's outcome once, whichever of Paho and a connection loss comes first. */
  private final class Confirmation {
    private final Consumer<Throwable> done;

    Confirmation(Consumer<Throwable> done) {
      this.done = done;
    }

    void complete(Throwable failure) {
      if (unconfirmed.remove(this)) {
        done.accept(failure);
      }
    }
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
      // Paho's automatic reconnect does not subscribe again, and the channels may have been
      // set while the broker was away.
      subscribeAll();
    }

    @Override
    public void connectionLost(Throwable cause) {
      session.incrementAndGet();
      failUnconfirmed(cause);
      log.warn("lost the broker {} ({}); reconnecting", settings.url(), reason(cause));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      if (!intake) {
        return;
      }
      try {
        sink.accept(
            new Inbound(
                topic, message.getPayload(), message.getId(), message.getQos(), session.get()));
      } catch (RuntimeException e) {
        // Paho closes the connection when this method throws: never let it.
        log.error("could not take a message from {}", topic, e);
      }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // each publish reports through its own listener
    }
  }

  private record Listener(Consumer<Throwable> done) implements IMqttActionListener {
    @Override
    public void onSuccess(IMqttToken token) {
      done.accept(null);
    }

    @Override
    public void onFailure(IMqttToken token, Throwable failure) {
      done.accept(failure);
    }
  }
}
