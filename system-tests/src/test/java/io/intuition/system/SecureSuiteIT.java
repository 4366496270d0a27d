package io.intuition.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite as docker-compose.secure.yml runs it, with local processes: the secrets of
 * scripts/make-secrets.sh, the broker on secure.conf (TLS only, logins, the acl), the feed, the
 * bridge and the algo logging in over TLS with password files, and the algo answering only the
 * bridge's CURVE key. Quotes go in and orders come out, the algo's birth is retained on its topic,
 * and no password shows in any output.
 */
class SecureSuiteIT {
  private static final int QUOTES = 20;
  private static final Duration START = Duration.ofSeconds(30);
  private static final String ALGO_NAME = "secure-algo";

  @TempDir Path dir;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private final int mqttPort = ProjectPaths.freePort();
  private final String rpc = "tcp://127.0.0.1:" + ProjectPaths.freePort();

  @AfterEach
  void stop() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }

  @Test
  void quotesFromTheFeed_getOrdersThroughTlsLoginsAndCurve_andTheAlgoIsAnnounced()
      throws IOException {
    Secrets secrets = Secrets.make(dir.resolve("secrets"));
    watcherMayReadOrders(secrets);
    processes.add(ConfiguredBroker.start("mosquitto/secure.conf", dir, mqttPort, secrets));
    ManagedProcess algo = start("algo-service", algoArgs(secrets));
    algo.awaitOutput("serving on", START);
    ManagedProcess bridge = start("bridge-service", bridgeArgs(secrets));
    bridge.awaitLog("subscribed to [quotes]", START);
    ManagedProcess orders = watchOrders();

    ManagedProcess feed =
        start("feed-service", login(secrets, "feed", "--count", "" + QUOTES, "--rate", "50"));

    await("orders for the feed's " + QUOTES + " quotes; " + bridge + feed)
        .atMost(Duration.ofSeconds(60))
        .until(() -> !orders.isAlive());
    assertThat(orders.exitValue()).as("%s", orders).isZero();
    assertThat(orders.stdout().lines()).hasSize(QUOTES).allMatch(line -> line.contains("\"sid\""));
    assertThat(algo.stderr()).contains("CURVE on");
    await("the algo's birth retained on services/algo/" + ALGO_NAME + "; " + algo)
        .atMost(START)
        .until(() -> retained("services/algo/" + ALGO_NAME).contains("\"rpc\":\"" + rpc + "\""));
    for (ManagedProcess process : List.of(algo, bridge, feed)) {
      assertThat(process.stdout() + process.stderr())
          .as("output of %s", process)
          .doesNotContain(secrets.password("bridge"))
          .doesNotContain(secrets.password("feed"))
          .doesNotContain(secrets.password("algo"));
    }
  }

  private void watcherMayReadOrders(Secrets secrets) throws IOException {
    secrets.addLogin("watcher", "watcher-password");
    Files.writeString(
        dir.resolve("acl"),
        Repository.read("mosquitto/acl")
            + "\nuser watcher\ntopic read orders\ntopic read services/#\n");
  }

  private List<String> algoArgs(Secrets secrets) {
    return login(
        secrets,
        "algo",
        "--addr",
        rpc,
        "--name",
        ALGO_NAME,
        "--curve-secret-key-file",
        secrets.file("curve/algo.key_secret").toString(),
        "--curve-clients",
        secrets.file("curve/clients").toString());
  }

  private List<String> bridgeArgs(Secrets secrets) {
    List<String> args = login(secrets, "bridge", "--rpc", rpc, "--param", "threshold=0");
    args.addAll(
        List.of(
            "--client-id",
            "secure-suite",
            "--curve-server-key",
            secrets.file("curve/algo.key").toString(),
            "--curve-secret-key-file",
            secrets.file("curve/bridge.key_secret").toString()));
    return args;
  }

  /** The options that log {@code user} in over TLS, as docker-compose.secure.yml sets them. */
  private List<String> login(Secrets secrets, String user, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--mqtt",
                "mqtts://localhost:" + mqttPort,
                "--ca-file",
                secrets.file("tls/ca.crt").toString(),
                "--username",
                user,
                "--password-file",
                secrets.file("mqtt/" + user + ".password").toString()));
    args.addAll(List.of(more));
    return args;
  }

  private ManagedProcess watchOrders() {
    ManagedProcess watcher =
        ManagedProcess.start(
            "orders", dir, watch("-t", "orders", "-q", "1", "-C", "" + QUOTES, "-W", "60"));
    processes.add(watcher);
    return watcher;
  }

  /** What is retained on {@code topic}, as the watcher finds it within 2 s; empty for nothing. */
  private String retained(String topic) throws InterruptedException {
    try (ManagedProcess watcher =
        ManagedProcess.start(
            "retained", dir, watch("-t", topic, "--retained-only", "-C", "1", "-W", "2"))) {
      assertThat(watcher.awaitExit(Duration.ofSeconds(10))).as("%s", watcher).isTrue();
      return watcher.stdout();
    }
  }

  /** mosquitto_sub logged in over TLS as the watcher, with {@code more} options. */
  private List<String> watch(String... more) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ConfiguredBroker.binary("mosquitto_sub"),
                "-h",
                "localhost",
                "-p",
                "" + mqttPort,
                "--cafile",
                dir.resolve("tls/ca.crt").toString(),
                "-u",
                "watcher",
                "-P",
                "watcher-password"));
    command.addAll(List.of(more));
    return command;
  }

  private ManagedProcess start(String service, List<String> args) {
    List<String> command =
        new ArrayList<>(
            List.of(ProjectPaths.java(), "-jar", ProjectPaths.serviceJar(service).toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().keySet().removeIf(key -> key.matches("(ALGO|BRIDGE|FEED)_.*"));
    ManagedProcess process = ManagedProcess.start(service, builder);
    processes.add(process);
    return process;
  }
}
