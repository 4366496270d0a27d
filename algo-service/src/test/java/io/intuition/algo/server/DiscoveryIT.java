package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.discovery.Announcement;
import io.intuition.common.mqtt.BrokerRefusedException;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.MosquittoOptions;
import io.intuition.common.testing.OpsEndpoint;
import io.intuition.common.testing.ProjectPaths;
import io.intuition.common.testing.ServiceAnnouncements;
import io.intuition.common.testing.StartedProcesses;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged algo-service announcing itself on a real Mosquitto: its birth while it serves, its
 * death from the broker when the process is killed or frozen, at once on a clean stop.
 */
class DiscoveryIT {
  private static final int KEEP_ALIVE_S = 2;
  private static final Duration SOON = Duration.ofSeconds(20);
  // the broker gives up on a silent client after 1.5 keep-alive intervals; 2 s for the rest
  private static final Duration WILL_BOUND =
      Duration.ofMillis(KEEP_ALIVE_S * 1_500L).plusSeconds(2);

  @RegisterExtension final StartedProcesses processes = new StartedProcesses();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final MosquittoBroker broker = keep(MosquittoBroker.start());

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  @Test
  void killed_itsBirthTurnsOfflineWithinOneAndAHalfKeepAlives() throws Exception {
    Algo algo = start("a1", "tcp://127.0.0.1:" + ProjectPaths.freePort());
    Announcement birth = awaitOnline("a1");
    assertThat(birth.rpc()).isEqualTo(algo.address());
    assertThat(birth)
        .extracting(Announcement::kind, Announcement::algo, Announcement::sizer)
        .containsExactly("algo", "random", "random-fraction");
    ServiceAnnouncements watch = keep(ServiceAnnouncements.watch(broker.url()));

    long killed = System.nanoTime();
    algo.process().kill();

    awaitOffline(watch, "a1", birth.seq());
    System.out.printf("kill -9 to offline: %d ms%n", (System.nanoTime() - killed) / 1_000_000);
  }

  @Test
  void frozen_theBrokerPublishesItsDeathAfterTheKeepAlive() throws Exception {
    Algo algo = start("f1", "tcp://127.0.0.1:" + ProjectPaths.freePort());
    Announcement birth = awaitOnline("f1");
    ServiceAnnouncements watch = keep(ServiceAnnouncements.watch(broker.url()));

    long frozen = System.nanoTime();
    signal("STOP", algo.process()); // the socket stays open: only the keep-alive can tell

    try {
      awaitOffline(watch, "f1", birth.seq());
      System.out.printf("SIGSTOP to offline: %d ms%n", (System.nanoTime() - frozen) / 1_000_000);
    } finally {
      signal("CONT", algo.process());
    }
  }

  @Test
  void terminated_isOfflineOnceTheProcessHasExited() throws Exception {
    Algo algo = start("t1", "tcp://127.0.0.1:" + ProjectPaths.freePort());
    Announcement birth = awaitOnline("t1");

    assertThat(algo.process().terminate(SOON)).isTrue();

    assertThat(algo.process().exitValue()).isZero();
    assertThat(retained("t1")).contains(birth.toOffline());
  }

  @Test
  void restarted_announcesALargerSeq() throws Exception {
    String address = "tcp://127.0.0.1:" + ProjectPaths.freePort();
    Algo first = start("r1", address);
    Announcement before = awaitOnline("r1");
    first.process().kill();

    start("r1", address);

    await("the new birth")
        .atMost(SOON)
        .until(
            () -> retained("r1").filter(a -> a.isOnline() && a.seq() > before.seq()).isPresent());
  }

  @Test
  void wildcardBind_announcesTheHostNameAndTheBoundPort() throws Exception {
    int port = ProjectPaths.freePort();
    start("w1", "tcp://*:" + port);

    assertThat(awaitOnline("w1").rpc())
        .isEqualTo("tcp://" + InetAddress.getLocalHost().getHostName() + ":" + port);
  }

  @Test
  void httpPort_announcesWhereItsMetricsAnswer() throws Exception {
    start("h1", "tcp://127.0.0.1:" + ProjectPaths.freePort(), "--http-port", "0");

    String http = awaitOnline("h1").http();

    assertThat(http).matches("http://127\\.0\\.0\\.1:[1-9]\\d*");
    assertThat(OpsEndpoint.at(http).get("/metrics").body()).contains("algo_portfolio_cash");
  }

  @Test
  void brokerAwayAtStart_rpcServesAndTheBirthFollowsTheBroker() throws Exception {
    broker.stop();
    Algo algo = start("b1", "tcp://127.0.0.1:" + ProjectPaths.freePort());
    algo.process().awaitLog("unreachable", SOON);

    try (RpcClient client = RpcClient.connect(algo.address(), Duration.ofSeconds(10))) {
      assertThat(client.invoke("_zerorpc_ping")).isEqualTo(List.of("pong", "b1"));
    }
    broker.restart();

    awaitOnline("b1");
    assertThat(algo.process().stderr().split("unreachable", -1)).hasSize(2);
  }

  @Test
  void loginRefused_exitsWithTheRefusalsCodeAndItsReason(@TempDir Path dir) throws Exception {
    Path passwords = dir.resolve("passwords");
    Process passwd =
        new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwords.toString(), "trader", "right")
            .inheritIO()
            .start();
    assertThat(passwd.waitFor()).isZero();
    passwords.toFile().setReadable(true, false);
    MosquittoBroker locked =
        keep(
            MosquittoBroker.start(
                MosquittoOptions.defaults()
                    .withExtraConfig(
                        List.of("allow_anonymous false", "password_file " + passwords))));
    List<String> command =
        List.of(
            ProjectPaths.java(),
            "-jar",
            ProjectPaths.serviceJar("algo-service").toString(),
            "--addr",
            "tcp://127.0.0.1:" + ProjectPaths.freePort(),
            "--mqtt",
            "mqtt://trader@127.0.0.1:" + locked.port());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(key -> key.startsWith("ALGO_"));
    builder.environment().put("ALGO_PASSWORD", "wrong");
    ManagedProcess algo = processes.add(ManagedProcess.start("algo refused", builder));

    assertThat(algo.awaitExit(SOON)).as("exited; " + algo).isTrue();
    assertThat(algo.exitValue()).isEqualTo(BrokerRefusedException.EXIT_CODE);
    assertThat(algo.stderr()).contains("algo-service: broker", "refused the connection");
  }

  private Algo start(String name, String address, String... more) {
    List<String> command = new ArrayList<>();
    Collections.addAll(
        command,
        ProjectPaths.java(),
        "-jar",
        ProjectPaths.serviceJar("algo-service").toString(),
        "--addr",
        address,
        "--name",
        name,
        "--mqtt",
        broker.url(),
        "--keep-alive",
        Integer.toString(KEEP_ALIVE_S));
    Collections.addAll(command, more);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(key -> key.startsWith("ALGO_"));
    ManagedProcess process = processes.add(ManagedProcess.start("algo " + name, builder));
    process.awaitOutput("serving on", SOON);
    return new Algo(process, address);
  }

  private Announcement awaitOnline(String name) {
    return await(name + " online")
        .atMost(SOON)
        .until(() -> retained(name), found -> found.filter(Announcement::isOnline).isPresent())
        .orElseThrow();
  }

  private static void awaitOffline(ServiceAnnouncements watch, String name, long seq) {
    await(name + " offline")
        .atMost(WILL_BOUND)
        .pollInterval(Duration.ofMillis(10))
        .until(
            () ->
                watch
                    .current("algo", name)
                    .filter(a -> !a.isOnline() && a.seq() == seq)
                    .isPresent());
  }

  private Optional<Announcement> retained(String name)
      throws InterruptedException, BrokerRefusedException {
    return ServiceAnnouncements.retained(broker.url(), "algo", name);
  }

  private static void signal(String signal, ManagedProcess process) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    closing.add(closeable);
    return closeable;
  }

  /** An algo process and the address it serves. */
  private record Algo(ManagedProcess process, String address) {}
}
