package io.intuition.broker;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;

/**
 * An MQTT 3.1.1 broker in this process (Moquette), listening on one address, anonymous, with its
 * sessions in memory.
 *
 * <p>In memory, a persistent session ({@code cleanSession=false}) and the QoS 1 messages queued for
 * it outlive a client's disconnect, which is what the bridge relies on, but not this process: a
 * stopped broker starts empty. Persisting to a temporary folder would not change that (a new
 * process would get a new folder), and Moquette's on-disk store adds files to clean up after a
 * crash; Mosquitto is the broker for runs that must survive a broker restart.
 *
 * <p>Moquette 0.17 keeps at most 10 QoS 1 messages in flight per session, and sends unacknowledged
 * ones again every 5 s, also on a live connection, so a client slower than that sees duplicates.
 * After a reconnect it numbers packets from 1 again: a queued message can take the id of one still
 * unacknowledged from the previous connection, which is then dropped. Run against the bridge, with
 * the algo down across a bridge restart, that lost 2 of 8 quotes where Mosquitto lost none. This
 * broker is for trying the suite out; Mosquitto is the one that keeps the bridge's promise.
 */
final class MoquetteBroker implements AutoCloseable {
  // Moquette's default (8092 bytes) drops the connection of a client that publishes more;
  // Mosquitto takes up to the MQTT maximum, and so does this broker.
  static final int MAX_MESSAGE_BYTES = 268_435_455;

  private final Server server;
  private final int port;

  private MoquetteBroker(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts a broker listening on {@code host}:{@code port} ({@code 0}: a free port).
   *
   * @throws IllegalStateException naming the address and the reason when it cannot listen there
   */
  static MoquetteBroker start(String host, int port) {
    Server server = new Server();
    try {
      int chosen = port != 0 ? port : freePort(host);
      server.startServer(new MemoryConfig(settings(host, chosen)), List.of());
      return new MoquetteBroker(server, chosen);
    } catch (IOException | RuntimeException e) {
      stopQuietly(server);
      throw new IllegalStateException(
          "cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
    }
  }

  /** The settings Moquette is started with. */
  static Properties settings(String host, int port) {
    Properties settings = new Properties();
    settings.setProperty(IConfig.HOST_PROPERTY_NAME, host);
    settings.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
    settings.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
    // mosquitto_pub and mosquitto_sub send an empty client id; Mosquitto assigns one, Moquette
    // refuses the connection ("identifier rejected") unless allowed
    settings.setProperty(BrokerConstants.ALLOW_ZERO_BYTE_CLIENT_ID_PROPERTY_NAME, "true");
    // Moquette 0.17 otherwise reports to telemetry.moquette.io at every start
    settings.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
    // on by default, into ./data relative to wherever the broker was started
    settings.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
    settings.setProperty(
        IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(MAX_MESSAGE_BYTES));
    return settings;
  }

  /** The port it listens on: the one asked for, or the one chosen for port 0. */
  int port() {
    return port;
  }

  /** Disconnects every client and stops listening. */
  @Override
  public void close() {
    server.stopServer();
  }

  /**
   * Moquette records the port it bound to for port 0 on a Netty thread, into a plain map, after
   * {@code startServer} returns: reading it at once may give 0. A port chosen here is known.
   */
  private static int freePort(String host) throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    }
  }

  private static void stopQuietly(Server server) {
    try {
      server.stopServer();
    } catch (RuntimeException e) {
      // a broker that failed half way through its start may not stop cleanly; it is gone anyway
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }
}
