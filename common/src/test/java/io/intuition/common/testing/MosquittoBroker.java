package io.intuition.common.testing;

import static org.awaitility.Awaitility.await;

import io.intuition.common.mosquitto.MosquittoVersion;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Mosquitto broker for integration tests, started from the local {@code mosquitto} binary on
 * a free loopback port, with its own temporary directory for configuration, log and persistence.
 * {@link #start(MosquittoOptions)} starts another binary, such as the {@link #fixedBinary()}, or
 * changes settings.
 *
 * <p>Persistent sessions survive {@link #stop()} and {@link #restart()}. Mosquitto writes its
 * database only on a clean exit, on {@link #save()} and every second or two, so after {@link
 * #kill()} the messages accepted since the last save are lost, as in a real crash: call {@link
 * #save()} before {@link #kill()} when a test needs them to survive.
 */
public final class MosquittoBroker implements AutoCloseable {
  static final String NOT_INSTALLED =
      "mosquitto is not installed: install it (apt-get install mosquitto mosquitto-clients),"
          + " or start Docker to run the Testcontainers variant";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final int START_ATTEMPTS = 5;

  private final Path binary;
  private final MosquittoOptions options;
  private final Path directory;
  private int port;
  private ManagedProcess process;

  private MosquittoBroker(Path binary, MosquittoOptions options, Path directory) {
    this.binary = binary;
    this.options = options;
    this.directory = directory;
  }

  /**
   * Starts a broker on a free port and waits until it accepts connections.
   *
   * @throws IllegalStateException naming how to install mosquitto when it is not installed
   */
  public static MosquittoBroker start() {
    return start(MosquittoOptions.defaults());
  }

  /**
   * Starts a broker as {@code options} say on a free port and waits until it accepts connections.
   *
   * @throws IllegalStateException naming how to install mosquitto when no binary is given and none
   *     is installed, or if the given binary is not executable
   */
  public static MosquittoBroker start(MosquittoOptions options) {
    return start(options, MosquittoClients.searchPath());
  }

  static MosquittoBroker start(List<Path> searchPath) {
    return start(MosquittoOptions.defaults(), searchPath);
  }

  static MosquittoBroker start(MosquittoOptions options, List<Path> searchPath) {
    Path binary =
        options
            .binary()
            .or(() -> MosquittoClients.find("mosquitto", searchPath))
            .orElseThrow(() -> new IllegalStateException(NOT_INSTALLED));
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException("mosquitto binary must be executable, but was " + binary);
    }
    MosquittoBroker broker = new MosquittoBroker(binary, options, createDirectory());
    try {
      for (int attempt = 1; ; attempt++) {
        broker.port = ProjectPaths.freePort();
        MosquittoConfig.write(broker.port, broker.directory, options);
        if (broker.launch() || attempt == START_ATTEMPTS) {
          return broker.requireRunning();
        }
      }
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  /**
   * A Mosquitto binary of version 2.0.13 or newer, free of 2.0.11's inflight-quota bug: the system
   * property {@code intuition.mosquitto.fixed} or the variable {@code INTUITION_MOSQUITTO_FIXED}
   * when set, else the copy {@code scripts/setup-fixed-mosquitto.sh} put in {@code
   * ${XDG_CACHE_HOME:-~/.cache}/intuition}, else the system's when it is that new; the first of
   * these that runs and reports such a version.
   */
  public static Optional<Path> fixedBinary() {
    return FixedMosquitto.find();
  }

  /**
   * The version the broker's binary reports, such as {@code "2.0.21"}; see {@link
   * MosquittoVersion#isFixed}.
   *
   * @throws IllegalStateException if {@code mosquitto -h} names no version
   */
  public String version() {
    return MosquittoVersion.of(binary)
        .orElseThrow(() -> new IllegalStateException(binary + " -h names no mosquitto version"));
  }

  /** The port the broker listens on, on 127.0.0.1; it stays the same across restarts. */
  public int port() {
    return port;
  }

  /** The broker's address for Paho: {@code tcp://127.0.0.1:<port>}. */
  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** The broker's address for MQTT.js: {@code mqtt://127.0.0.1:<port>}. */
  public String mqttUrl() {
    return "mqtt://127.0.0.1:" + port;
  }

  /**
   * Writes the in-memory database to disk now (SIGUSR1) and waits until it is written: then
   * everything the broker had accepted before the call survives {@link #kill()}.
   *
   * @throws IllegalStateException if the broker is not running, or runs without persistence
   */
  public void save() {
    awaitWrite(() -> signal("USR1"));
  }

  /**
   * Waits until the broker next writes its database by itself, as its autosave does every second or
   * two: then everything the broker had accepted before the call survives {@link #kill()}.
   *
   * @throws IllegalStateException if the broker is not running, or runs without persistence
   */
  public void awaitAutosave() {
    awaitWrite(() -> {});
  }

  /**
   * Does {@code action}, then waits until the database is written anew. Mosquitto accepts nothing
   * while it writes, so a write under way at the call holds all it had accepted too.
   */
  private void awaitWrite(Runnable action) {
    requireRunning();
    if (!options.persistence()) {
      throw new IllegalStateException("mosquitto runs without persistence: it saves nothing");
    }
    Path database = directory.resolve("mosquitto.db");
    Optional<String> before = fingerprint(database);
    action.run();
    await("mosquitto writing " + database)
        .atMost(Duration.ofSeconds(30))
        .until(() -> !Objects.equals(fingerprint(database), before));
  }

  /** Kills the broker at once (SIGKILL), as a crash would; nothing is saved. */
  public void kill() {
    process.kill();
  }

  /** Stops the broker cleanly (SIGTERM): it saves its database and exits. */
  public void stop() {
    try {
      if (!process.terminate(STOP_TIMEOUT)) {
        throw new AssertionError("mosquitto did not exit on SIGTERM; log:\n" + log());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.kill();
    }
  }

  /**
   * Starts the stopped or killed broker again on the same port, with the same configuration and
   * persistence, and waits until it accepts connections; waits for the port to be released first.
   *
   * @throws IllegalStateException if the broker is still running, or does not start
   */
  public void restart() {
    if (isRunning()) {
      throw new IllegalStateException("mosquitto is still running: kill() or stop() it first");
    }
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      await("port " + port + " to be released").atMost(START_TIMEOUT).until(this::portIsFree);
      if (launch()) {
        return;
      }
    }
    requireRunning();
  }

  /** Whether the broker process is alive. */
  public boolean isRunning() {
    try {
      process.exitValue();
      return false;
    } catch (IllegalThreadStateException e) {
      return true;
    }
  }

  /** The broker's log file so far, across restarts. */
  public String log() {
    try {
      return Files.readString(directory.resolve("mosquitto.log"), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the broker if it is running and deletes its directory. */
  @Override
  public void close() {
    if (process != null) {
      process.close();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }

  /**
   * Publishes one message with {@code mosquitto_pub -m}.
   *
   * @throws AssertionError with mosquitto_pub's error output if it fails
   */
  public static void publish(int port, String topic, int qos, String message) {
    MosquittoClients.publish(port, topic, qos, List.of("-m", message), List.of());
  }

  /**
   * Publishes each line as one message, in order, with {@code mosquitto_pub -l} fed on standard
   * input, and waits up to 120 s for it to finish. An empty line is sent as an empty message (man
   * pages before mosquitto 1.6.8 said it was skipped), but {@link #publishEmpty} says so more
   * plainly.
   *
   * @throws IllegalArgumentException if a line contains a line break
   * @throws AssertionError with mosquitto_pub's error output if it fails
   */
  public static void publishLines(int port, String topic, int qos, List<String> lines) {
    MosquittoClients.publish(port, topic, qos, List.of("-l"), lines);
  }

  /**
   * Publishes one zero-length message with {@code mosquitto_pub -n} at QoS 1.
   *
   * @throws AssertionError with mosquitto_pub's error output if it fails
   */
  public static void publishEmpty(int port, String topic) {
    MosquittoClients.publish(port, topic, 1, List.of("-n"), List.of());
  }

  @Override
  public String toString() {
    return "mosquitto on " + url() + " in " + directory;
  }

  /** Starts the process and waits; false if the port was taken, so the caller may retry. */
  private boolean launch() {
    int logged = log().length();
    List<String> command =
        List.of(binary.toString(), "-c", MosquittoConfig.file(directory).toString());
    process = ManagedProcess.start("mosquitto", directory, command);
    await("mosquitto accepting connections on port " + port + " (" + directory + ")")
        .atMost(START_TIMEOUT)
        .until(() -> !isRunning() || accepts(port));
    String output = log().substring(logged) + process.stderr();
    return isRunning() || !output.contains("Address already in use");
  }

  private MosquittoBroker requireRunning() {
    if (!isRunning()) {
      throw new IllegalStateException(
          "mosquitto is not running; log:\n" + log() + "\noutput:\n" + process);
    }
    return this;
  }

  private void signal(String signal) {
    try {
      String pid = Files.readString(directory.resolve("mosquitto.pid")).trim();
      MosquittoClients.run(List.of("kill", "-" + signal, pid), List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read mosquitto's pid file", e);
    }
  }

  private boolean portIsFree() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
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

  /** Changes whenever mosquitto renames a freshly written database into place. */
  private static Optional<String> fingerprint(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return Optional.of(attributes.fileKey() + " " + attributes.lastModifiedTime());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path createDirectory() {
    try {
      return Files.createTempDirectory("mosquitto-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for mosquitto", e);
    }
  }
}
