package io.intuition.console.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.ProjectPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The built console.jar as a real process on a real mosquitto. */
class ConsoleJarIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern LISTENING = Pattern.compile("console on http://([^\\s:]+):(\\d+)");

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ManagedProcess> processes = new ArrayList<>();
  private MosquittoBroker broker;

  @BeforeEach
  void start() {
    broker = MosquittoBroker.start();
  }

  @AfterEach
  void stop() {
    processes.forEach(ManagedProcess::close);
    broker.close();
  }

  private ManagedProcess console(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ProjectPaths.java(),
                "-jar",
                ProjectPaths.serviceJar("console").toString(),
                "--mqtt",
                broker.mqttUrl()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ProjectPaths.root().toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("CONSOLE_"));
    ManagedProcess process = ManagedProcess.start("console", builder);
    processes.add(process);
    return process;
  }

  private int status(String url) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  @Test
  void jar_printsItsAddress_servesHealth_andExitsZeroOnSigterm() throws Exception {
    ManagedProcess console = console("--http-port", "0");
    console.awaitOutput("console on http://127.0.0.1:", WAIT);
    Matcher matcher = LISTENING.matcher(console.stdout());
    assertThat(matcher.find()).isTrue();
    String base = "http://" + matcher.group(1) + ":" + matcher.group(2);

    await("healthy").atMost(WAIT).until(() -> status(base + "/health") == 200);
    assertThat(status(base + "/api/state")).isEqualTo(200);

    assertThat(console.terminate(WAIT)).isTrue();
    assertThat(console.exitValue()).isZero();
  }

  @Test
  void portTaken_exitsTwoNamingIt() throws Exception {
    ManagedProcess first = console("--http-port", "0");
    first.awaitOutput("console on ", WAIT);
    Matcher matcher = LISTENING.matcher(first.stdout());
    assertThat(matcher.find()).isTrue();

    ManagedProcess second = console("--http-port", matcher.group(2));

    assertThat(second.awaitExit(WAIT)).isTrue();
    assertThat(second.exitValue()).isEqualTo(2);
    assertThat(second.stderr()).contains("--http-port", "cannot listen on");
  }
}
