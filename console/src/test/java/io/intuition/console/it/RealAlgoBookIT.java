package io.intuition.console.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.curve.ClientCredentials;
import io.intuition.common.rpc.curve.CurveKeyPair;
import io.intuition.common.rpc.curve.KeyFiles;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.ProjectPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's book of a real algo-service, both jars run as processes. */
class RealAlgoBookIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern LISTENING = Pattern.compile("console on (http://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path keys;
  private MosquittoBroker broker;
  private ManagedProcess algo;
  private ManagedProcess console;

  @BeforeEach
  void start() {
    broker = MosquittoBroker.start();
  }

  @AfterEach
  void stop() {
    Stream.of(console, algo).filter(p -> p != null).forEach(ManagedProcess::close);
    broker.close();
  }

  @Test
  void algoRpc_ofARealAlgo_showsItsCashAndEquityWithACurve() throws Exception {
    String rpc = "tcp://127.0.0.1:" + ProjectPaths.freePort();
    algo = jar("algo-service", "--addr", rpc, "--seed", "11").awaitOutput("serving on", WAIT);
    try (RpcClient client = RpcClient.builder(rpc).timeout(WAIT).build()) {
      client.invoke("initialize", Map.of("cash", 1234, "channels", List.of("quotes")));
    }

    String state = startConsole("--algo-rpc", rpc);

    assertBookOf1234(state, rpc);
  }

  @Test
  void curveKeys_ofAnAlgoWithCurve_showItsBook_andWithoutThemTheBookSaysItHasNoAnswer()
      throws Exception {
    Path clients = Files.createDirectory(keys.resolve("clients"));
    KeyFiles.Written server = KeyFiles.write(keys, "algo", CurveKeyPair.generate(), false);
    KeyFiles.Written allowed = KeyFiles.write(clients, "console", CurveKeyPair.generate(), false);
    String rpc = "tcp://127.0.0.1:" + ProjectPaths.freePort();
    algo =
        jar(
                "algo-service",
                "--addr",
                rpc,
                "--curve-secret-key-file",
                server.secretFile().toString(),
                "--curve-clients",
                clients.toString())
            .awaitOutput("serving on", WAIT);
    ClientCredentials keyed =
        ClientCredentials.load(server.publicFile().toString(), allowed.secretFile());
    try (RpcClient client = RpcClient.builder(rpc).timeout(WAIT).curve(keyed).build()) {
      client.invoke("initialize", Map.of("cash", 1234, "channels", List.of("quotes")));
    }

    String state =
        startConsole(
            "--algo-rpc",
            rpc,
            "--curve-server-key",
            server.publicFile().toString(),
            "--curve-secret-key-file",
            allowed.secretFile().toString());
    assertBookOf1234(state, rpc);
    console.close();

    String refused = startConsole("--algo-rpc", rpc);
    await("the book's error without the keys")
        .atMost(WAIT)
        .until(() -> !book(refused).path("error").isNull());
    assertThat(book(refused).path("book").isNull()).as("no book without the keys").isTrue();
  }

  private String startConsole(String... options) {
    List<String> args =
        Stream.concat(
                Stream.of("--mqtt", broker.mqttUrl(), "--http-port", "0", "--book-every", "200"),
                Stream.of(options))
            .toList();
    console = jar("console", args.toArray(String[]::new)).awaitOutput("console on ", WAIT);
    Matcher matcher = LISTENING.matcher(console.stdout());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1) + "/api/state";
  }

  private void assertBookOf1234(String state, String rpc) throws Exception {
    await("the book and a curve of two points")
        .atMost(WAIT)
        .until(() -> book(state).path("curve").size() >= 2);
    JsonNode book = book(state);
    assertThat(book.get("algo").asText()).isEqualTo(rpc);
    assertThat(book.get("error").isNull()).isTrue();
    assertThat(book.at("/book/cash").asDouble()).isEqualTo(1234.0);
    assertThat(book.at("/book/equity").asDouble()).isEqualTo(1234.0);
    assertThat(book.at("/book/positions").isObject()).isTrue();
    assertThat(book.at("/curve/0/1").asDouble()).isEqualTo(1234.0);
  }

  private JsonNode book(String state) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(state)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body()).path("books").path(0);
  }

  private static ManagedProcess jar(String service, String... args) {
    List<String> command =
        Stream.concat(
                Stream.of(ProjectPaths.java(), "-jar", ProjectPaths.serviceJar(service).toString()),
                Stream.of(args))
            .toList();
    ProcessBuilder builder = new ProcessBuilder(command).directory(ProjectPaths.root().toFile());
    builder
        .environment()
        .keySet()
        .removeIf(key -> key.startsWith("CONSOLE_") || key.startsWith("ALGO_"));
    return ManagedProcess.start(service, builder);
  }
}
