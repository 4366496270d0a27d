package io.intuition.common.mqtt;

import io.intuition.common.cli.FatalErrors;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT 5 through Paho's {@code mqttv5} client: manual acknowledgements, the client's Receive
 * Maximum as the window the broker may send, and the broker's own Receive Maximum as the limit of
 * publishes in flight.
 */
final class PahoV5 implements Transport {
  private static final Logger log = LoggerFactory.getLogger(PahoV5.class);

  /** A session that never expires on its own: {@code 0xFFFFFFFF} seconds. */
  private static final long NEVER_EXPIRES = 0xFFFF_FFFFL;

  /** Paho's reason code when a 3.1.1 broker answers with a CONNACK MQTT 5 cannot read. */
  private static final int V3_CONNACK = MqttException.REASON_CODE_INVALID_RETURN_CODE;

  private static final int UNSUPPORTED_VERSION = 0x84;
  private static final Set<Integer> REFUSALS = Set.of(0x85, 0x86, 0x87, 0x8A, 0x8C, 0x9F);

  private final MqttSettings settings;
  private final MqttAsyncClient client;
  private volatile int serverReceiveMaximum = 65_535;

  PahoV5(MqttSettings settings, Events events) throws TransportException {
    this.settings = settings;
    try {
      client =
          new MqttAsyncClient(
              settings.url().pahoUri(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException | IllegalArgumentException e) {
      throw new TransportException(
          TransportException.Kind.REFUSED, 0, "cannot use " + settings.url() + ": " + e, e);
    }
    client.setManualAcks(true);
    client.setCallback(new Callback(events));
  }

  @Override
  public void connect(long timeoutMs) throws TransportException {
    try {
      IMqttToken token = client.connect(options());
      token.waitForCompletion(timeoutMs);
      MqttProperties properties = token.getResponseProperties();
      if (properties != null && properties.getReceiveMaximum() != null) {
        serverReceiveMaximum = properties.getReceiveMaximum();
      }
    } catch (MqttException e) {
      throw failure(e);
    }
  }

  @Override
  public void disconnect(long timeoutMs) {
    try {
      if (client.isConnected()) {
        client.disconnect(timeoutMs / 2).waitForCompletion(Math.max(timeoutMs, 1_000));
      }
    } catch (MqttException e) {
      log.debug("disconnect: {}", e.getMessage());
    }
  }

  @Override
  public boolean isConnected() {
    return client.isConnected();
  }

  @Override
  public int inflightLimit() {
    return Math.min(settings.maxInflight(), serverReceiveMaximum);
  }

  @Override
  public void subscribe(String[] topics, int qos, Consumer<Throwable> done)
      throws TransportException {
    int[] levels = new int[topics.length];
    java.util.Arrays.fill(levels, qos);
    try {
      client.subscribe(topics, levels, null, new Listener(done, null));
    } catch (MqttException e) {
      throw failure(e);
    }
  }

  @Override
  public void publish(
      String topic, byte[] payload, int qos, boolean retained, Consumer<Throwable> done)
      throws TransportException {
    try {
      client.publish(topic, payload, qos, retained, null, new Listener(done, topic));
    } catch (MqttException e) {
      throw failure(e);
    }
  }

  @Override
  public void ack(int messageId, int qos) throws TransportException {
    try {
      client.messageArrivedComplete(messageId, qos);
    } catch (MqttException e) {
      throw failure(e);
    }
  }

  @Override
  public void close() {
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("close: {}", e.getMessage());
    }
  }

  private MqttConnectionOptions options() {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(!settings.persistentSession());
    options.setSessionExpiryInterval(settings.persistentSession() ? NEVER_EXPIRES : 0L);
    // a connection that drops is replaced by a new client: see MqttConnection
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(10);
    options.setKeepAliveInterval(settings.keepAliveSeconds());
    options.setReceiveMaximum(settings.receiveMaximum());
    if (settings.maxPacketBytes() > 0) {
      options.setMaximumPacketSize(settings.maxPacketBytes());
    }
    options.setSocketFactory(NoDelaySocketFactory.forSettings(settings));
    options.setHttpsHostnameVerificationEnabled(settings.tls().verifyHostname());
    if (settings.username() != null) {
      options.setUserName(settings.username());
    }
    if (settings.password() != null) {
      options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
    }
    LastWill will = settings.lastWill();
    if (will != null) {
      MqttMessage message =
          new MqttMessage(will.payload(), will.qos(), will.retained(), new MqttProperties());
      options.setWill(will.topic(), message);
    }
    return options;
  }

  private static TransportException failure(MqttException e) {
    Optional<String> tls = TlsFailures.lasting(e);
    if (tls.isPresent()) {
      return new TransportException(TransportException.Kind.TLS, 0, tls.get(), e);
    }
    int code = e.getReasonCode();
    TransportException.Kind kind;
    if (code == V3_CONNACK || code == UNSUPPORTED_VERSION) {
      kind = TransportException.Kind.UNSUPPORTED_VERSION;
    } else if (REFUSALS.contains(code)) {
      kind = TransportException.Kind.REFUSED;
    } else if (code == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
      kind = TransportException.Kind.FULL;
    } else {
      kind = TransportException.Kind.OTHER;
    }
    return new TransportException(kind, code, Reasons.of(e), e);
  }

  /**
   * Reports a publish, or a subscription when {@code topic} is null. Paho reports an
   * acknowledgement with a reason code of failure as a success: this reports it as the failure.
   */
  private record Listener(Consumer<Throwable> done, String topic) implements MqttActionListener {
    @Override
    public void onSuccess(IMqttToken token) {
      int refused = ReasonCodes.firstFailure(token.getReasonCodes());
      Throwable failure =
          refused < 0
              ? null
              : topic != null
                  ? new PublishRefusedException(topic, refused)
                  : new IllegalStateException(
                      "the broker refused the subscription: "
                          + ReasonCodes.describe(refused)
                          + " (reason code "
                          + refused
                          + ")");
      FatalErrors.guard(log, "a publish confirmation", () -> done.accept(failure));
    }

    @Override
    public void onFailure(IMqttToken token, Throwable failure) {
      FatalErrors.guard(log, "a publish failure", () -> done.accept(failure));
    }
  }

  private static final class Callback implements MqttCallback {
    private final Events events;

    Callback(Events events) {
      this.events = events;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      FatalErrors.guard(
          log,
          "taking a message",
          () -> events.message(topic, message.getPayload(), message.getId(), message.getQos()));
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      FatalErrors.guard(log, "reconnecting", () -> events.connected(reconnect));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      Throwable cause =
          response.getException() != null
              ? response.getException()
              : new IllegalStateException(
                  "the broker disconnected: reason code " + response.getReturnCode());
      FatalErrors.guard(log, "losing the connection", () -> events.lost(cause));
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      log.debug("MQTT error: {}", Reasons.of(exception));
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
      // each publish reports through its own listener
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
      // no enhanced authentication
    }
  }
}
