package io.intuition.bridge.it;

import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the suite's processes for end-to-end tests: the algo-service, the bridge-service and the
 * indicator-service.
 */
final class Suite {
  static final Duration START = Duration.ofSeconds(30);

  /** How long a bridge waits for each answer of the algo unless a test says otherwise. */
  static final Duration RPC_TIMEOUT = Duration.ofSeconds(3);

  /** The JVM flags of an algo-service unless a test says otherwise. */
  static final List<String> ALGO_JVM = List.of("-Xmx128m");

  /** The JVM flags of an algo-service that logs every event call and its answer. */
  static final List<String> ALGO_JVM_LOGGING_EVENTS = List.of("-Xmx128m", "-DLOG_LEVEL=DEBUG");

  private Suite() {}

  /** The algo-service serving on {@code address}. */
  static ManagedProcess algo(String address) {
    return algo(address, List.of());
  }

  /** The algo-service serving on {@code address}, with extra options such as {@code --state}. */
  static ManagedProcess algo(String address, List<String> options) {
    return algo(ALGO_JVM, address, options);
  }

  /** The algo-service with these JVM flags serving on {@code address}, with extra options. */
  static ManagedProcess algo(List<String> jvm, String address, List<String> options) {
    return startAlgo(jvm, address, options).awaitOutput("serving on", START);
  }

  /**
   * The algo-service started at {@code address} with seed 11 and extra options, without waiting for
   * it to serve: for tests of how it refuses to start.
   */
  static ManagedProcess startAlgo(String address, List<String> options) {
    return startAlgo(ALGO_JVM, address, options);
  }

  private static ManagedProcess startAlgo(List<String> jvm, String address, List<String> options) {
    List<String> command = new ArrayList<>(List.of(ProjectPaths.java()));
    command.addAll(jvm);
    command.addAll(
        List.of(
            "-jar",
            ProjectPaths.serviceJar("algo-service").toString(),
            "--addr",
            address,
            "--seed",
            "11"));
    command.addAll(options);
    return ManagedProcess.start("algo-service", ProjectPaths.root(), command);
  }

  /** The bridge-service between the broker and the algo, with extra options. */
  static ManagedProcess bridge(String mqttUrl, String rpc, String... options) {
    return bridge(List.of("-Xmx128m"), mqttUrl, rpc, options);
  }

  /** The bridge-service with these JVM flags, between the broker and the algo. */
  static ManagedProcess bridge(List<String> jvm, String mqttUrl, String rpc, String... options) {
    return bridge(jvm, RPC_TIMEOUT, mqttUrl, rpc, options);
  }

  /** The bridge-service waiting {@code rpcTimeout} for each answer, with extra options. */
  static ManagedProcess bridge(Duration rpcTimeout, String mqttUrl, String rpc, String... options) {
    return bridge(List.of("-Xmx128m"), rpcTimeout, mqttUrl, rpc, options);
  }

  /**
   * The bridge-service finding the algo {@code name} by its announcement rather than at an address
   * given, waiting {@code rpcTimeout} for each answer, with extra options.
   */
  static ManagedProcess bridgeFollowing(
      Duration rpcTimeout, String mqttUrl, String name, String... options) {
    return bridge(List.of("-Xmx128m"), rpcTimeout, mqttUrl, List.of("--algo", name), options);
  }

  private static ManagedProcess bridge(
      List<String> jvm, Duration rpcTimeout, String mqttUrl, String rpc, String... options) {
    return bridge(jvm, rpcTimeout, mqttUrl, List.of("--rpc", rpc), options);
  }

  private static ManagedProcess bridge(
      List<String> jvm, Duration rpcTimeout, String mqttUrl, List<String> algo, String... options) {
    List<String> command = new ArrayList<>(List.of(ProjectPaths.java()));
    command.addAll(jvm);
    command.addAll(
        List.of("-jar", ProjectPaths.serviceJar("bridge-service").toString(), "--mqtt", mqttUrl));
    command.addAll(algo);
    command.addAll(
        List.of(
            "--rpc-timeout",
            BigDecimal.valueOf(rpcTimeout.toMillis(), 3).stripTrailingZeros().toPlainString()));
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ProjectPaths.root().toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("BRIDGE_"));
    return ManagedProcess.start("bridge-service", builder);
  }

  /**
   * The indicator-service on the broker at {@code mqttUrl} with extra options, such as {@code --sma
   * 3,8}, once it has subscribed to the quotes.
   */
  static ManagedProcess indicators(String mqttUrl, String... options) {
    List<String> command = new ArrayList<>(List.of(ProjectPaths.java(), "-Xmx128m", "-jar"));
    command.addAll(
        List.of(ProjectPaths.serviceJar("indicator-service").toString(), "--mqtt", mqttUrl));
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ProjectPaths.root().toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("INDICATOR_"));
    return ManagedProcess.start("indicator-service", builder)
        .awaitLog("subscribed to [quotes]", START);
  }

  /**
   * Sends {@code signal} (such as {@code STOP} or {@code CONT}) to {@code process} with {@code
   * kill}: Java can only terminate a process, not freeze it.
   */
  static void signal(ManagedProcess process, String signal) {
    try {
      int exit =
          new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
              .inheritIO()
              .start()
              .waitFor();
      if (exit != 0) {
        throw new AssertionError("kill -" + signal + " " + process.pid() + " exited " + exit);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run kill -" + signal, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted sending " + signal, e);
    }
  }

  /** The book of the algo-service at {@code rpc}, as its {@code portfolio()} answers. */
  static Map<?, ?> portfolio(String rpc) {
    return portfolio(rpc, START);
  }

  /**
   * The book of the algo-service at {@code rpc}, waiting at most {@code timeout} for it.
   *
   * @throws io.intuition.common.rpc.RpcTimeoutException if no answer comes in time
   */
  static Map<?, ?> portfolio(String rpc, Duration timeout) {
    try (RpcClient client = RpcClient.connect(rpc, timeout)) {
      return (Map<?, ?>) client.invoke("portfolio");
    }
  }

  /** A free zerorpc address on loopback. */
  static String freeRpcAddress() {
    return rpcAddress(ProjectPaths.freePort());
  }

  /** The zerorpc address of {@code port} on loopback. */
  static String rpcAddress(int port) {
    return "tcp://127.0.0.1:" + port;
  }
}
