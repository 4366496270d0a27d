package io.intuition.common.mqtt;

import io.intuition.common.cli.Lifecycle;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection to the broker that every service uses: MQTT 5 where the broker offers it
 * (3.1.1 otherwise, or when asked), reconnecting by itself and subscribing again, publishing in
 * order within an in-flight limit, and acknowledging received messages only when told to.
 *
 * <p>Every connection is a fresh MQTT client: a publish not confirmed when a connection drops has
 * failed (its sender sends it again if it must), rather than being sent again by a client that
 * remembers too little of the old connection (Paho's MQTT 5 client resends such publishes with
 * topic aliases the new connection does not know). A persistent session keeps the subscriptions and
 * the messages not acknowledged across connections.
 *
 * <p>With several brokers, those of a cluster, it connects to the first it reaches, trying them in
 * turn, and on a connection lost moves on to the next: see {@link Servers}.
 *
 * <p>Thread-safe. Received messages and publish outcomes are reported on the MQTT client's threads:
 * handlers must return at once.
 */
public final class MqttConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);
  private static final long CONNECT_TIMEOUT_MS = 15_000;
  private static final long DISCONNECT_MS = 1_000;

  private final MqttSettings settings;
  private final Servers servers;
  private final MqttHandler handler;
  private final Subscriptions subscriptions = new Subscriptions();
  private final AtomicLong session = new AtomicLong();
  private final Outgoing outgoing = new Outgoing(this::transport);
  private final ExecutorService reconnector =
      Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "mqtt-reconnect"));
  private volatile Transport transport;
  private volatile MqttVersion version;
  private volatile boolean closed;

  private MqttConnection(MqttSettings settings, MqttHandler handler) {
    this.settings = settings;
    this.servers = new Servers(settings);
    this.handler = handler;
  }

  /** A connection to the broker of {@code settings}; nothing happens until {@link #connect}. */
  public static MqttConnection create(MqttSettings settings, MqttHandler handler) {
    return new MqttConnection(settings, handler);
  }

  /**
   * Connects, retrying with backoff while the broker is unreachable, until connected or stopped.
   *
   * @return whether it connected (false: the service was stopped first)
   * @throws BrokerRefusedException if the broker refuses the login, the client id or the protocol,
   *     or TLS fails for a certificate one side does not accept
   */
  public boolean connect(Lifecycle lifecycle) throws InterruptedException, BrokerRefusedException {
    if (settings.url().tls() && !settings.tls().verifyHostname()) {
      log.warn(
          "TLS host name verification is off: any certificate the CA signed passes for broker {}",
          settings.servers());
    }
    Backoff backoff = new Backoff();
    int unreachable = 0;
    MqttVersion trying = settings.version() == MqttVersion.V3 ? MqttVersion.V3 : MqttVersion.V5;
    while (!lifecycle.isStopping() && !closed) {
      MqttSettings server = servers.current();
      try {
        open(trying);
        log.info("connected to broker {} as {} (MQTT {})", server.url(), server.clientId(), trying);
        return true;
      } catch (TransportException e) {
        if (e.kind() == TransportException.Kind.UNSUPPORTED_VERSION
            && settings.version() == MqttVersion.AUTO
            && trying == MqttVersion.V5) {
          log.info("broker {} does not speak MQTT 5; using 3.1.1", server.url());
          trying = MqttVersion.V3;
          continue;
        }
        BrokerRefusedException.throwIfLasting(server, e);
        if (unreachable++ < servers.size()) { // each broker once: a warning, not a flood
          log.warn("broker {} unreachable ({}); retrying", server.url(), e.getMessage());
        }
      }
      if (servers.advance() && lifecycle.awaitStop(backoff.next())) {
        break;
      }
    }
    return false;
  }

  /** The protocol version of the connection, or null before it connected. */
  public MqttVersion version() {
    return version;
  }

  /** Whether the connection is up now. */
  public boolean isConnected() {
    Transport client = transport;
    return client != null && client.isConnected();
  }

  /** Subscribes to {@code channels} at QoS 1, now and after every reconnect. */
  public void subscribe(List<String> channels) {
    subscriptions.subscribe(transport, subscriptions.add(channels));
  }

  /**
   * Publishes; {@code done} gets null once the broker has the message (QoS 1) or it was written
   * (QoS 0), or the failure. Never blocks: publishes past the in-flight limit, or made while the
   * broker is away, wait in order; the caller bounds how many it has outstanding.
   */
  public void publish(
      String topic, byte[] payload, int qos, boolean retained, Consumer<Throwable> done) {
    outgoing.add(topic, payload, qos, retained, done);
  }

  /** Acknowledges a handled message, if the connection it came over is still up. */
  public void ack(Received message) {
    Transport client = transport;
    if (message.session() != session.get() || client == null || !client.isConnected()) {
      return; // the broker delivers it again on the new connection
    }
    try {
      client.ack(message.messageId(), message.qos());
    } catch (TransportException e) {
      log.debug("could not acknowledge message {}: {}", message.messageId(), e.getMessage());
    }
  }

  /**
   * Disconnects and connects again, in the background, so that the broker sends again every message
   * of the persistent session not acknowledged yet. For a client that took fewer messages than the
   * broker sent: acknowledge or finish every message taken before calling this. {@code
   * disconnected} runs, on another thread, once no message of the old connection can arrive any
   * more and before the new connection delivers any.
   */
  public void redeliver(Runnable disconnected) {
    onReconnector(
        () -> {
          Transport old = transport;
          if (old == null || closed) {
            disconnected.run(); // down already: the reconnect under way gets them
            return;
          }
          end(new IllegalStateException("reconnecting for redelivery"));
          old.disconnect(0); // nothing is held any more: no need to let anything finish
          old.close();
          disconnected.run();
          reconnect(" for the messages it holds", false);
        });
  }

  /** Disconnects cleanly, letting queued publishes finish for a moment. */
  @Override
  public void close() {
    closed = true;
    reconnector.shutdownNow();
    Transport client = transport;
    if (client != null) {
      client.disconnect(DISCONNECT_MS);
      client.close();
    }
  }

  private Transport transport() {
    return transport;
  }

  /** Opens a new connection with a new client, then subscribes and sends what waits. */
  private void open(MqttVersion protocol) throws TransportException {
    Transport old = transport;
    if (old != null) {
      old.close(); // a client that never connected
    }
    Events events = new Events();
    MqttSettings server = servers.current();
    Transport client =
        protocol == MqttVersion.V5 ? new PahoV5(server, events) : new PahoV3(server, events);
    events.owner = client;
    transport = client;
    version = protocol;
    client.connect(CONNECT_TIMEOUT_MS);
    subscriptions.subscribeAll(client);
    outgoing.send();
  }

  /**
   * Ends the current connection: what arrives over it from now on is ignored, its messages not
   * acknowledged come again on the next one, and its publishes not confirmed have failed.
   */
  private void end(Throwable cause) {
    transport = null;
    session.incrementAndGet();
    outgoing.lost(cause);
  }

  /**
   * Connects again, on the reconnecting thread, retrying with backoff once every broker was tried;
   * {@code elsewhere}: starting with the next broker, as for a connection lost.
   */
  private void reconnect(String why, boolean elsewhere) {
    if (elsewhere) {
      servers.advance();
    }
    Backoff backoff = new Backoff();
    while (!closed) {
      try {
        open(version);
        if (closed) {
          close(); // closed while connecting: the new client goes too
          return;
        }
        log.info("reconnected to broker {}{}", servers.current().url(), why);
        handler.connected(true);
        return;
      } catch (TransportException e) {
        log.debug("reconnecting to {} failed: {}", servers.current().url(), e.getMessage());
      } catch (RuntimeException e) {
        if (closed) {
          return; // Paho fails in its own ways on a client closed while it connects
        }
        throw e;
      }
      if (!servers.advance()) {
        continue; // the next broker at once
      }
      try {
        Thread.sleep(backoff.next().toMillis()); // the reconnecting thread has nothing else to do
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void onReconnector(Runnable task) {
    try {
      reconnector.execute(task);
    } catch (RejectedExecutionException e) {
      // closed: nothing to reconnect
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  /** What one client reports, passed on while it is the current one. */
  private final class Events implements Transport.Events {
    private volatile Transport owner;

    @Override
    public void connected(boolean reconnect) {
      // every connection is a new client: its first connect is ours, reported by open()
    }

    @Override
    public void lost(Throwable cause) {
      Transport client = owner;
      if (client != transport || closed) {
        return; // a client we ended ourselves
      }
      end(cause);
      log.warn("lost the broker {} ({}); reconnecting", servers.current().url(), Reasons.of(cause));
      handler.lost(cause);
      onReconnector(
          () -> {
            client.close();
            if (transport == null) {
              reconnect("", true);
            }
          });
    }

    @Override
    public void message(String topic, byte[] payload, int messageId, int qos) {
      if (owner == transport) {
        handler.message(new Received(topic, payload, messageId, qos, session.get()));
      }
    }
  }
}
