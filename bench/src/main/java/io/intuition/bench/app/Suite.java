package io.intuition.bench.app;

import io.intuition.bench.service.JavaService;
import io.intuition.bench.service.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The algo-service and the bridge-service under test, each a process of its own. */
final class Suite implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final JavaService algo;
  private final JavaService bridge;
  private final String algoAddress;

  private Suite(JavaService algo, JavaService bridge, String algoAddress) {
    this.algo = algo;
    this.bridge = bridge;
    this.algoAddress = algoAddress;
  }

  /**
   * Starts the algo (threshold 0: every quote makes an order), waits for it to listen, then starts
   * the bridge to {@code broker}.
   */
  static Suite start(Path root, String broker, int bridgeWindow, List<String> jvmFlags, Path logs)
      throws IOException, InterruptedException {
    String address = "tcp://127.0.0.1:" + Processes.freePort();
    JavaService algo =
        JavaService.start(
            "algo-service",
            root.resolve("algo-service/target/algo-service.jar"),
            jvmFlags,
            List.of("--addr", address, "--seed", "1"),
            logs);
    try {
      awaitListening(algo, address);
      JavaService bridge =
          JavaService.start(
              "bridge-service",
              root.resolve("bridge-service/target/bridge-service.jar"),
              jvmFlags,
              List.of(
                  "--mqtt",
                  broker.replaceFirst("^tcp://", "mqtt://"),
                  "--rpc",
                  address,
                  "--param",
                  "threshold=0",
                  "--window",
                  Integer.toString(bridgeWindow),
                  "--client-id",
                  "bench-bridge"),
              logs);
      return new Suite(algo, bridge, address);
    } catch (IOException | RuntimeException e) {
      algo.close();
      throw e;
    }
  }

  String algoAddress() {
    return algoAddress;
  }

  List<JavaService> services() {
    return List.of(bridge, algo);
  }

  void requireAlive() {
    algo.requireAlive();
    bridge.requireAlive();
  }

  private static void awaitListening(JavaService algo, String address) throws InterruptedException {
    int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    if (!Processes.awaitListening(port, START_TIMEOUT, algo::requireAlive)) {
      throw new IllegalStateException("algo-service did not listen on " + address + " in time");
    }
  }

  @Override
  public void close() {
    bridge.close();
    algo.close();
  }
}
