package io.intuition.common.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A NATS server with JetStream and its MQTT gateway (MQTT 3.1.1 only), started from the local
 * {@code nats-server} binary on free loopback ports, for tests of protocol fallback.
 */
public final class NatsServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final List<Path> SEARCH = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/bin"));

  private final Path directory;
  private final int mqttPort;
  private final ManagedProcess process;

  private NatsServer(Path directory, int mqttPort, ManagedProcess process) {
    this.directory = directory;
    this.mqttPort = mqttPort;
    this.process = process;
  }

  /** The {@code nats-server} binary, if installed. */
  public static Optional<Path> binary() {
    Stream<Path> path =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(dir -> !dir.isEmpty())
            .map(Path::of);
    return Stream.concat(path, SEARCH.stream())
        .map(dir -> dir.resolve("nats-server"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * Starts a server and waits until its MQTT port accepts connections.
   *
   * @throws IllegalStateException if nats-server is not installed or does not start
   */
  public static NatsServer start() {
    Path binary =
        binary().orElseThrow(() -> new IllegalStateException("nats-server is not installed"));
    try {
      Path directory = Files.createTempDirectory("nats-");
      int mqttPort = ProjectPaths.freePort();
      Path config = directory.resolve("nats.conf");
      Files.writeString(
          config,
          String.join(
              "\n",
              "server_name: intuition-test",
              "listen: 127.0.0.1:" + ProjectPaths.freePort(),
              "jetstream { store_dir: \"" + directory.resolve("js") + "\" }",
              "mqtt { listen: 127.0.0.1:" + mqttPort + " }",
              ""));
      ManagedProcess process =
          ManagedProcess.start(
              "nats-server", directory, List.of(binary.toString(), "-c", config.toString()));
      NatsServer server = new NatsServer(directory, mqttPort, process);
      await("nats-server accepting MQTT connections on " + mqttPort)
          .atMost(START_TIMEOUT)
          .until(() -> !process.isAlive() || accepts(mqttPort));
      if (!process.isAlive()) {
        server.close();
        throw new IllegalStateException("nats-server exited: " + process);
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start nats-server", e);
    }
  }

  /** The MQTT gateway's address for Paho: {@code tcp://127.0.0.1:<port>}. */
  public String mqttUrl() {
    return "tcp://127.0.0.1:" + mqttPort;
  }

  @Override
  public void close() {
    process.close();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
