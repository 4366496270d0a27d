package io.intuition.bench.service;

import io.intuition.launcher.process.ServiceProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The original-style stack in {@code interop/node}: {@code bridge.js} (MQTT.js and zerorpc-node)
 * and the Node zerorpc algo {@code algo-server.js}, installed by {@code
 * scripts/setup-node-peer.sh}.
 */
public final class NodePeer {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Path node;
  private final Path directory;

  private NodePeer(Path node, Path directory) {
    this.node = node;
    this.directory = directory;
  }

  /** The peer of the project at {@code root}, or why it cannot run here. */
  public static Result find(Path root, Map<String, String> environment) {
    Optional<Path> node = onPath("node", environment.getOrDefault("PATH", ""));
    Path directory = root.resolve("interop").resolve("node");
    if (node.isEmpty()) {
      return new Result(null, "node is not installed (no node on the PATH)");
    }
    if (!Files.isDirectory(directory.resolve("node_modules").resolve("zerorpc"))) {
      return new Result(
          null,
          "the Node peer is not installed in "
              + directory
              + ": run scripts/setup-node-peer.sh (needs npm and libzmq3-dev)");
    }
    return new Result(new NodePeer(node.get(), directory), null);
  }

  /** Starts {@code algo-server.js} bound to {@code address} and waits until it listens. */
  public ServiceProcess startAlgo(String address, Path logs)
      throws IOException, InterruptedException {
    return startReady("node-algo-server", List.of("algo-server.js", address), logs, "listening on");
  }

  /**
   * Starts {@code bridge.js} from {@code broker} ({@code tcp://} or {@code mqtt://}) to the algo at
   * {@code algo}, quotes in on {@code quotesTopic} and orders out on {@code ordersTopic}, and waits
   * until it is subscribed.
   */
  public ServiceProcess startBridge(
      String broker, String algo, String quotesTopic, String ordersTopic, Path logs)
      throws IOException, InterruptedException {
    List<String> args =
        List.of(
            "bridge.js",
            "--mqtt",
            broker.replaceFirst("^tcp://", "mqtt://"),
            "--rpc",
            algo,
            "--param",
            "threshold=0",
            "--param",
            "channels=" + quotesTopic,
            "--orders-topic",
            ordersTopic);
    return startReady("node-bridge", args, logs, "bridge ready");
  }

  private ServiceProcess startReady(String name, List<String> args, Path logs, String ready)
      throws IOException, InterruptedException {
    List<String> command = Stream.concat(Stream.of(node.toString()), args.stream()).toList();
    ServiceProcess process = ServiceProcess.start(name, command, directory, logs, Map.of());
    try {
      process.awaitReady(ready, START_TIMEOUT);
      return process;
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  private static Optional<Path> onPath(String name, String path) {
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * What looking for the peer found.
   *
   * @param peer the peer, or null when it cannot run here
   * @param missing why it cannot, or null when it can
   */
  public record Result(NodePeer peer, String missing) {}
}
