package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.algo.state.StateFile;
import io.intuition.algo.trading.Trader;
import io.intuition.algo.trading.TraderTestSupport;
import io.intuition.common.rpc.RpcService;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.server.RpcServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        .contains("Usage: algo-service", "--addr", "--seed", "--name", "--algo", "--sizer")
        .contains("--state", "--recent-quotes", "--max-tracked-symbols")
        .contains("--max-message", "--max-symbols")
        .contains("random, sma-cross", "fixed-fraction, random-fraction")
        .contains("portfolio");
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
                    .contains("[random, sma-cross]"));
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
      assertThat(client.invoke("_zerorpc_list"))
          .asInstanceOf(InstanceOfAssertFactories.LIST)
          .contains("initialize", "event", "portfolio");
      assertThat(client.invoke("initialize", Map.of())).isEqualTo(List.of("quotes"));
    }

    app.stop();

    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    try (RpcServer again = RpcServer.start(RpcService.builder("again").build(), address)) {
      assertThat(again.address()).isEqualTo(address);
    }
  }

  @Test
  void unknownSizer_namesTheKnownOnesAndExitsOne() {
    assertThat(execute("--addr", "tcp://127.0.0.1:*", "--sizer", "kelly")).isEqualTo(1);

    assertThat(err.toString().strip())
        .isEqualTo(
            "algo-service: sizer must be one of [fixed-fraction, random-fraction], but was"
                + " \"kelly\"");
  }

  @Test
  void corruptStateFile_isOneLineNamingItAndExitsOne(@TempDir Path folder) throws IOException {
    Path state = folder.resolve("book.state");
    Files.writeString(state, "not a state");

    assertThat(execute("--addr", "tcp://127.0.0.1:*", "--state", state.toString())).isEqualTo(1);

    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith(
                        "algo-service: state file " + state.toAbsolutePath() + " is corrupt")
                    .endsWith("move it away to open a new book"));
    assertThat(out.toString()).doesNotContain("serving");
  }

  @Test
  void stateOfAnotherAlgorithm_isRefusedAndExitsOne(@TempDir Path folder) throws Exception {
    Path state = folder.resolve("book.state");
    Trader random = TraderTestSupport.initialized("random");
    new StateFile(state).write(random.state(), 0);

    assertThat(
            execute(
                "--addr", "tcp://127.0.0.1:*", "--algo", "sma-cross", "--state", state.toString()))
        .isEqualTo(1);

    assertThat(err.toString().strip())
        .isEqualTo(
            "algo-service: state file "
                + state
                + " cannot be restored: it holds the book of the algorithm random, but this one"
                + " runs sma-cross");
  }

  @Test
  void stateFolderMissing_isOneLineAndExitsOne(@TempDir Path folder) {
    Path state = folder.resolve("nowhere/book.state");

    assertThat(execute("--addr", "tcp://127.0.0.1:*", "--state", state.toString())).isEqualTo(1);

    assertThat(err.toString().strip())
        .isEqualTo("algo-service: the folder of --state " + state + " does not exist");
  }

  @Test
  void run_withState_savesTheBookAndTheNextRunRestoresIt(@TempDir Path folder) throws Exception {
    Path state = folder.resolve("book.state");
    String address = start("--state", state.toString(), "--seed", "3");
    Object order;
    try (RpcClient client = RpcClient.connect(address, Duration.ofSeconds(10))) {
      client.invoke("initialize", Map.of("cash", 1_000, "threshold", 0));
      order = client.invoke("event", Map.of("sid", "GOOG", "quote", 10, "ts", 5));
    }
    assertThat(Files.exists(state)).as("saved before the order was answered").isTrue();
    app.stop();
    runner.shutdown();
    assertThat(runner.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    Trader restored = TraderTestSupport.trader("random");
    restored.restore(new StateFile(state).read().orElseThrow().state());

    assertThat(restored.portfolio().orders()).isEqualTo(1);
    assertThat(restored.portfolio().cash().doubleValue())
        .isEqualTo(((Map<?, ?>) order).get("cash"));
  }

  @Test
  void portfolio_ofARunningService_printsTheBookAsATable() throws Exception {
    String address = start("--seed", "3");
    try (RpcClient client = RpcClient.connect(address, Duration.ofSeconds(10))) {
      client.invoke("initialize", Map.of("cash", 1_000, "threshold", 0));
      client.invoke("event", Map.of("sid", "GOOG", "quote", 10, "ts", 5));
    }
    StringWriter table = new StringWriter();

    int exit =
        new CommandLine(new AlgoMain())
            .setOut(new PrintWriter(table, true))
            .execute("portfolio", address);

    assertThat(exit).isZero();
    assertThat(table.toString().lines().toList())
        .hasSize(3)
        .satisfies(lines -> assertThat(lines.get(0)).startsWith("cash ").contains("orders 1"))
        .satisfies(lines -> assertThat(lines.get(1)).startsWith("symbol"))
        .satisfies(lines -> assertThat(lines.get(2)).startsWith("GOOG"));
  }

  @Test
  void portfolio_ofAServiceWithoutABook_saysSoAndExitsOne() throws Exception {
    String address = start();
    StringWriter errors = new StringWriter();

    int exit =
        new CommandLine(new AlgoMain())
            .setErr(new PrintWriter(errors, true))
            .execute("portfolio", address, "--timeout", "5");

    assertThat(exit).isEqualTo(1);
    assertThat(errors.toString()).startsWith("portfolio: " + address + " answered NotInitialized");
  }

  @Test
  void portfolio_ofNoService_saysSoAndExitsOne() {
    StringWriter errors = new StringWriter();

    int exit =
        new CommandLine(new AlgoMain())
            .setErr(new PrintWriter(errors, true))
            .execute("portfolio", "tcp://127.0.0.1:1", "--timeout", "1");

    assertThat(exit).isEqualTo(1);
    assertThat(errors.toString()).startsWith("portfolio: no answer from tcp://127.0.0.1:1");
  }

  /** Starts the service in the background and returns the address it serves on. */
  private String start(String... options) {
    List<String> args = new java.util.ArrayList<>(List.of("--addr", "tcp://127.0.0.1:*"));
    args.addAll(List.of(options));
    runner.submit(() -> execute(args.toArray(String[]::new)));
    await().atMost(Duration.ofSeconds(10)).until(() -> BANNER.matcher(out.toString()).find());
    Matcher banner = BANNER.matcher(out.toString());
    assertThat(banner.find()).isTrue();
    return banner.group(1);
  }

  private int execute(String... args) {
    return new CommandLine(app)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }
}
