package io.intuition.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real mosquitto binary running one of the repository's configurations: the container's paths
 * and port become a folder of the test's and a free port on loopback; nothing else of the file
 * changes. With secure.conf, the certificates and the password file are those of {@link Secrets}.
 */
final class ConfiguredBroker {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private ConfiguredBroker() {}

  /** Starts mosquitto with {@code file} in {@code dir} on {@code port}; the acl is copied too. */
  static ManagedProcess start(String file, Path dir, int port, Secrets secrets) throws IOException {
    String config =
        Repository.read(file)
                .replace("listener 1883", "listener " + port + " 127.0.0.1")
                .replace("listener 8883", "listener " + port + " 127.0.0.1")
                .replace("/mosquitto/data/", dir.resolve("data") + "/")
                .replace("/mosquitto/config/", dir + "/")
            // as root, mosquitto would switch to user mosquitto, who cannot read this folder
            + "\nuser "
            + System.getProperty("user.name")
            + "\n";
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("mosquitto.conf"), config, StandardCharsets.UTF_8);
    if (!Files.exists(dir.resolve("acl"))) {
      Files.copy(Repository.path("mosquitto/acl"), dir.resolve("acl"));
    }
    if (secrets != null) {
      Files.createDirectories(dir.resolve("tls"));
      for (String name : List.of("ca.crt", "broker.crt", "broker.key")) {
        Files.copy(secrets.file("tls/" + name), dir.resolve("tls").resolve(name));
      }
      Files.copy(secrets.file("mqtt/passwords"), dir.resolve("passwords"));
    }
    ManagedProcess broker =
        ManagedProcess.start(
            "mosquitto",
            dir,
            List.of(binary("mosquitto"), "-c", dir.resolve("mosquitto.conf").toString()));
    await("mosquitto listening on " + port)
        .atMost(START_TIMEOUT)
        .until(() -> listening(port) || !broker.isAlive());
    assertThat(broker.isAlive()).as("mosquitto started with %s; %s", file, broker).isTrue();
    return broker;
  }

  /** Runs a Mosquitto tool to its end, at most 15 s: returns its exit code. */
  static int run(List<String> command) {
    List<String> resolved = new ArrayList<>(command);
    resolved.set(0, binary(command.get(0)));
    try {
      Process process = new ProcessBuilder(resolved).redirectErrorStream(true).start();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("no end in 15 s: " + resolved);
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code name} on PATH or in the sbin folders the mosquitto package uses. */
  static String binary(String name) {
    return Stream.concat(
            Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
            Stream.of("/usr/sbin", "/usr/local/sbin"))
        .filter(folder -> !folder.isEmpty())
        .map(folder -> Path.of(folder, name))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Path::toString)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    name + " is missing: apt-get install mosquitto mosquitto-clients"));
  }
}
