package io.intuition.common.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A cluster of three NATS servers with clustered JetStream and the MQTT gateway (MQTT 3.1.1 only),
 * started from the local {@code nats-server} binary on free loopback ports, each node with its own
 * config file and store directory in one temporary folder. A node can be stopped and started again;
 * {@link #close()} stops every node and deletes the folder.
 *
 * <p>The MQTT streams, sessions and retained messages among them, keep a copy on each node, not on
 * as many as the cluster had when the first client came: a cluster of three then comes through the
 * loss of any one node.
 *
 * <p>The nodes redeliver a QoS 1 message not acknowledged after {@link #ACK_WAIT}, not NATS's 30 s:
 * NATS sends such messages again by that timer, not when the client reconnects.
 */
public final class NatsCluster implements AutoCloseable {
  /** How long a node waits for the acknowledgement of a QoS 1 message before sending it again. */
  public static final Duration ACK_WAIT = Duration.ofSeconds(5);

  /**
   * How many QoS 1 messages a node sends one subscription before it must acknowledge some: few
   * enough that a slow subscriber works through them within {@link #ACK_WAIT}, else the node sends
   * them all again while they are being worked on.
   */
  public static final int MAX_ACK_PENDING = 100;

  /** JetStream elects its meta leader and the MQTT streams are made before MQTT clients connect. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final int NODES = 3;

  private final Path directory;
  private final List<Node> nodes;

  private NatsCluster(Path directory, List<Node> nodes) {
    this.directory = directory;
    this.nodes = nodes;
  }

  /**
   * Starts three nodes and waits until each accepts MQTT connections.
   *
   * @throws IllegalStateException if nats-server is not installed, or a node exits or does not
   *     accept MQTT connections within a minute
   */
  public static NatsCluster start() {
    Path binary =
        NatsServer.binary()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "nats-server is not installed: install it (apt-get install nats-server);"
                            + " the clustered broker tests run on it"));
    try {
      Path directory = Files.createTempDirectory("nats-cluster-");
      List<Integer> routes =
          IntStream.range(0, NODES).mapToObj(i -> ProjectPaths.freePort()).toList();
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < NODES; i++) {
        nodes.add(Node.write(binary, directory, i + 1, routes));
      }
      NatsCluster cluster = new NatsCluster(directory, nodes);
      try {
        nodes.forEach(Node::start);
        nodes.forEach(Node::awaitMqtt);
      } catch (RuntimeException | AssertionError e) {
        cluster.close();
        throw e;
      }
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the NATS cluster's configuration", e);
    }
  }

  /** The MQTT address of node {@code node} (1 to 3) for Paho: {@code tcp://127.0.0.1:<port>}. */
  public String mqttUrl(int node) {
    return "tcp://127.0.0.1:" + node(node).mqttPort;
  }

  /** The MQTT port of node {@code node} (1 to 3). */
  public int mqttPort(int node) {
    return node(node).mqttPort;
  }

  /** Every node's MQTT URL, comma-separated, starting with node {@code first}, then in turn. */
  public String mqttUrls(int first) {
    return IntStream.range(0, NODES)
        .map(i -> (first - 1 + i) % NODES + 1)
        .mapToObj(i -> "mqtt://127.0.0.1:" + node(i).mqttPort)
        .reduce((a, b) -> a + "," + b)
        .orElseThrow();
  }

  /**
   * Stops node {@code node} (1 to 3) with SIGTERM, as an operator would, killing it if it hangs.
   */
  public void stop(int node) {
    node(node).stop();
  }

  /** Starts node {@code node} again from its store and waits until it accepts MQTT connections. */
  public void restart(int node) {
    Node restarted = node(node);
    restarted.start();
    restarted.awaitMqtt();
  }

  /** Whether node {@code node} (1 to 3) is running. */
  public boolean isRunning(int node) {
    ManagedProcess process = node(node).process;
    return process != null && process.isAlive();
  }

  /** What each node logged, for a failed test. */
  @Override
  public String toString() {
    return nodes.stream().map(node -> String.valueOf(node.process)).reduce("", String::concat);
  }

  @Override
  public void close() {
    nodes.forEach(Node::stop);
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }

  private Node node(int node) {
    if (node < 1 || node > NODES) {
      throw new IllegalArgumentException("node must be 1 to " + NODES + ", but was " + node);
    }
    return nodes.get(node - 1);
  }

  /** One server: its config file, its ports, and its process while it runs. */
  private static final class Node {
    private final String name;
    private final Path binary;
    private final Path directory;
    private final Path config;
    private final int mqttPort;
    private ManagedProcess process;

    private Node(String name, Path binary, Path directory, Path config, int mqttPort) {
      this.name = name;
      this.binary = binary;
      this.directory = directory;
      this.config = config;
      this.mqttPort = mqttPort;
    }

    static Node write(Path binary, Path cluster, int number, List<Integer> routes)
        throws IOException {
      String name = "n" + number;
      Path directory = Files.createDirectories(cluster.resolve(name));
      int mqttPort = ProjectPaths.freePort();
      String peers =
          IntStream.range(0, routes.size())
              .filter(i -> i != number - 1)
              .mapToObj(i -> "nats-route://127.0.0.1:" + routes.get(i))
              .reduce((a, b) -> a + ", " + b)
              .orElseThrow();
      Path config = directory.resolve("nats.conf");
      Files.writeString(
          config,
          String.join(
              "\n",
              "server_name: " + name,
              "listen: 127.0.0.1:" + ProjectPaths.freePort(),
              "jetstream { store_dir: \"" + directory.resolve("js") + "\" }",
              "cluster {",
              "  name: intuition",
              "  listen: 127.0.0.1:" + routes.get(number - 1),
              "  routes: [" + peers + "]",
              "}",
              "mqtt {",
              "  listen: 127.0.0.1:" + mqttPort,
              "  ack_wait: \"" + ACK_WAIT.toSeconds() + "s\"",
              "  max_ack_pending: " + MAX_ACK_PENDING,
              "  stream_replicas: " + NODES,
              "  consumer_replicas: " + NODES,
              "}",
              ""));
      return new Node(name, binary, directory, config, mqttPort);
    }

    void start() {
      process =
          ManagedProcess.start(
              "nats-" + name, directory, List.of(binary.toString(), "-c", config.toString()));
    }

    void awaitMqtt() {
      await("NATS node " + name + " accepting MQTT connections on " + mqttPort)
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(250))
          .until(() -> !process.isAlive() || acceptsMqtt());
      if (!process.isAlive()) {
        throw new IllegalStateException("NATS node " + name + " exited: " + process);
      }
    }

    void stop() {
      if (process == null || !process.isAlive()) {
        return;
      }
      try {
        if (!process.terminate(STOP_TIMEOUT)) {
          process.kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.kill();
      }
    }

    /** Whether an MQTT client can connect: a node refuses them until JetStream is ready. */
    private boolean acceptsMqtt() {
      String id = "ready-" + UUID.randomUUID().toString().substring(0, 8);
      try (MqttClient client =
          new MqttClient("tcp://127.0.0.1:" + mqttPort, id, new MemoryPersistence())) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setConnectionTimeout(5);
        options.setCleanSession(true);
        client.connect(options);
        client.disconnect();
        return true;
      } catch (MqttException e) {
        return false;
      }
    }
  }
}
