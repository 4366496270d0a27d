package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.MosquittoBroker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real broker, real algo-service and bridge-service processes, quotes from mosquitto_pub. */
class QuoteStreamIT {
  private static final int QUOTES = 10_000;
  private static final Duration ALL_ANSWERED = Duration.ofMinutes(3);

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
  void tenThousandQuotesInBothShapes_getExactlyOneOrderEach() {
    MosquittoBroker.publishLines(suite.broker.port(), "quotes", 1, QuoteFeed.lines(0, QUOTES));

    await("an order for every quote; " + suite.bridge)
        .atMost(ALL_ANSWERED)
        .until(() -> suite.probe.count("orders") >= QUOTES);
    Map<Long, Integer> orders = QuoteFeed.ordersPerTs(suite.probe.on("orders"));
    assertThat(QuoteFeed.unanswered(orders, QUOTES)).isEmpty();
    assertThat(QuoteFeed.duplicates(orders)).isZero();
    assertThat(suite.probe.count("quotes/rejected")).isZero();
  }

  @Test
  void sigterm_stopsTheBridgeCleanlyWithExitZero() throws Exception {
    MosquittoBroker.publishLines(suite.broker.port(), "quotes", 1, QuoteFeed.lines(0, 100));
    await().atMost(ALL_ANSWERED).until(() -> suite.probe.count("orders") >= 100);

    assertThat(suite.bridge.terminate(Duration.ofSeconds(5))).as("exited within 5 s").isTrue();
    assertThat(suite.bridge.exitValue()).isZero();
    assertThat(suite.bridge.stderr()).contains("stopped: received 100, forwarded 100, orders 100");
  }
}
