package io.intuition.launcher.broker;

import io.intuition.launcher.process.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Mosquitto broker for measurements, on a free loopback port, configured like {@code
 * mosquitto/mosquitto.conf} but without persistence, so disk writes do not blur the numbers.
 */
public final class LocalMosquitto implements AutoCloseable {
  /** What to do when the broker is missing. */
  public static final String NOT_INSTALLED =
      "mosquitto is not installed: install it (apt-get install mosquitto), "
          + "or pass --mqtt with the address of a running broker";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final MosquittoBinary binary;
  private final Process process;
  private final int port;

  private LocalMosquitto(MosquittoBinary binary, Process process, int port) {
    this.binary = binary;
    this.process = process;
    this.port = port;
  }

  /**
   * Starts {@code binary}, writing its configuration and log under {@code directory}.
   *
   * @throws IllegalStateException if it does not start
   */
  public static LocalMosquitto start(MosquittoBinary binary, Path directory)
      throws IOException, InterruptedException {
    Files.createDirectories(directory);
    int port = Processes.freePort();
    Path config = directory.resolve("mosquitto.conf");
    Files.writeString(config, config(port));
    Process process =
        new ProcessBuilder(binary.path().toString(), "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("mosquitto.log").toFile())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "mosquitto-stop"));
    LocalMosquitto broker = new LocalMosquitto(binary, process, port);
    broker.awaitListening(directory);
    return broker;
  }

  /** The broker's address, {@code tcp://127.0.0.1:<port>}. */
  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** The binary it runs. */
  public MosquittoBinary binary() {
    return binary;
  }

  /** The broker's process id, for its resource use. */
  public long pid() {
    return process.pid();
  }

  static String config(int port) {
    return String.join(
        "\n",
        "listener " + port + " 127.0.0.1",
        "allow_anonymous true",
        "persistence false",
        "max_queued_messages 0",
        "max_inflight_messages 1000",
        "set_tcp_nodelay true",
        "log_type error",
        "log_type warning",
        "log_dest stdout",
        "");
  }

  private void awaitListening(Path directory) throws InterruptedException {
    Runnable requireAlive =
        () -> {
          if (!process.isAlive()) {
            throw new IllegalStateException(
                "mosquitto exited with status "
                    + process.exitValue()
                    + "; see "
                    + directory.resolve("mosquitto.log"));
          }
        };
    if (!Processes.awaitListening(port, START_TIMEOUT, requireAlive)) {
      close();
      throw new IllegalStateException("mosquitto did not listen on port " + port + " in time");
    }
  }

  @Override
  public void close() {
    Processes.stop(process);
  }
}
