package io.intuition.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.ProjectPaths;
import java.io.IOException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The broker's configurations on the real mosquitto binary. The container's paths and port become a
 * temporary folder and a free port on loopback; nothing else of the files changes.
 */
class MosquittoConfigIT {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final int NOT_AUTHORISED = 5; // mosquitto_sub's exit code for a refused login

  @TempDir Path dir;
  private final int port = ProjectPaths.freePort();

  @ParameterizedTest
  @ValueSource(strings = {"mosquitto/mosquitto.conf", "mosquitto/secure.conf"})
  void config_startsTheBrokerWhichSavesItsDatabaseOnStop(String file) throws Exception {
    try (ManagedProcess broker = start(file)) {
      assertThat(broker.terminate(Duration.ofSeconds(10))).as("%s", broker).isTrue();
      assertThat(broker.exitValue()).as("%s", broker).isZero();
    }
    assertThat(dir.resolve("data/mosquitto.db")).isRegularFile();
  }

  @Test
  void mosquittoConf_letsAnonymousClientsIn() throws Exception {
    try (ManagedProcess broker = start("mosquitto/mosquitto.conf")) {
      assertThat(subscribe()).as("%s", broker).isZero();
    }
  }

  @Test
  void secureConf_refusesAnonymousClientsAndWrongPasswordsAndLetsItsUsersIn() throws Exception {
    try (ManagedProcess broker = start("mosquitto/secure.conf")) {
      assertThat(subscribe()).as("anonymous; %s", broker).isEqualTo(NOT_AUTHORISED);
      assertThat(subscribe("-u", "bridge", "-P", "wrong")).isEqualTo(NOT_AUTHORISED);
      assertThat(subscribe("-u", "bridge", "-P", "bridge-secret")).as("%s", broker).isZero();
      assertThat(subscribe("-u", "feed", "-P", "feed-secret")).as("%s", broker).isZero();
    }
  }

  private ManagedProcess start(String file) throws IOException, InterruptedException {
    String config =
        Repository.read(file)
                .replace("listener 1883", "listener " + port + " 127.0.0.1")
                .replace("/mosquitto/data/", dir.resolve("data") + "/")
                .replace("/mosquitto/config/", dir + "/")
            // as root, mosquitto would switch to user mosquitto, who cannot read this folder
            + "\nuser "
            + System.getProperty("user.name")
            + "\n";
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("mosquitto.conf"), config, StandardCharsets.UTF_8);
    Files.copy(Repository.path("mosquitto/acl"), dir.resolve("acl"));
    run(
        "mosquitto_passwd",
        "-c",
        "-b",
        dir.resolve("passwords").toString(),
        "bridge",
        "bridge-secret");
    run("mosquitto_passwd", "-b", dir.resolve("passwords").toString(), "feed", "feed-secret");
    ManagedProcess broker =
        ManagedProcess.start(
            "mosquitto",
            dir,
            List.of(binary("mosquitto"), "-c", dir.resolve("mosquitto.conf").toString()));
    await("mosquitto listening on " + port)
        .atMost(START_TIMEOUT)
        .until(() -> listening() || !broker.isAlive());
    assertThat(broker.isAlive()).as("mosquitto started with %s; %s", file, broker).isTrue();
    return broker;
  }

  /** Subscribes to quotes and exits once the broker acknowledges: returns the exit code. */
  private int subscribe(String... login) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("mosquitto_sub", "-p", String.valueOf(port), "-t", "quotes"));
    command.addAll(List.of("-E", "-W", "5"));
    command.addAll(List.of(login));
    return run(command.toArray(String[]::new));
  }

  private int run(String... command) throws IOException, InterruptedException {
    List<String> resolved = new ArrayList<>(List.of(command));
    resolved.set(0, binary(command[0]));
    Process process = new ProcessBuilder(resolved).redirectErrorStream(true).start();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("no end in 15 s: " + resolved);
    }
    return process.exitValue();
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code name} on PATH or in the sbin folders the mosquitto package uses. */
  private static String binary(String name) {
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
