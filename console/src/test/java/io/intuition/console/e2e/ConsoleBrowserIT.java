package io.intuition.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.ProjectPaths;
import io.intuition.common.testing.StartedProcesses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console page in a real browser against a real suite, all as processes: a mosquitto, the
 * algo-service (sma-cross, announcing itself as a1), the bridge-service following it by name, a
 * fast feed-service, the indicator-service and the console, which finds the algo's book and the
 * services' /metrics from their announcements. {@code console/e2e/console.e2e.mjs} drives headless
 * Chromium through it, then floods the broker with 10,000 orders and checks the page stays bounded
 * and usable; its screenshots and output land in {@code console/target/e2e}. Skipped, saying what
 * to install, without Chromium, node or playwright-core.
 */
class ConsoleBrowserIT {
  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);
  private static final String ALGO = "a1";
  private static final String QUOTES_PER_SECOND = "200";
  private static final int FLOOD = 10_000;
  private static final int MAX_ORDERS = 500;

  @RegisterExtension final StartedProcesses processes = new StartedProcesses();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private MosquittoBroker broker;

  @AfterEach
  void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void runningSuite_pageShowsOrdersAndBooksLive_andStaysBoundedThrough10000Orders()
      throws Exception {
    E2eScript script = E2eScript.requirePrerequisites();
    broker = MosquittoBroker.start();

    int algoHttp = ProjectPaths.freePort();
    String rpc = "tcp://127.0.0.1:" + ProjectPaths.freePort();
    ManagedProcess algo =
        start(
            "algo-service",
            algoHttp,
            "--addr",
            rpc,
            "--algo",
            "sma-cross",
            "--sizer",
            "fixed-fraction",
            "--name",
            ALGO,
            "--mqtt",
            broker.url());
    int bridgeHttp = ProjectPaths.freePort();
    start(
        "bridge-service",
        bridgeHttp,
        "--mqtt",
        broker.mqttUrl(),
        "--algo",
        ALGO,
        "--name",
        "b1",
        "--param",
        "short=3",
        "--param",
        "long=8",
        "--param",
        "fraction=0.2");
    int feedHttp = ProjectPaths.freePort();
    start(
        "feed-service",
        feedHttp,
        "--mqtt",
        broker.mqttUrl(),
        "--name",
        "f1",
        "--symbols",
        "GOOG,AAPL,MSFT",
        "--rate",
        QUOTES_PER_SECOND);
    int indicatorHttp = ProjectPaths.freePort();
    start(
        "indicator-service",
        indicatorHttp,
        "--mqtt",
        broker.mqttUrl(),
        "--name",
        "i1",
        "--sma",
        "3,8");
    // a second feed, stopped while the page watches: its row must turn offline
    ManagedProcess stopped =
        start(
            "feed-service",
            ProjectPaths.freePort(),
            "--mqtt",
            broker.mqttUrl(),
            "--name",
            "f2",
            "--symbols",
            "IBM",
            "--rate",
            "1");
    int consoleHttp = ProjectPaths.freePort();
    start(
        "console",
        consoleHttp,
        "--mqtt",
        broker.mqttUrl(),
        "--book-every",
        "500",
        "--scrape-every",
        "1000");

    Path out = ProjectPaths.root().resolve("console/target/e2e");
    E2eScript.Result result =
        script.run(
            "http://127.0.0.1:" + consoleHttp,
            broker.port(),
            out,
            SCRIPT_TIMEOUT,
            List.of(
                "--flood",
                Integer.toString(FLOOD),
                "--stop-pid",
                Long.toString(stopped.pid()),
                "--stop-service",
                "feed/f2",
                "--stop-algo-pid",
                Long.toString(algo.pid()),
                "--stop-algo",
                ALGO));
    System.out.println(result.output());
    assertThat(result.ended())
        .as("the browser test ended within %s; output:%n%s", SCRIPT_TIMEOUT, result.output())
        .isTrue();
    assertThat(result.exitCode())
        .as("exit code of the browser test; output:%n%s", result.output())
        .isZero();
    assertThat(out.resolve("console.png")).isRegularFile();
    assertThat(out.resolve("console-10000.png")).isRegularFile();
    assertServerBounded(consoleHttp);
  }

  /** The console itself holds at most --max-orders of the 10,000 and more it counted. */
  private void assertServerBounded(int consoleHttp) throws IOException, InterruptedException {
    String metrics =
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + consoleHttp + "/metrics"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(sample(metrics, "console_orders_received_total"))
        .as("orders the console counted")
        .isGreaterThanOrEqualTo(FLOOD);
    assertThat(sample(metrics, "console_orders_kept"))
        .as("orders the console holds")
        .isEqualTo(MAX_ORDERS);
    assertThat(sample(metrics, "console_input_rejected_total")).as("rejected input").isZero();
  }

  private static double sample(String metrics, String name) {
    return metrics
        .lines()
        .filter(line -> line.startsWith(name + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " is missing from /metrics:\n" + metrics));
  }

  /** Starts the service's jar with {@code --http-port port} and waits until its /health is 200. */
  private ManagedProcess start(String service, int port, String... options) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ProjectPaths.java(),
                "-Xmx192m",
                "-jar",
                ProjectPaths.serviceJar(service).toString()));
    command.addAll(List.of(options));
    command.addAll(List.of("--http-port", Integer.toString(port)));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ProjectPaths.root().toFile());
    String prefix = service.replace("-service", "").toUpperCase() + "_";
    builder.environment().keySet().removeIf(key -> key.startsWith(prefix));
    ManagedProcess process = processes.add(ManagedProcess.start(service, builder));
    URI health = URI.create("http://127.0.0.1:" + port + "/health");
    await(service + " answering 200 on " + health)
        .atMost(START)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> exitedOrHealthy(process, health));
    assertThat(process.isAlive()).as("%s is running; %s", service, process).isTrue();
    return process;
  }

  private boolean exitedOrHealthy(ManagedProcess process, URI health) throws InterruptedException {
    if (!process.isAlive()) {
      return true;
    }
    try {
      HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }
}
