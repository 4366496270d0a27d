package io.intuition.common.mqtt;

import io.intuition.common.cli.FatalErrors;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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

/** MQTT 3.1.1 through Paho's {@code mqttv3} client, with manual acknowledgements. */
final class PahoV3 implements Transport {
  private static final Logger log = LoggerFactory.getLogger(PahoV3.class);
  private static final Set<Integer> REFUSALS =
      Set.of(
          (int) MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION,
          (int) MqttException.REASON_CODE_INVALID_CLIENT_ID,
          (int) MqttException.REASON_CODE_FAILED_AUTHENTICATION,
          (int) MqttException.REASON_CODE_NOT_AUTHORIZED);

  private final MqttSettings settings;
  private final MqttAsyncClient client;

  PahoV3(MqttSettings settings, Events events) throws TransportException {
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
      client.connect(options()).waitForCompletion(timeoutMs);
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
    return settings.maxInflight();
  }

  @Override
  public void subscribe(String[] topics, int qos, Consumer<Throwable> done)
      throws TransportException {
    int[] levels = new int[topics.length];
    Arrays.fill(levels, qos);
    try {
      client.subscribe(topics, levels, null, new Listener(done));
    } catch (MqttException e) {
      throw failure(e);
    }
  }

  @Override
  public void publish(
      String topic, byte[] payload, int qos, boolean retained, Consumer<Throwable> done)
      throws TransportException {
    try {
      client.publish(topic, payload, qos, retained, null, new Listener(done));
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

  private MqttConnectOptions options() {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setCleanSession(!settings.persistentSession());
    // a connection that drops is replaced by a new client: see MqttConnection
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(10);
    options.setKeepAliveInterval(settings.keepAliveSeconds());
    // Paho also counts what it sends again after a reconnect; the connection keeps its own count
    // below the setting, so this only has to leave room for those
    options.setMaxInflight(Math.min(65_535, settings.maxInflight() * 2));
    options.setSocketFactory(NoDelaySocketFactory.forSettings(settings));
    options.setHttpsHostnameVerificationEnabled(settings.tls().verifyHostname());
    if (settings.username() != null) {
      options.setUserName(settings.username());
    }
    if (settings.password() != null) {
      options.setPassword(settings.password().toCharArray());
    }
    LastWill will = settings.lastWill();
    if (will != null) {
      options.setWill(will.topic(), will.payload(), will.qos(), will.retained());
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
    if (REFUSALS.contains(code)) {
      kind = TransportException.Kind.REFUSED;
    } else if (code == MqttException.REASON_CODE_MAX_INFLIGHT) {
      kind = TransportException.Kind.FULL;
    } else {
      kind = TransportException.Kind.OTHER;
    }
    return new TransportException(kind, code, Reasons.of(e), e);
  }

  private record Listener(Consumer<Throwable> done) implements IMqttActionListener {
    @Override
    public void onSuccess(IMqttToken token) {
      FatalErrors.guard(log, "a publish confirmation", () -> done.accept(null));
    }

    @Override
    public void onFailure(IMqttToken token, Throwable failure) {
      FatalErrors.guard(log, "a publish failure", () -> done.accept(failure));
    }
  }

  private static final class Callback implements MqttCallbackExtended {
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
    public void connectionLost(Throwable cause) {
      FatalErrors.guard(log, "losing the connection", () -> events.lost(cause));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // each publish reports through its own listener
    }
  }
}
