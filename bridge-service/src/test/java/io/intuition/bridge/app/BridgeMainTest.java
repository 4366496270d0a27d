package io.intuition.bridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BridgeMainTest {
  private final BridgeMain app = new BridgeMain();
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

    assertThat(out.toString())
        .contains("Usage: bridge-service")
        .contains("-m, --mqtt", "-r, --rpc", "--algo=NAME", "--cash", "--param", "--client-id")
        .contains("--orders-topic", "--username", "--password-file", "--max-payload", "--version")
        .contains("--ca-file", "--cert-file", "--key-file", "--insecure", "BRIDGE_CA_FILE")
        .contains("--mqtt-version", "--max-held", "--window", "--shared-group=NAME");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void version_printsNameVersionAndDescriptionAndExitsZero() {
    assertThat(execute("--version")).isZero();

    assertThat(out.toString().lines().toList())
        .hasSize(2)
        .satisfiesExactly(
            line -> assertThat(line).matches("bridge-service \\d+\\.\\d+\\.\\d+\\S*"),
            line -> assertThat(line).startsWith("Forwards quotes from MQTT to an algorithm"));
  }

  @Test
  void malformedMqttUrl_printsOneLineAndExitsTwo() {
    assertThat(execute("--mqtt", "http://x")).isEqualTo(2);

    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("bridge-service: invalid MQTT URL"));
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void unreadablePasswordFile_printsOneLineAndExitsTwo() {
    assertThat(execute("--username", "bridge", "--password-file", "/nonexistent/password"))
        .isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly(
            "bridge-service: cannot read --password-file /nonexistent/password: no such file");
  }

  @Test
  void sharedGroupWithSlash_printsOneLineAndExitsTwo() {
    assertThat(execute("--shared-group", "a/b")).isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly(
            "bridge-service: --shared-group must not hold '/', '+', '#' or control characters,"
                + " but was a/b");
  }

  @Test
  void zeroWindow_printsOneLineAndExitsTwo() {
    assertThat(execute("--window", "0")).isEqualTo(2);

    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("bridge-service: ").contains("window"));
  }

  @Test
  void unknownMqttVersion_namesTheVersionsThereAreAndExitsTwo() {
    assertThat(execute("--mqtt-version", "4")).isEqualTo(2);

    assertThat(err.toString()).contains("MQTT version must be auto, 3 or 5, but was \"4\"");
  }

  @Test
  void maxHeldBeyondWhatMqtt5CanAskFor_printsOneLineAndExitsTwo() {
    assertThat(execute("--max-held", "70000")).isEqualTo(2);

    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("bridge-service: ")
                    .contains("max held must be between 1 and 65535, but was 70000"));
  }

  @Test
  void rpcAndAlgoBoth_printsOneLineAndExitsTwo() {
    assertThat(execute("--rpc", "tcp://127.0.0.1:4242", "--algo", "a1")).isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly(
            "bridge-service: give either --rpc (BRIDGE_RPC) or --algo (BRIDGE_ALGO), not both");
  }

  @Test
  void algoNameThatCannotBeATopicLevel_printsOneLineAndExitsTwo() {
    assertThat(execute("--algo", "a1/#")).isEqualTo(2);

    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("bridge-service: --algo must not hold"));
  }

  @Test
  void unknownOption_namesItAndExitsTwo() {
    assertThat(execute("--nosuch")).isEqualTo(2);

    assertThat(err.toString()).startsWith("Unknown option: '--nosuch'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void defaultClientId_isStablePerRpcAddressAndFitsMqtt311() {
    String id = BridgeMain.defaultClientId("tcp://127.0.0.1:4242");

    assertThat(BridgeMain.defaultClientId("tcp://127.0.0.1:4242")).isEqualTo(id);
    assertThat(BridgeMain.defaultClientId("tcp://127.0.0.1:4243")).isNotEqualTo(id);
    assertThat(id).hasSizeLessThanOrEqualTo(23).matches("[0-9a-zA-Z-]+");
  }

  @Test
  void initializeParams_readsJsonValuesAndKeepsOtherTextAsText() {
    Map<String, Object> params =
        InitializeParams.of(
            new BigDecimal("50000"),
            Map.of("threshold", "0.2", "name", "x", "channels", "[\"a\"]"));

    assertThat(params)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("cash", 50_000L, "threshold", 0.2, "name", "x", "channels", List.of("a")));
    assertThat(params.keySet()).first().isEqualTo("cash");
  }

  @Test
  void initializeParams_fractionalCash_isSentAsADouble() {
    assertThat(InitializeParams.of(new BigDecimal("1234.5"), Map.of()))
        .containsExactly(Map.entry("cash", 1234.5));
  }

  @Test
  void initializeParams_jsonFollowedByText_isKeptAsText() {
    assertThat(InitializeParams.of(BigDecimal.ONE, Map.of("note", "10 shares")))
        .containsEntry("note", "10 shares");
  }

  @Test
  void param_jsonListOfSeveralItemsAmongOthers_isSentAsAList() {
    new CommandLine(app)
        .parseArgs("--param", "channels=[\"a\",\"b\"]", "--param", "threshold=0.2,name=x");

    assertThat(InitializeParams.of(app.cash, app.params))
        .containsEntry("channels", List.of("a", "b"))
        .containsEntry("threshold", 0.2)
        .containsEntry("name", "x");
  }

  @Test
  void run_brokerUnreachable_keepsRetryingUntilStoppedThenExitsZero() throws IOException {
    String mqtt = "mqtt://127.0.0.1:" + freePort();
    String rpc = "tcp://127.0.0.1:" + freePort();

    Future<Integer> exit = runner.submit(() -> execute("--mqtt", mqtt, "--rpc", rpc));

    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !exit.isDone());
    app.stop();
    await().atMost(Duration.ofSeconds(6)).until(exit::isDone);
    assertThat(exit).succeedsWithin(Duration.ZERO).isEqualTo(0);
    assertThat(app.control().stats().received()).isZero();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void run_byAlgoName_brokerUnreachable_keepsRetryingUntilStoppedThenExitsZero()
      throws IOException {
    String mqtt = "mqtt://127.0.0.1:" + freePort();

    Future<Integer> exit = runner.submit(() -> execute("--mqtt", mqtt, "--algo", "a1"));

    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !exit.isDone());
    app.stop();
    await().atMost(Duration.ofSeconds(6)).until(exit::isDone);
    assertThat(exit).succeedsWithin(Duration.ZERO).isEqualTo(0);
    assertThat(app.control().stats().received()).isZero();
    assertThat(err.toString()).isEmpty();
  }

  private int execute(String... args) {
    return new CommandLine(app)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
