package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.NatsCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The suite on a three-node NATS cluster speaking MQTT 3.1.1: quotes published on node 1, the
 * bridge connected to node 2 with every node in its {@code --mqtt}, the orders read on node 3.
 * While quotes stream in, node 3 stops and comes back (the probe moves to node 1 meanwhile), then
 * the bridge's own node 2 stops: the bridge moves to another node (node 3 is next in its list, but
 * node 1 takes it when node 3, just back, cannot host the session yet), picks up its session there,
 * and every quote is answered. Duplicates are allowed: NATS sends a quote not acknowledged again
 * after {@link NatsCluster#ACK_WAIT}, even to a bridge still working on it.
 */
class ClusteredBrokerIT {
  private static final int QUOTES = 4_000;
  private static final int BATCHES = 10;
  private static final Duration PAUSE = Duration.ofMillis(200);
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration ALL_ANSWERED = Duration.ofMinutes(2);
  private static final List<String> FILLING_ALGO = List.of("--sizer", "fixed-fraction");

  private NatsCluster cluster;
  private ManagedProcess algo;
  private ManagedProcess bridge;
  private MqttProbe probe;
  private String rpc;

  @BeforeEach
  void start() throws Exception {
    cluster = NatsCluster.start();
    rpc = Suite.freeRpcAddress();
    algo = Suite.algo(rpc, FILLING_ALGO);
    bridge =
        Suite.bridge(
                RPC_TIMEOUT,
                cluster.mqttUrls(2),
                rpc,
                "--mqtt-version",
                "3",
                "--client-id",
                "bridge-on-a-cluster",
                "--param",
                "threshold=0",
                "--param",
                "fraction=0.001")
            .awaitLog("subscribed to [quotes]", Suite.START);
    probe =
        MqttProbe.subscribeAny(
            List.of(cluster.mqttUrl(3), cluster.mqttUrl(1)), "orders", RunningSuite.REJECTED);
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable open : new AutoCloseable[] {probe, bridge, algo, cluster}) {
      if (open != null) {
        open.close();
      }
    }
  }

  @Test
  void nodesStopMidStream_theBridgesOwnLast_everyQuoteIsAnswered() {
    try {
      CompletableFuture<Void> first = publishSteadily(0, QUOTES / 2);
      awaitOrders(QUOTES / 10);
      cluster.stop(3);
      first.join();
      cluster.restart(3);

      CompletableFuture<Void> second = publishSteadily(QUOTES / 2, QUOTES);
      awaitOrders(QUOTES / 2 + QUOTES / 10);
      cluster.stop(2);
      second.join();

      Delivery delivery = awaitDelivery();
      System.out.println(delivery);
      assertThat(delivery.lost()).as("quotes lost, of %d sent", QUOTES).isEmpty();
      assertThat(probe.count(RunningSuite.REJECTED)).as("quotes rejected").isZero();
      assertThat(bridge.stderr())
          .contains("connected to broker mqtt://127.0.0.1:" + cluster.mqttPort(2))
          .containsPattern(
              "reconnected to broker mqtt://127\\.0\\.0\\.1:("
                  + cluster.mqttPort(3)
                  + "|"
                  + cluster.mqttPort(1)
                  + ")\\b");
      PublishedOrders.of(probe.on("orders")).assertBookMatches(Suite.portfolio(rpc));
    } catch (RuntimeException | AssertionError e) {
      System.err.println(bridge);
      System.err.println(algo);
      throw e;
    }
  }

  /** Publishes quotes {@code from} to {@code to - 1} on node 1 in batches, a pause before each. */
  private CompletableFuture<Void> publishSteadily(int from, int to) {
    Executor afterThePause =
        CompletableFuture.delayedExecutor(PAUSE.toMillis(), TimeUnit.MILLISECONDS);
    CompletableFuture<Void> feed = CompletableFuture.completedFuture(null);
    for (int batch = 0; batch < BATCHES; batch++) {
      int start = from + (to - from) * batch / BATCHES;
      int end = from + (to - from) * (batch + 1) / BATCHES;
      feed =
          feed.thenRunAsync(
              () ->
                  MosquittoBroker.publishLines(
                      cluster.mqttPort(1), "quotes", 1, QuoteFeed.lines(start, end)),
              afterThePause);
    }
    return feed;
  }

  private void awaitOrders(int count) {
    await(count + " orders").atMost(ALL_ANSWERED).until(() -> probe.count("orders") >= count);
  }

  private Delivery awaitDelivery() {
    await("every quote answered")
        .atMost(ALL_ANSWERED)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                QuoteFeed.unanswered(QuoteFeed.ordersPerTs(probe.on("orders")), QUOTES).isEmpty());
    return Delivery.of(QUOTES, QuoteFeed.ordersPerTs(probe.on("orders")));
  }
}
