package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.testing.ManagedProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The algo-service keeps its book in a state file: killed mid-stream and started again on the same
 * file, it resumes the book, and the book is what the distinct orders published add up to. A state
 * file that is not whole stops it at start instead of opening a wrong book.
 */
class PersistenceIT {
  private static final int QUOTES = 3_000;
  private static final Duration ALL_ANSWERED = Duration.ofMinutes(3);
  private static final Duration EXIT = Duration.ofSeconds(30);

  @TempDir Path folder;

  private RunningSuite suite;
  private ManagedProcess algo;

  @AfterEach
  void stop() throws Exception {
    if (suite != null) {
      suite.close();
    }
    if (algo != null) {
      algo.close();
    }
  }

  @Test
  void algoKilledMidStream_restartsFromItsStateWithTheBookOfTheDistinctOrders() throws Exception {
    Path state = folder.resolve("book.state");
    suite =
        RunningSuite.startFillingEveryQuote(
            Suite.ALGO_JVM, Suite.RPC_TIMEOUT, "--state", state.toString());
    CompletableFuture<Void> feed = suite.publishInBackground(QUOTES);
    await().atMost(ALL_ANSWERED).until(() -> suite.probe.count("orders") >= QUOTES / 5);

    suite.crashAndRestartAlgo();

    feed.join();
    suite.awaitEveryQuoteAnswered(QUOTES, ALL_ANSWERED);
    assertThat(suite.algo.stderr()).contains("restored the book from " + state);
    assertThat(suite.bridge.stderr()).doesNotContain("has restarted: initializing it again");
    PublishedOrders orders = PublishedOrders.of(suite.probe.on("orders"));
    System.out.println("algo killed and restarted on its state file: " + orders);
    assertThat(orders.distinct()).isEqualTo(QUOTES);
    orders.assertBookMatches(suite.portfolio());
  }

  @Test
  void garbageStateFile_exitsWithCodeOneNamingTheFileAsCorrupt() throws Exception {
    Path state = folder.resolve("book.state");
    Files.writeString(state, "not a state file\n{\"cash\": 12}", StandardCharsets.UTF_8);

    assertRefusesToStart(state);
  }

  @Test
  void truncatedStateFile_exitsWithCodeOneNamingTheFileAsCorrupt() throws Exception {
    Path state = folder.resolve("book.state");
    writeStateWithOneOrder(state);
    byte[] whole = Files.readAllBytes(state);
    Files.write(state, Arrays.copyOf(whole, whole.length - 10));

    assertRefusesToStart(state);
  }

  /** Runs an algo-service on {@code state} that opens a book and fills one order, then stops it. */
  private void writeStateWithOneOrder(Path state) throws InterruptedException {
    String rpc = Suite.freeRpcAddress();
    algo = Suite.algo(rpc, List.of("--state", state.toString()));
    try (RpcClient client = RpcClient.connect(rpc, Suite.START)) {
      client.invoke("initialize", Map.of("cash", 50_000, "threshold", 0));
      client.invoke("event", Map.of("sid", "GOOG", "quote", 345.1, "ts", 17));
    }
    assertThat(algo.terminate(EXIT)).as("stopped on SIGTERM").isTrue();
    assertThat(state).isNotEmptyFile();
  }

  private void assertRefusesToStart(Path state) throws InterruptedException {
    algo = Suite.startAlgo(Suite.freeRpcAddress(), List.of("--state", state.toString()));

    assertThat(algo.awaitExit(EXIT)).as("exited by itself; " + algo).isTrue();
    assertThat(algo.exitValue()).as("exit code; " + algo).isEqualTo(1);
    List<String> errors = algo.stderr().lines().filter(line -> line.contains("corrupt")).toList();
    assertThat(errors).as("the error; " + algo).hasSize(1);
    assertThat(errors.get(0)).contains(state.toString()).contains("is corrupt");
    assertThat(algo.stderr()).as("no stack trace").doesNotContain("\tat ");
    assertThat(algo.stdout()).doesNotContain("serving on");
  }
}
