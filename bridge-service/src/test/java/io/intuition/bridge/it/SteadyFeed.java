package io.intuition.bridge.it;

import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.MosquittoBroker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Numbered quotes published on a broker's {@code quotes} topic at QoS 1, as a feed that goes on
 * while the test moves the algo, and the orders they got, read by a probe on {@code orders}.
 */
final class SteadyFeed {
  private static final int BATCHES = 20;
  private static final Duration PAUSE = Duration.ofMillis(200);

  private final MosquittoBroker broker;
  private final MqttProbe probe;

  SteadyFeed(MosquittoBroker broker, MqttProbe probe) {
    this.broker = broker;
    this.probe = probe;
  }

  /** Publishes quotes {@code from} to {@code to - 1} at once. */
  void publish(int from, int to) {
    MosquittoBroker.publishLines(broker.port(), "quotes", 1, QuoteFeed.lines(from, to));
  }

  /** Quotes 0 to {@code count - 1}, in batches with a pause before each. */
  CompletableFuture<Void> publishSteadily(int count) {
    Executor afterThePause =
        CompletableFuture.delayedExecutor(PAUSE.toMillis(), TimeUnit.MILLISECONDS);
    CompletableFuture<Void> feed = CompletableFuture.completedFuture(null);
    for (int batch = 0; batch < BATCHES; batch++) {
      int from = count * batch / BATCHES;
      int to = count * (batch + 1) / BATCHES;
      feed = feed.thenRunAsync(() -> publish(from, to), afterThePause);
    }
    return feed;
  }

  /**
   * Waits until each quote below {@code sent} has an order, or {@code limit} passed; tells which.
   */
  Delivery awaitDelivery(int sent, Duration limit) {
    try {
      await().atMost(limit).until(() -> delivery(sent).lost().isEmpty());
    } catch (ConditionTimeoutException e) {
      // the delivery names the quotes lost; the test asserts on it
    }
    return delivery(sent);
  }

  private Delivery delivery(int sent) {
    return Delivery.of(sent, QuoteFeed.ordersPerTs(probe.on("orders")));
  }
}
