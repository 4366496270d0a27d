package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.NodePeer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our services work with the original stack's Node peers: the bridge-service drives the Node
 * zerorpc algo, and the Node bridge (MQTT.js and zerorpc-node) drives the algo-service.
 */
class NodeInteropIT {
  private static final Duration ALL_ANSWERED = Duration.ofMinutes(1);
  private static final Duration SETTLED = Duration.ofSeconds(1);
  private static final long CASH = 50_000;

  private MosquittoBroker broker;
  private ManagedProcess algo;
  private ManagedProcess bridge;
  private MqttProbe probe;
  private String rpc;

  @BeforeEach
  void start() throws Exception {
    broker = MosquittoBroker.start();
    rpc = Suite.freeRpcAddress();
    probe = MqttProbe.subscribe(broker.url(), "orders", "quotes/rejected");
  }

  @AfterEach
  void stop() throws Exception {
    probe.close();
    if (bridge != null) {
      bridge.close();
    }
    if (algo != null) {
      algo.close();
    }
    broker.close();
  }

  @Test
  void bridgeServiceDrivingTheNodeAlgo_getsOneOrderPerQuoteInOrder() {
    int quotes = 200;
    algo = NodePeer.startServer(rpc);
    bridge =
        Suite.bridge(broker.mqttUrl(), rpc, "--cash", String.valueOf(CASH))
            .awaitLog("subscribed to [quotes]", Suite.START);
    List<String> lines =
        IntStream.rangeClosed(1, quotes)
            .mapToObj(n -> "{\"sid\":\"GOOG\",\"quote\":" + n + ",\"ts\":" + n + "}")
            .toList();

    MosquittoBroker.publishLines(broker.port(), "quotes", 1, lines);

    awaitExactly(quotes);
    // The Node algo echoes sid and quote but not ts: the quote value identifies the order.
    Map<Long, Map<String, Object>> byQuote = new HashMap<>();
    for (MqttProbe.Received order : probe.on("orders")) {
      byQuote.put(number(order.json().get("quote")), order.json());
    }
    assertThat(byQuote.keySet())
        .as("quotes answered")
        .hasSize(quotes)
        .allMatch(q -> q >= 1 && q <= quotes);
    byQuote.forEach(
        (quote, order) -> {
          assertThat(order).containsEntry("sid", "GOOG");
          assertThat(number(order.get("amount"))).as("amount for quote %d", quote).isOne();
          // the Node algo spends quote * amount per call: its cash shows each quote was
          // handled once, in the order published
          assertThat(number(order.get("cash")))
              .as("cash after quote %d", quote)
              .isEqualTo(CASH - quote * (quote + 1) / 2);
        });
    assertThat(probe.count("quotes/rejected")).isZero();
  }

  @Test
  void nodeBridgeDrivingTheAlgoService_getsOneOrderPerQuoteInBothShapes() {
    int quotes = 500;
    algo = Suite.algo(rpc);
    bridge =
        ManagedProcess.start(
                "node-bridge",
                NodePeer.directory(),
                List.of(
                    "node",
                    "bridge.js",
                    "--mqtt",
                    broker.mqttUrl(),
                    "--rpc",
                    rpc,
                    "--param",
                    "threshold=0"))
            .awaitOutput("bridge ready", Suite.START);

    MosquittoBroker.publishLines(broker.port(), "quotes", 1, QuoteFeed.lines(0, quotes));

    awaitExactly(quotes);
    Map<Long, Integer> orders = QuoteFeed.ordersPerTs(probe.on("orders"));
    assertThat(QuoteFeed.unanswered(orders, quotes)).as("quotes without an order").isEmpty();
    assertThat(QuoteFeed.duplicates(orders)).as("duplicate orders").isZero();
    assertThat(bridge.stderr()).as("node bridge errors").doesNotContain("rejected", "algo error");
    assertThat(bridge.isAlive()).as("node bridge alive; " + bridge).isTrue();
  }

  /** Waits for {@code count} orders, then checks no more come. */
  private void awaitExactly(int count) {
    await("an order for each of " + count + " quotes; " + algo + "\n" + bridge)
        .atMost(ALL_ANSWERED)
        .until(() -> probe.count("orders") >= count);
    await("no more than " + count + " orders")
        .during(SETTLED)
        .atMost(SETTLED.multipliedBy(3))
        .until(() -> probe.count("orders") == count);
  }

  private static long number(Object value) {
    assertThat(value).isInstanceOf(Number.class);
    return ((Number) value).longValue();
  }
}
