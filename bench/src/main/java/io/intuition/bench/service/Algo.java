package io.intuition.bench.service;

import io.intuition.launcher.process.JavaService;
import io.intuition.launcher.process.Processes;
import io.intuition.launcher.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An algo-service process listening on a free loopback port.
 *
 * @param process the running service
 * @param address its zerorpc address, {@code tcp://127.0.0.1:<port>}
 */
public record Algo(ServiceProcess process, String address) implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Starts the algo-service of {@code root} as {@code name} and waits until it listens.
   *
   * @throws IllegalStateException if the jar is missing or the service does not listen in time
   */
  public static Algo start(Path root, List<String> jvmFlags, Path logs, String name)
      throws IOException, InterruptedException {
    return start(root, jvmFlags, logs, name, List.of());
  }

  /**
   * Starts the algo-service of {@code root} as {@code name}, with {@code options} beside the
   * address and seed, and waits until it listens.
   *
   * @throws IllegalStateException if the jar is missing or the service does not listen in time
   */
  public static Algo start(
      Path root, List<String> jvmFlags, Path logs, String name, List<String> options)
      throws IOException, InterruptedException {
    int port = Processes.freePort();
    String address = "tcp://127.0.0.1:" + port;
    ServiceProcess process =
        JavaService.start(
            name,
            root.resolve("algo-service/target/algo-service.jar"),
            jvmFlags,
            args(address, options),
            logs);
    try {
      if (!Processes.awaitListening(port, START_TIMEOUT, process::requireAlive)) {
        throw new IllegalStateException(name + " did not listen on " + address + " in time");
      }
      return new Algo(process, address);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  private static List<String> args(String address, List<String> options) {
    List<String> args = new ArrayList<>(List.of("--addr", address, "--seed", "1"));
    args.addAll(options);
    return args;
  }

  @Override
  public void close() {
    process.close();
  }
}
