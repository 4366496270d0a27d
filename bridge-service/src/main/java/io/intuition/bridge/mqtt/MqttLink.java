package io.intuition.bridge.mqtt;

import io.intuition.bridge.forward.Broker;
import io.intuition.bridge.forward.Inbound;
import io.intuition.common.cli.Lifecycle;
import io.intuition.common.discovery.Announcer;
import io.intuition.common.mqtt.BrokerRefusedException;
import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.mqtt.MqttHandler;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.mqtt.PublishRefusedException;
import io.intuition.common.mqtt.Received;
import java.util.List;
import java.util.function.Consumer;

/**
 * The bridge's side of the broker: one persistent-session {@link MqttConnection}, with
 * acknowledgements only once the forwarder has handled a message, seen as the forwarder's {@link
 * Broker}. Received messages go to a sink on the MQTT client's thread, which must not block; those
 * on a {@linkplain #watch watched} topic and on the bridge's own announcement topic are kept from
 * it.
 */
public final class MqttLink implements Broker, AutoCloseable {
  private static final int QOS = 1;
  private static final String SHARED_PREFIX = "$share/";

  private final MqttConnection connection;
  private final Consumer<PublishRefusedException> refused;
  private final String sharedGroup;
  private volatile Consumer<Inbound> sink = message -> {};
  private volatile String watched;
  private volatile Consumer<byte[]> watcher = payload -> {};
  private volatile Consumer<List<String>> subscribed = channels -> {};
  private volatile String ownTopic;
  private volatile MqttHandler announcing;
  private volatile boolean intake = true;

  /**
   * A link to the broker in {@code settings}; nothing happens until {@link #connect}. The channels
   * of {@link #subscribe} are taken through shared subscriptions of {@code sharedGroup} ({@code
   * $share/<group>/<channel>}, which Mosquitto honours over MQTT 3.1.1 and 5 alike) unless it is
   * null; watched topics and announcements never are. {@code refused} is told, on the MQTT client's
   * thread, of each publish the broker refuses in a way retrying cannot mend (MQTT 5's "not
   * authorized" when its ACL forbids the topic).
   */
  public MqttLink(
      MqttSettings settings, String sharedGroup, Consumer<PublishRefusedException> refused) {
    this.connection = MqttConnection.create(settings, new Handler());
    this.sharedGroup = sharedGroup;
    this.refused = refused;
  }

  /**
   * Connects, retrying with backoff while the broker is unreachable, until connected or stopped,
   * then delivers each received message to {@code sink}.
   *
   * @return whether it connected (false: the service was stopped first)
   * @throws BrokerRefusedException if the broker refuses the login, client id or protocol, or TLS
   *     fails for a certificate one side does not accept
   */
  public boolean connect(Lifecycle lifecycle, Consumer<Inbound> sink)
      throws InterruptedException, BrokerRefusedException {
    this.sink = sink;
    return connection.connect(lifecycle);
  }

  /**
   * Subscribes to {@code topic}, and hands each message on it to {@code watcher} instead of the
   * sink, acknowledging it at once: for a retained topic the bridge follows, such as where its algo
   * announces itself. Call before {@link #connect}, once; the watcher must not block or throw.
   */
  public void watch(String topic, Consumer<byte[]> watcher) {
    this.watcher = watcher;
    this.watched = topic;
    connection.subscribe(List.of(topic));
  }

  /** Tells {@code listener} of the channels of every {@link #subscribe}, after subscribing. */
  public void whenSubscribed(Consumer<List<String>> listener) {
    this.subscribed = listener;
  }

  /**
   * Announces the service with {@code announcer} from now on, over the connection: its birth now
   * and after every reconnect; the messages on its own topic are the announcer's. A later announcer
   * replaces this one (its birth says more), which then hears nothing more.
   */
  public void announce(Announcer announcer) {
    announcing = announcer.handler(message -> {});
    ownTopic = announcer.birth().topic();
    announcer.announce(connection);
  }

  @Override
  public void subscribe(List<String> channels) {
    List<String> filters = filters(sharedGroup, channels);
    connection.subscribe(filters);
    subscribed.accept(filters);
  }

  /** {@code channels} as filters of the shared {@code group}, or as they are when it is null. */
  static List<String> filters(String group, List<String> channels) {
    if (group == null) {
      return List.copyOf(channels);
    }
    return channels.stream().map(channel -> SHARED_PREFIX + group + "/" + channel).toList();
  }

  @Override
  public void publish(String topic, byte[] payload, Consumer<Throwable> done) {
    connection.publish(
        topic,
        payload,
        QOS,
        false,
        error -> {
          if (error instanceof PublishRefusedException refusal && refusal.isLasting()) {
            refused.accept(refusal);
          }
          done.accept(error);
        });
  }

  @Override
  public void ack(Inbound message) {
    connection.ack(
        new Received(
            message.topic(),
            message.payload(),
            message.messageId(),
            message.qos(),
            message.session()));
  }

  @Override
  public void redeliver(Runnable disconnected) {
    connection.redeliver(disconnected);
  }

  /** Whether the connection to the broker is up now. Any thread. */
  public boolean isConnected() {
    return connection.isConnected();
  }

  /** Stops handing new messages to the sink; they stay unacknowledged for the next session. */
  public void stopIntake() {
    intake = false;
  }

  /** Disconnects cleanly, letting queued publishes finish for a moment. */
  @Override
  public void close() {
    connection.close();
  }

  private final class Handler implements MqttHandler {
    @Override
    public void connected(boolean reconnect) {
      MqttHandler announcer = announcing;
      if (announcer != null) {
        announcer.connected(reconnect);
      }
    }

    @Override
    public void message(Received message) {
      MqttHandler announcer = announcing;
      if (announcer != null && message.topic().equals(ownTopic)) {
        announcer.message(message);
      } else if (message.topic().equals(watched)) {
        watcher.accept(message.payload());
        connection.ack(message);
      } else if (intake) {
        sink.accept(
            new Inbound(
                message.topic(),
                message.payload(),
                message.messageId(),
                message.qos(),
                message.session()));
      }
    }
  }
}
