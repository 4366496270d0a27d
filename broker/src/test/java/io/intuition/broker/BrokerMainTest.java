package io.intuition.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ProjectPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BrokerMainTest {
  private final BrokerMain app = new BrokerMain();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ExecutorService runner = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopApp() throws InterruptedException {
    app.stop();
    runner.shutdown();
    assertThat(runner.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void help_listsEveryOptionAndExitsZero() {
    assertThat(execute("--help")).isZero();

    assertThat(out.toString()).contains("Usage: broker", "--host", "--port", "BROKER_PORT");
  }

  @Test
  void version_printsNameAndVersionAndExitsZero() {
    assertThat(execute("--version")).isZero();

    assertThat(out.toString().lines().findFirst())
        .hasValueSatisfying(line -> assertThat(line).matches("broker \\d+\\.\\d+\\.\\d+\\S*"));
  }

  @Test
  void portOutOfRange_printsOneLineAndExitsTwo() {
    assertThat(execute("--port", "70000")).isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly("broker: --port must be between 0 and 65535, but was 70000");
  }

  @Test
  void portInUse_printsOneLineAndExitsOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      assertThat(execute("--port", String.valueOf(port))).isEqualTo(1);

      assertThat(err.toString().lines())
          .containsExactly(
              "broker: cannot listen on 127.0.0.1:" + port + ": Address already in use");
      assertThat(out.toString()).isEmpty();
    }
  }

  @Test
  void run_acceptsMqttClientsUntilStopped() throws Exception {
    int port = ProjectPaths.freePort();
    Future<Integer> exit = runner.submit(() -> execute("--port", String.valueOf(port)));

    String url = "mqtt://127.0.0.1:" + port;
    await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains(url));
    assertThat(out.toString().lines()).containsExactly("broker listening on " + url);
    assertThat(roundTrip(port)).isEqualTo("hello");

    app.stop();

    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void run_portZero_listensOnAFreePortAndPrintsIt() throws Exception {
    Future<Integer> exit = runner.submit(() -> execute("--port", "0"));

    await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("listening"));
    String line = out.toString().strip();
    assertThat(line).matches("broker listening on mqtt://127\\.0\\.0\\.1:\\d+");
    int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
    assertThat(port).isPositive();
    assertThat(roundTrip(port)).isEqualTo("hello");

    app.stop();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
  }

  /** Publishes at QoS 1 to itself through the broker; returns what came back. */
  private static String roundTrip(int port) throws MqttException, InterruptedException {
    MqttClient client =
        new MqttClient("tcp://127.0.0.1:" + port, "round-trip", new MemoryPersistence());
    try {
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      client.connect(options);
      BlockingQueue<String> received = new LinkedBlockingQueue<>();
      client.subscribe(
          "echo",
          1,
          (topic, message) ->
              received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
      client.publish("echo", "hello".getBytes(StandardCharsets.UTF_8), 1, false);
      return received.poll(10, TimeUnit.SECONDS);
    } finally {
      client.disconnect();
      client.close();
    }
  }

  private int execute(String... args) {
    return new CommandLine(app)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }
}
