package io.intuition.bench.service;

import io.intuition.launcher.process.JavaService;
import io.intuition.launcher.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The algo-service and the bridge-service under test, each a process of its own. */
public final class Suite implements AutoCloseable {
  private final Algo algo;
  private final ServiceProcess bridge;

  private Suite(Algo algo, ServiceProcess bridge) {
    this.algo = algo;
    this.bridge = bridge;
  }

  /**
   * Starts the algo (threshold 0: every quote makes an order), waits for it to listen, then starts
   * the bridge to {@code broker}, both with {@code jvmFlags}, their logs in {@code logs}.
   */
  public static Suite start(
      Path root, String broker, int bridgeWindow, List<String> jvmFlags, Path logs)
      throws IOException, InterruptedException {
    Algo algo = Algo.start(root, jvmFlags, logs, "algo-service");
    try {
      ServiceProcess bridge =
          JavaService.start(
              "bridge-service",
              root.resolve("bridge-service/target/bridge-service.jar"),
              jvmFlags,
              List.of(
                  "--mqtt",
                  broker.replaceFirst("^tcp://", "mqtt://"),
                  "--rpc",
                  algo.address(),
                  "--param",
                  "threshold=0",
                  "--window",
                  Integer.toString(bridgeWindow),
                  "--client-id",
                  "bench-bridge"),
              logs);
      return new Suite(algo, bridge);
    } catch (IOException | RuntimeException e) {
      algo.close();
      throw e;
    }
  }

  /** The algo's zerorpc address. */
  public String algoAddress() {
    return algo.address();
  }

  /** The bridge's process. */
  public ServiceProcess bridge() {
    return bridge;
  }

  /** The algo's process. */
  public ServiceProcess algo() {
    return algo.process();
  }

  /** Both processes, the bridge first. */
  public List<ServiceProcess> services() {
    return List.of(bridge, algo.process());
  }

  /**
   * Fails, naming the log, if either service has exited.
   *
   * @throws IllegalStateException if one has
   */
  public void requireAlive() {
    algo.process().requireAlive();
    bridge.requireAlive();
  }

  /** Stops the bridge, then the algo. */
  @Override
  public void close() {
    bridge.close();
    algo.close();
  }
}
