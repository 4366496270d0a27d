package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.algo.catalog.Catalog;
import io.intuition.common.rpc.RpcService;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.server.RpcServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AlgoMainTest {
  private static final Pattern BANNER =
      Pattern.compile("serving on (tcp://127\\.0\\.0\\.1:\\d+) \\.\\.\\.");
  private static final String ESC = "\u001B";

  private final AlgoMain app = new AlgoMain();
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
        .contains("Usage: algo-service", "--addr", "--seed", "--name", "--algo")
        .contains("--max-message", "--max-symbols");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void version_printsNameAndVersionAndExitsZero() {
    assertThat(execute("--version")).isZero();

    assertThat(out.toString().lines().findFirst())
        .hasValueSatisfying(
            line -> assertThat(line).matches("algo-service \\d+\\.\\d+\\.\\d+\\S*"));
  }

  @Test
  void maxMessageNotPositive_printsOneLineAndExitsTwo() {
    assertThat(execute("--addr", "tcp://127.0.0.1:*", "--max-message", "0")).isEqualTo(2);

    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .isEqualTo("algo-service: --max-message must be positive, but was 0"));
  }

  @Test
  void maxSymbolsNotPositive_printsOneLineAndExitsTwo() {
    assertThat(execute("--addr", "tcp://127.0.0.1:*", "--max-symbols", "-3")).isEqualTo(2);

    assertThat(err.toString()).contains("--max-symbols must be positive, but was -3");
  }

  @Test
  void unknownOption_printsUsageAndExitsTwo() {
    assertThat(execute("--nosuch")).isEqualTo(2);

    assertThat(err.toString()).contains("Unknown option: '--nosuch'", "Usage: algo-service");
  }

  @Test
  void malformedAddress_printsOneLineAndExitsOne() {
    assertThat(execute("--addr", "foo://x")).isEqualTo(1);

    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("algo-service: cannot bind foo://x"));
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void addressInUse_printsOneLineAndExitsOne() {
    try (RpcServer other =
        RpcServer.start(RpcService.builder("other").build(), "tcp://127.0.0.1:*")) {
      assertThat(execute("--addr", other.address())).isEqualTo(1);

      assertThat(err.toString().lines())
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .startsWith("algo-service: cannot bind " + other.address())
                      .contains("in use"));
    }
  }

  @Test
  void unknownAlgorithm_namesTheKnownOnesAndExitsOne() {
    assertThat(execute("--addr", "tcp://127.0.0.1:*", "--algo", "nosuch")).isEqualTo(1);

    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("algo-service: ")
                    .contains("nosuch")
                    .contains(Catalog.names()));
  }

  @Test
  void run_servesTheAlgorithmUntilStopped() throws Exception {
    Future<Integer> exit =
        runner.submit(
            () -> execute("--addr", "tcp://127.0.0.1:*", "--seed", "7", "--name", "cli-algo"));

    await().atMost(Duration.ofSeconds(10)).until(() -> BANNER.matcher(out.toString()).find());
    Matcher banner = BANNER.matcher(out.toString());
    assertThat(banner.find()).isTrue();
    String address = banner.group(1);
    assertThat(out.toString() + err.toString()).doesNotContain(ESC);

    try (RpcClient client = RpcClient.connect(address, Duration.ofSeconds(10))) {
      assertThat(client.invoke("_zerorpc_name")).isEqualTo("cli-algo");
      assertThat(client.invoke("initialize", Map.of())).isEqualTo(List.of("quotes"));
    }

    app.stop();

    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    try (RpcServer again = RpcServer.start(RpcService.builder("again").build(), address)) {
      assertThat(again.address()).isEqualTo(address);
    }
  }

  private int execute(String... args) {
    return new CommandLine(app)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }
}
