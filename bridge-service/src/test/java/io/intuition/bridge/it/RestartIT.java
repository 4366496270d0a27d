package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No quote is lost when the algorithm or the broker crashes mid-stream: every quote is answered at
 * least once. Duplicates are the price of at-least-once delivery; they are counted and reported.
 */
class RestartIT {
  private static final int QUOTES = 10_000;
  private static final Duration ALL_ANSWERED = Duration.ofMinutes(4);

  private RunningSuite suite;

  @BeforeEach
  void start() throws Exception {
    suite = RunningSuite.start("--param", "threshold=0");
  }

  @AfterEach
  void stop() throws Exception {
    suite.close();
  }

  @Test
  void algoKilledAndRestartedMidStream_everyQuoteIsAnswered() {
    CompletableFuture<Void> feed = suite.publishInBackground(QUOTES);
    await().atMost(ALL_ANSWERED).until(() -> suite.probe.count("orders") >= QUOTES / 5);

    suite.crashAndRestartAlgo();

    feed.join();
    Map<Long, Integer> orders = suite.awaitEveryQuoteAnswered(QUOTES, ALL_ANSWERED);
    report("algo restart", orders);
    assertThat(suite.bridge.stderr()).contains("has restarted: initializing it again");
    assertThat(suite.bridge.isAlive()).isTrue();
  }

  @Test
  void brokerKilledAndRestartedMidStream_everyQuoteIsAnswered() {
    CompletableFuture<Void> feed = suite.publishInBackground(QUOTES);
    feed.join(); // every quote is with the broker before it crashes
    await().atMost(ALL_ANSWERED).until(() -> suite.probe.count("orders") >= QUOTES / 5);

    suite.broker.save();
    suite.broker.kill();
    suite.broker.restart();

    Map<Long, Integer> orders = suite.awaitEveryQuoteAnswered(QUOTES, ALL_ANSWERED);
    report("broker restart", orders);
    assertThat(suite.bridge.stderr()).contains("reconnected to broker");
    assertThat(suite.bridge.isAlive()).isTrue();
  }

  private static void report(String scenario, Map<Long, Integer> orders) {
    System.out.printf(
        "%s: %d quotes answered, %d duplicate orders%n",
        scenario, orders.size(), QuoteFeed.duplicates(orders));
  }
}
