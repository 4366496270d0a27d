package io.intuition.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.ProjectPaths;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code scripts/run.sh} headless, as a newcomer would, from a folder outside the repository:
 * orders must arrive, the console must see the services it started, and nothing it started may be
 * left running.
 */
class RunScriptIT {
  private static final String DURATION_S = "15";
  // the run itself, plus starting five JVMs and a build if the jars are older than the sources
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
  private static final Pattern CONSOLE_LINE =
      Pattern.compile(
          "run\\.sh: console: (http://127\\.0\\.0\\.1:\\d+) \\(open it in a browser\\)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BRIDGE_TOTALS =
      Pattern.compile("stopped: received (\\d+), forwarded \\d+, orders (\\d+)");

  @TempDir Path temp;
  private final int port = ProjectPaths.freePort();
  private ManagedProcess run;

  @AfterEach
  void destroy() {
    if (run != null) {
      run.close();
    }
  }

  @Test
  void run_withMosquittoInstalled_startsItShowsOrdersAndLeavesNothingRunning() throws IOException {
    Path runDir = temp.resolve("run");

    run(runDir, Map.of());

    assertThat(run.stdout()).contains("broker: started mosquitto");
    assertThat(lines(runDir.resolve("orders.log")))
        .as("orders from mosquitto_sub; %s", run)
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).startsWith("orders {\"sid\":"));
    assertThat(lines(runDir.resolve("book.log")))
        .as("the book every few seconds; %s", run)
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).matches("portfolio: cash \\d+\\.\\d\\d equity .*"));
    assertThat(run.stdout()).contains("portfolio: cash ");
    assertThat(pids(runDir))
        .containsOnlyKeys(
            "broker",
            "subscriber",
            "algo-service",
            "bridge-service",
            "feed-service",
            "console",
            "book");
    assertNothingLeft(runDir);
  }

  @Test
  void run_withoutMosquitto_startsTheEmbeddedBrokerAndOrdersStillArrive() throws IOException {
    Path runDir = temp.resolve("run");
    // PATH hides mosquitto, mosquitto_sub and mosquitto_pub; the variable also keeps run.sh from
    // the sbin folders it searches for mosquitto, which are not on every user's PATH
    run(runDir, Map.of("PATH", pathWithoutMosquitto().toString(), "INTUITION_NO_MOSQUITTO", "1"));

    assertThat(run.stdout())
        .contains("started the embedded broker")
        .contains("mosquitto_sub is not installed");
    Matcher totals = BRIDGE_TOTALS.matcher(read(runDir.resolve("bridge-service.log")));
    assertThat(totals.find()).as("the bridge's totals; %s", run).isTrue();
    assertThat(Long.parseLong(totals.group(2))).as("orders published").isPositive();
    assertThat(lines(runDir.resolve("orders.log")))
        .as("orders from the logs")
        .anySatisfy(line -> assertThat(line).contains("-> [{sid="));
    assertThat(pids(runDir))
        .containsOnlyKeys(
            "broker", "algo-service", "bridge-service", "feed-service", "console", "book");
    assertNothingLeft(runDir);
  }

  private void run(Path runDir, Map<String, String> environment) {
    ProcessBuilder builder =
        new ProcessBuilder(
                ProjectPaths.root().resolve("scripts/run.sh").toString(),
                "--duration",
                DURATION_S,
                "--mqtt",
                "mqtt://127.0.0.1:" + port,
                "--run-dir",
                runDir.toString(),
                "--console-port",
                "0")
            .directory(temp.toFile());
    builder.environment().remove("INTUITION_NO_MOSQUITTO");
    builder.environment().putAll(environment);
    run = ManagedProcess.start("run.sh", builder);
    assertConsoleSeesTheServices();
    await("run.sh to stop by itself").atMost(RUN_TIMEOUT).until(() -> !run.isAlive());
    assertThat(run.exitValue()).as("%s", run).isZero();
    assertThat(run.stdout()).contains("run.sh: logs are in " + runDir);
  }

  /**
   * While the run lasts, the console's printed address answers, and the console sees the services
   * the run started, each announcing where its /metrics answer.
   */
  private void assertConsoleSeesTheServices() {
    run.awaitOutput("run.sh: console: ", RUN_TIMEOUT);
    Matcher address = CONSOLE_LINE.matcher(run.stdout());
    assertThat(address.find()).as("the console's address; %s", run).isTrue();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest state = HttpRequest.newBuilder(URI.create(address.group(1) + "/api/state")).build();
    await("the console to list the algo, the bridge and the feed with their /metrics")
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () -> announcedWithHttp(client.send(state, HttpResponse.BodyHandlers.ofString())),
            kinds -> kinds.containsAll(List.of("algo", "bridge", "feed")));
  }

  /** The kinds of the online services in the console's state that announce an http endpoint. */
  private static List<String> announcedWithHttp(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode services = JSON.readTree(response.body()).path("services");
    return StreamSupport.stream(services.spliterator(), false)
        .filter(service -> service.path("state").asText().equals("online"))
        .filter(service -> service.path("http").asText().startsWith("http://127.0.0.1:"))
        .map(service -> service.path("kind").asText())
        .toList();
  }

  private void assertNothingLeft(Path runDir) throws IOException {
    pids(runDir)
        .forEach(
            (name, pid) ->
                assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                    .as("%s (pid %d)", name, pid)
                    .isEmpty());
    assertThat(runDir.resolve("log-stream")).doesNotExist();
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).as("the broker's port is free again").isEqualTo(port);
    }
  }

  /** The pids file: one "pid name" line per process started. */
  private static Map<String, Long> pids(Path runDir) {
    return lines(runDir.resolve("pids")).stream()
        .map(line -> line.split(" ", 2))
        .collect(Collectors.toMap(fields -> fields[1], fields -> Long.valueOf(fields[0])));
  }

  /**
   * A folder of links to every program on PATH but mosquitto's, first one of a name winning as on
   * PATH, with the java running this test first.
   */
  private Path pathWithoutMosquitto() throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("java"), Path.of(ProjectPaths.java()));
    for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path directory = Path.of(entry.isEmpty() ? "." : entry);
      if (!Files.isDirectory(directory)) {
        continue;
      }
      try (Stream<Path> programs = Files.list(directory)) {
        for (Path program : programs.toList()) {
          String name = program.getFileName().toString();
          Path link = bin.resolve(name);
          if (!name.startsWith("mosquitto")
              && Files.isExecutable(program)
              && !Files.isDirectory(program)
              && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, program.toAbsolutePath());
          }
        }
      }
    }
    return bin;
  }

  private static List<String> lines(Path file) {
    return read(file).lines().filter(line -> !line.isBlank()).toList();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
