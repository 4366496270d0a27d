package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.MosquittoBroker;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * At-least-once delivery hands the algorithm some quotes twice: published twice, or sent again
 * after an RPC timeout. A quote it has handled (same sid and ts) is answered as the first time and
 * not traded again, so the book stays what the distinct orders add up to.
 */
class DuplicateDeliveryIT {
  private static final int QUOTES = 3_000;
  private static final Duration ALL_ANSWERED = Duration.ofMinutes(3);
  private static final Duration LONGER_THAN_THE_RPC_TIMEOUT = Duration.ofSeconds(3);
  private static final String QUOTE = "{\"sid\":\"GOOG\",\"quote\":101.25,\"ts\":7}";

  private RunningSuite suite;

  @AfterEach
  void stop() throws Exception {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  void sameQuotePublishedTwice_tradesOnceAndPublishesTheSameOrderTwice() throws Exception {
    suite = RunningSuite.start("--param", "threshold=0");

    MosquittoBroker.publishLines(suite.broker.port(), "quotes", 1, List.of(QUOTE, QUOTE));

    await("two orders; " + suite.bridge)
        .atMost(ALL_ANSWERED)
        .until(() -> suite.probe.count("orders") >= 2);
    List<MqttProbe.Received> received = suite.probe.on("orders");
    assertThat(received).hasSize(2);
    assertThat(received.get(1).text()).isEqualTo(received.get(0).text());
    Map<?, ?> portfolio = suite.portfolio();
    assertThat(((Number) portfolio.get("orders")).longValue()).isEqualTo(1);
    BigDecimal paid = new BigDecimal(String.valueOf(received.get(0).json().get("amount")));
    assertThat(paid).isPositive();
    assertThat(new BigDecimal(String.valueOf(portfolio.get("cash"))))
        .as("cash after paying %s once", paid)
        .isEqualByComparingTo(PublishedOrders.STARTING_CASH.subtract(paid));
    PublishedOrders.of(received).assertBookMatches(portfolio);
  }

  @Test
  void algoFrozenLongerThanTheRpcTimeout_tradesEveryQuoteOnceThoughItGotSomeTwice()
      throws Exception {
    suite =
        RunningSuite.startFillingEveryQuote(Suite.ALGO_JVM_LOGGING_EVENTS, Duration.ofSeconds(1));
    CompletableFuture<Void> feed = suite.publishInBackground(QUOTES);
    await().atMost(ALL_ANSWERED).until(() -> suite.probe.count("orders") >= QUOTES / 5);

    Suite.signal(suite.algo, "STOP");
    try {
      await("the bridge retrying while the algo is frozen; " + suite.bridge)
          .pollDelay(LONGER_THAN_THE_RPC_TIMEOUT)
          .atMost(ALL_ANSWERED)
          .until(() -> suite.bridge.stderr().contains("unavailable"));
    } finally {
      Suite.signal(suite.algo, "CONT");
    }

    feed.join();
    suite.awaitEveryQuoteAnswered(QUOTES, ALL_ANSWERED);
    assertThat(suite.bridge.stderr()).contains("is back after");
    assertThat(eventCallsHandled()).as("event calls the algo handled").isGreaterThan(QUOTES);
    PublishedOrders orders = PublishedOrders.of(suite.probe.on("orders"));
    System.out.printf(
        "algo frozen: %d event calls for %d quotes; %s%n", eventCallsHandled(), QUOTES, orders);
    assertThat(orders.distinct()).isEqualTo(QUOTES);
    orders.assertBookMatches(suite.portfolio());
  }

  @Test
  void brokerRestartedFromItsLastSave_resendsQuotesAndNoneIsTradedTwice() throws Exception {
    // the broker sends again every quote the bridge held at the save, even those answered since,
    // and loses the orders published since: the algo answers each alike, from memory
    suite = RunningSuite.startFillingEveryQuote(Suite.ALGO_JVM, Suite.RPC_TIMEOUT);
    suite.publishInBackground(QUOTES).join();
    await().atMost(ALL_ANSWERED).until(() -> suite.probe.count("orders") >= QUOTES / 5);

    suite.broker.save();
    suite.broker.kill();
    suite.broker.restart();

    suite.awaitEveryQuoteAnswered(QUOTES, ALL_ANSWERED);
    PublishedOrders orders = PublishedOrders.of(suite.probe.on("orders"));
    System.out.printf("broker restarted from its last save: %s%n", orders);
    assertThat(orders.conflicting()).as("orders published again, unlike the first").isEmpty();
    orders.assertBookMatches(suite.portfolio());
  }

  /** The calls to {@code event} the algo answered, each logged at debug level with its answer. */
  private long eventCallsHandled() {
    return suite.algo.stderr().lines().filter(line -> line.contains(" AlgoRpc - {")).count();
  }
}
