package io.intuition.common.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real Node.js zerorpc 0.9.8 peer in {@code interop/node}, installed by {@code
 * scripts/setup-node-peer.sh}.
 */
public final class NodePeer {
  private NodePeer() {}

  /**
   * The peer's folder.
   *
   * @throws IllegalStateException naming the setup script when the peer is not installed
   */
  public static Path directory() {
    Path dir = ProjectPaths.root().resolve("interop").resolve("node");
    if (!Files.isDirectory(dir.resolve("node_modules").resolve("zerorpc"))) {
      throw new IllegalStateException(
          "the Node zerorpc peer is not installed in "
              + dir
              + ": run scripts/setup-node-peer.sh (needs node, npm and libzmq3-dev)");
    }
    return dir;
  }

  /** Starts the Node zerorpc server {@code algo-server.js} bound to {@code endpoint}. */
  public static ManagedProcess startServer(String endpoint) {
    return ManagedProcess.start(
            "node-algo-server", directory(), List.of("node", "algo-server.js", endpoint))
        .awaitOutput("listening on", Duration.ofSeconds(20));
  }

  /**
   * Runs the Node zerorpc client once and returns the JSON line it prints: {@code
   * {"ok":true,"result":...}} or {@code {"ok":false,"error":{"name":..,"message":..}}}.
   */
  public static String call(String endpoint, String method, String... jsonArgs) {
    List<String> command = new ArrayList<>(List.of("node", "client.js", endpoint, method));
    command.addAll(List.of(jsonArgs));
    try (ManagedProcess client = ManagedProcess.start("node-client", directory(), command)) {
      client.awaitOutput("\n", Duration.ofSeconds(30));
      return client.stdout().trim();
    }
  }
}
