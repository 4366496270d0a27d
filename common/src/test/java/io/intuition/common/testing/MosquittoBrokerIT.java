package io.intuition.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.intuition.common.mosquitto.MosquittoVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test broker, driven by the real {@code mosquitto_pub} and {@code mosquitto_sub}. */
class MosquittoBrokerIT {
  private MosquittoBroker broker;

  @BeforeEach
  void start() {
    broker = MosquittoBroker.start();
  }

  @AfterEach
  void close() {
    broker.close();
  }

  @Test
  void start_listensOnLoopbackAndLogs() {
    assertThat(broker.isRunning()).isTrue();
    assertThat(broker.url()).isEqualTo("tcp://127.0.0.1:" + broker.port());
    assertThat(broker.mqttUrl()).isEqualTo("mqtt://127.0.0.1:" + broker.port());
    assertThat(broker.log()).contains("Opening ipv4 listen socket on port " + broker.port());
  }

  @Test
  void publishLines_liveSubscriber_receivesEachLineInOrderEmptyOnesIncluded() {
    // without a format mosquitto_sub prints nothing at all for an empty message
    try (ManagedProcess subscriber = subscribe("live", 3, "-F", "%p")) {
      MosquittoBroker.publishLines(broker.port(), "quotes", 1, List.of("first", "", "third"));

      assertThat(messages(subscriber)).isEqualTo("first\n\nthird\n");
    }
  }

  @Test
  void publish_oneMessage_isDelivered() {
    try (ManagedProcess subscriber = subscribe("one", 1)) {
      MosquittoBroker.publish(broker.port(), "quotes", 0, "{\"sid\":\"GOOG\",\"quote\":345.1}");

      assertThat(messages(subscriber)).isEqualTo("{\"sid\":\"GOOG\",\"quote\":345.1}\n");
    }
  }

  @Test
  void publishEmpty_deliversZeroLengthPayload() {
    try (ManagedProcess subscriber = subscribe("empty", 1, "-F", "%l")) {
      MosquittoBroker.publishEmpty(broker.port(), "quotes");

      assertThat(messages(subscriber)).isEqualTo("0\n");
    }
  }

  @Test
  void kill_thenRestart_acceptsConnectionsOnTheSamePort() {
    int port = broker.port();
    broker.kill();
    assertThat(broker.isRunning()).isFalse();

    broker.restart();

    assertThat(broker.port()).isEqualTo(port);
    try (ManagedProcess subscriber = subscribe("after-restart", 1)) {
      MosquittoBroker.publish(port, "quotes", 1, "back");
      assertThat(messages(subscriber)).isEqualTo("back\n");
    }
  }

  @Test
  void restart_portBrieflyTaken_waitsForItAndStartsOnIt() throws Exception {
    int port = broker.port();
    broker.kill();
    CompletableFuture<Void> restart;
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.setReuseAddress(true);
      squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      restart = CompletableFuture.runAsync(broker::restart);
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(3))
          .until(() -> !restart.isDone());
    }

    restart.get(30, TimeUnit.SECONDS);

    assertThat(broker.port()).isEqualTo(port);
    assertThat(broker.isRunning()).isTrue();
  }

  @Test
  void kill_afterSave_persistentSessionKeepsTenThousandQueuedQuotes() {
    subscribeAndLeave("algo");
    List<String> quotes =
        IntStream.range(0, 10_000)
            .mapToObj(i -> "{\"sid\":\"GOOG\",\"quote\":" + (300 + i / 100.0) + "}")
            .toList();
    MosquittoBroker.publishLines(broker.port(), "quotes", 1, quotes);

    broker.save();
    broker.kill();
    broker.restart();

    try (ManagedProcess subscriber = resume("algo", quotes.size())) {
      assertThat(messages(subscriber).lines()).containsExactlyElementsOf(quotes);
    }
  }

  @Test
  void kill_afterAnAutosave_persistentSessionKeepsQueuedMessages() {
    subscribeAndLeave("algo");
    MosquittoBroker.publish(broker.port(), "quotes", 1, "written by the autosave");

    broker.awaitAutosave();
    broker.kill();
    broker.restart();

    try (ManagedProcess subscriber = resume("algo", 1)) {
      assertThat(messages(subscriber)).isEqualTo("written by the autosave\n");
    }
  }

  @Test
  void stop_thenRestart_persistentSessionKeepsQueuedMessages() {
    subscribeAndLeave("algo");
    MosquittoBroker.publishLines(broker.port(), "quotes", 1, List.of("a", "b"));

    broker.stop();
    broker.restart();

    try (ManagedProcess subscriber = resume("algo", 2)) {
      assertThat(messages(subscriber)).isEqualTo("a\nb\n");
    }
  }

  @Test
  void restart_whileRunning_isRejected() {
    assertThatThrownBy(broker::restart)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("still running");
  }

  @Test
  void publish_noBroker_failsWithMosquittoPubError() {
    broker.kill();

    assertThatThrownBy(() -> MosquittoBroker.publish(broker.port(), "quotes", 1, "lost"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("exited with")
        .hasMessageContaining("Connection refused");
  }

  @Test
  void publishLines_lineWithBreak_isRejected() {
    assertThatThrownBy(() -> MosquittoBroker.publishLines(broker.port(), "t", 1, List.of("a\nb")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line must not contain a line break, but was \"a\nb\"");
  }

  @Test
  void start_withoutBinary_namesHowToInstall(@TempDir Path empty) {
    assertThatThrownBy(() -> MosquittoBroker.start(List.of(empty)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "mosquitto is not installed: install it (apt-get install mosquitto"
                + " mosquitto-clients), or start Docker to run the Testcontainers variant");
  }

  @Test
  void version_systemBroker_isTheOneItLogsAtStart() {
    assertThat(broker.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(broker.log()).contains("mosquitto version " + broker.version() + " starting");
  }

  @Test
  void start_fixedBinaryWithOptions_acceptsConnectionsAndReportsAFixedVersion() {
    Optional<Path> fixed = MosquittoBroker.fixedBinary();
    Assumptions.assumeTrue(
        fixed.isPresent(), "fixed Mosquitto not installed: run scripts/setup-fixed-mosquitto.sh");
    MosquittoOptions options =
        MosquittoOptions.defaults()
            .withBinary(fixed.orElseThrow())
            .withMaxInflightMessages(10)
            .withPersistence(false)
            .withExtraConfig(List.of("max_keepalive 120"));

    try (MosquittoBroker fixedBroker = MosquittoBroker.start(options)) {
      assertThat(MosquittoVersion.isFixed(fixedBroker.version()))
          .as("version %s", fixedBroker.version())
          .isTrue();
      assertThat(fixedBroker.log()).contains("mosquitto version " + fixedBroker.version());
      try (ManagedProcess subscriber = subscribe(fixedBroker, "fixed", 1)) {
        MosquittoBroker.publish(fixedBroker.port(), "quotes", 1, "from the fixed broker");
        assertThat(messages(subscriber)).isEqualTo("from the fixed broker\n");
      }
    }
  }

  @Test
  void start_binaryNotExecutable_isRejected(@TempDir Path folder) {
    MosquittoOptions options = MosquittoOptions.defaults().withBinary(folder.resolve("mosquitto"));

    assertThatThrownBy(() -> MosquittoBroker.start(options))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("mosquitto binary must be executable, but was " + folder.resolve("mosquitto"));
  }

  /** A live subscriber to "quotes" that exits after {@code count} messages. */
  private ManagedProcess subscribe(String clientId, int count, String... options) {
    return subscribe(broker, clientId, count, options);
  }

  private static ManagedProcess subscribe(
      MosquittoBroker target, String clientId, int count, String... options) {
    List<String> command = subscriberCommand(target, clientId);
    command.addAll(List.of("-C", String.valueOf(count), "-W", "60"));
    command.addAll(List.of(options));
    ManagedProcess subscriber = ManagedProcess.start("mosquitto_sub", Path.of("."), command);
    await("subscription of " + clientId + "; " + subscriber)
        .atMost(Duration.ofSeconds(20))
        .until(() -> target.log().contains(clientId + " 1 quotes"));
    return subscriber;
  }

  /** Creates a persistent session subscribed to "quotes" and disconnects. */
  private void subscribeAndLeave(String clientId) {
    List<String> command = subscriberCommand(clientId);
    command.addAll(List.of("-c", "-E"));
    MosquittoClients.run(command, List.of());
  }

  /** Reconnects a persistent session and receives {@code count} queued messages. */
  private ManagedProcess resume(String clientId, int count) {
    List<String> command = subscriberCommand(clientId);
    command.addAll(List.of("-c", "-C", String.valueOf(count), "-W", "60"));
    return ManagedProcess.start("mosquitto_sub", Path.of("."), command);
  }

  private List<String> subscriberCommand(String clientId) {
    return subscriberCommand(broker, clientId);
  }

  private static List<String> subscriberCommand(MosquittoBroker target, String clientId) {
    Path binary =
        MosquittoClients.find("mosquitto_sub", MosquittoClients.searchPath()).orElseThrow();
    return new ArrayList<>(
        List.of(
            binary.toString(),
            "-h",
            "127.0.0.1",
            "-p",
            String.valueOf(target.port()),
            "-i",
            clientId,
            "-q",
            "1",
            "-t",
            "quotes"));
  }

  /** Waits for the subscriber to exit successfully and returns what it printed. */
  private static String messages(ManagedProcess subscriber) {
    await("mosquitto_sub exiting; " + subscriber)
        .atMost(Duration.ofSeconds(90))
        .until(() -> hasExited(subscriber));
    assertThat(subscriber.exitValue()).as(subscriber.toString()).isZero();
    return subscriber.stdout();
  }

  private static boolean hasExited(ManagedProcess process) {
    try {
      process.exitValue();
      return true;
    } catch (IllegalThreadStateException e) {
      return false;
    }
  }
}
