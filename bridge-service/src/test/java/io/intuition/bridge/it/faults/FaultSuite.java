package io.intuition.bridge.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.bridge.it.Delivery;
import io.intuition.bridge.it.RunningSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The suite a fault test strikes, started before each test and stopped after it: every quote fills
 * an order, the algo-service keeps its book in a state file (kept under {@code
 * target/fault-states}), and the bridge-service, with a fixed client id, reaches the broker and the
 * algo each through a proxy a test can cut. A failed test shows what the bridge and the algo
 * logged.
 */
final class FaultSuite implements BeforeEachCallback, AfterEachCallback, TestWatcher {
  /** The quotes each test sends. */
  static final int QUOTES = 4_000;

  /** How long the bridge waits for each answer of the algo before sending the quote again. */
  static final Duration RPC_TIMEOUT = Duration.ofSeconds(1);

  /** The most any wait of a test takes: for every quote to be answered, or for a fault to show. */
  static final Duration ALL_ANSWERED = Duration.ofMinutes(1);

  /** The feed's batches and the pause before each: about 4 s of quotes, a fault in the middle. */
  private static final int FEED_BATCHES = 20;

  private static final Duration FEED_PAUSE = Duration.ofMillis(200);

  private RunningSuite suite;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    Path states = Files.createDirectories(Path.of("target", "fault-states"));
    String test = context.getRequiredTestMethod().getName();
    suite =
        RunningSuite.startBehindProxies(Files.createTempDirectory(states, test + "-"), RPC_TIMEOUT);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (suite != null) {
      suite.close();
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (suite != null) {
      System.err.println(suite.bridge());
      System.err.println(suite.algo());
    }
  }

  /** The suite of the test running now. */
  RunningSuite suite() {
    return suite;
  }

  /**
   * Publishes {@link #QUOTES} quotes steadily in the background, strikes with {@code fault} once a
   * fifth of them is answered, while the rest are still coming, and waits until every quote is
   * answered, for {@link #ALL_ANSWERED} at most.
   */
  Delivery streamThrough(Runnable fault) {
    CompletableFuture<Void> feed = suite.publishSteadily(QUOTES, FEED_BATCHES, FEED_PAUSE);
    suite.awaitOrders(QUOTES / 5, ALL_ANSWERED);
    fault.run();
    feed.join();
    return suite.awaitDelivery(QUOTES, ALL_ANSWERED);
  }

  /**
   * Prints the delivery's line, {@code sent N, answered N, lost 0, duplicates D}, then asserts that
   * no quote was lost, that the algo's book holds each distinct order once, and that the bridge and
   * the algo running now came through with warnings at most: an error they log is a failure of
   * theirs, such as a loop task that threw.
   */
  void assertEveryQuoteAnswered(Delivery delivery) {
    System.out.println(delivery);
    assertThat(delivery.lost())
        .as("numbers of the quotes lost, of %d sent", delivery.sent())
        .isEmpty();
    suite.assertBookMatchesTheOrders();
    assertThat(errors(suite.bridge().stderr())).as("errors the bridge logged").isEmpty();
    assertThat(errors(suite.algo().stderr())).as("errors the algo logged").isEmpty();
  }

  private static List<String> errors(String log) {
    return log.lines().filter(line -> line.contains(" ERROR ")).limit(5).toList();
  }
}
