package io.intuition.bench.service;

import io.intuition.launcher.process.JavaService;
import io.intuition.launcher.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * N bridge/algo pairs sharing one quote stream: each bridge takes the algo's {@code quotes} through
 * the shared subscription {@code $share/<group>/quotes}, so the broker hands each quote to one of
 * them, and all publish their orders on {@code orders}.
 */
public final class Pairs implements AutoCloseable {
  private static final Duration SUBSCRIBE_LIMIT = Duration.ofSeconds(60);

  private final List<Algo> algos = new ArrayList<>();
  private final List<ServiceProcess> bridges = new ArrayList<>();

  private Pairs() {}

  /**
   * Starts {@code count} algos (threshold 0: every quote makes an order), then a bridge to each in
   * {@code group}, all with {@code jvmFlags}, and waits until every bridge has subscribed.
   *
   * @throws IllegalStateException if a service does not start in time
   */
  public static Pairs start(
      Path root,
      String broker,
      int count,
      String group,
      int bridgeWindow,
      List<String> jvmFlags,
      Path logs)
      throws IOException, InterruptedException {
    Pairs pairs = new Pairs();
    try {
      for (int pair = 0; pair < count; pair++) {
        pairs.algos.add(Algo.start(root, jvmFlags, logs, group + "-algo-" + pair));
      }
      for (int pair = 0; pair < count; pair++) {
        pairs.bridges.add(
            bridge(root, broker, group, pair, pairs.algos.get(pair), bridgeWindow, jvmFlags, logs));
      }
      for (ServiceProcess bridge : pairs.bridges) {
        bridge.awaitReady("subscribed to [$share/" + group + "/quotes]", SUBSCRIBE_LIMIT);
      }
      return pairs;
    } catch (IOException | RuntimeException | InterruptedException e) {
      pairs.close();
      throw e;
    }
  }

  private static ServiceProcess bridge(
      Path root,
      String broker,
      String group,
      int pair,
      Algo algo,
      int window,
      List<String> jvmFlags,
      Path logs)
      throws IOException {
    return JavaService.start(
        group + "-bridge-" + pair,
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
            Integer.toString(window),
            "--shared-group",
            group,
            "--client-id",
            "bench-" + group + "-" + pair),
        logs);
  }

  /** The bridges' processes. */
  public List<ServiceProcess> bridges() {
    return List.copyOf(bridges);
  }

  /** The algos' processes. */
  public List<ServiceProcess> algos() {
    return algos.stream().map(Algo::process).toList();
  }

  /**
   * Fails, naming the log, if a service has exited.
   *
   * @throws IllegalStateException if one has
   */
  public void requireAlive() {
    bridges.forEach(ServiceProcess::requireAlive);
    algos.forEach(algo -> algo.process().requireAlive());
  }

  /** Stops the bridges, then the algos. */
  @Override
  public void close() {
    bridges.forEach(ServiceProcess::close);
    algos.forEach(Algo::close);
  }
}
