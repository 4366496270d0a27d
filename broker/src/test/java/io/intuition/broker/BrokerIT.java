package io.intuition.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.ProjectPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/** Runs the packaged broker as a real process against the real Mosquitto command-line clients. */
class BrokerIT {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(15);

  private final List<ManagedProcess> started = new ArrayList<>();

  @RegisterExtension
  final TestWatcher diagnostics =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          started.forEach(System.err::println);
        }
      };

  @AfterEach
  void destroyProcesses() {
    started.forEach(ManagedProcess::close);
  }

  @Test
  void qos1_fromMosquittoPub_reachesMosquittoSub() {
    int port = startBroker();
    ManagedProcess subscriber = subscribe(port, "sub-live", false);

    MosquittoBroker.publish(port, "orders", 1, "{\"n\":1}");
    MosquittoBroker.publish(port, "orders", 1, "{\"n\":2}");

    subscriber.awaitOutput("orders {\"n\":2}", RECEIVE_TIMEOUT);
    assertThat(messages(subscriber)).containsExactly("orders {\"n\":1}", "orders {\"n\":2}");
  }

  @Test
  void persistentSession_keepsQos1MessagesPublishedWhileItsClientWasAway() throws Exception {
    int port = startBroker();
    ManagedProcess first = subscribe(port, "sub-persistent", true);
    MosquittoBroker.publish(port, "orders", 1, "before");
    first.awaitOutput("orders before", RECEIVE_TIMEOUT);
    assertThat(first.terminate(RECEIVE_TIMEOUT)).isTrue();

    MosquittoBroker.publish(port, "orders", 1, "while away 1");
    MosquittoBroker.publish(port, "orders", 1, "while away 2");
    ManagedProcess again = subscribe(port, "sub-persistent", true);

    again.awaitOutput("orders while away 2", RECEIVE_TIMEOUT);
    assertThat(messages(again)).containsExactly("orders while away 1", "orders while away 2");
  }

  @Test
  void sigterm_stopsTheBrokerWithExitZero() throws Exception {
    startBroker();
    ManagedProcess broker = started.get(0);

    assertThat(broker.terminate(Duration.ofSeconds(10))).isTrue();

    assertThat(broker.exitValue()).isZero();
    assertThat(broker.stderr()).contains("stopped").doesNotContain("Exception");
  }

  private int startBroker() {
    int port = ProjectPaths.freePort();
    Path jar = ProjectPaths.serviceJar("broker");
    ManagedProcess broker =
        ManagedProcess.start(
            "broker",
            Path.of("."),
            List.of(ProjectPaths.java(), "-jar", jar.toString(), "--port", String.valueOf(port)));
    started.add(broker);
    broker.awaitOutput("broker listening on mqtt://127.0.0.1:" + port, START_TIMEOUT);
    return port;
  }

  /**
   * A {@code mosquitto_sub} at QoS 1 on {@code orders}, returned once it is subscribed: it prints
   * only messages (flushing each), so probes on a topic of its own show when it is.
   */
  private ManagedProcess subscribe(int port, String clientId, boolean persistent) {
    String probe = "probe/" + clientId;
    List<String> command =
        new ArrayList<>(
            List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-q", "1"));
    command.addAll(List.of("-t", "orders", "-t", probe, "-v", "-i", clientId));
    if (persistent) {
      command.add("-c");
    }
    ManagedProcess subscriber = ManagedProcess.start(clientId, Path.of("."), command);
    started.add(subscriber);
    await(clientId + " subscribed")
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              MosquittoBroker.publish(port, probe, 0, "ping");
              return subscriber.stdout().contains(probe + " ping");
            });
    return subscriber;
  }

  private static List<String> messages(ManagedProcess subscriber) {
    return subscriber.stdout().lines().filter(line -> line.startsWith("orders ")).toList();
  }
}
