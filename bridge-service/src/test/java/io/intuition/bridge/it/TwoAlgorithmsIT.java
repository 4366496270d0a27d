package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two algorithms trade one quote stream side by side, each behind its own bridge: the bridges are
 * the same service, told apart only by the algorithm's RPC address and the topic they publish on.
 */
class TwoAlgorithmsIT {
  private static final int QUOTES = 400;
  private static final String RANDOM_ORDERS = "orders/random";
  private static final String SMA_ORDERS = "orders/sma";
  private static final Duration ALL_ANSWERED = Duration.ofMinutes(2);

  private MosquittoBroker broker;
  private String randomRpc;
  private String smaRpc;
  private ManagedProcess randomAlgo;
  private ManagedProcess smaAlgo;
  private ManagedProcess randomBridge;
  private ManagedProcess smaBridge;
  private MqttProbe probe;

  @BeforeEach
  void start() throws Exception {
    broker = MosquittoBroker.start();
    randomRpc = Suite.freeRpcAddress();
    smaRpc = Suite.freeRpcAddress();
    randomAlgo = Suite.algo(randomRpc, List.of("--algo", "random"));
    smaAlgo = Suite.algo(smaRpc, List.of("--algo", "sma-cross", "--sizer", "fixed-fraction"));
    randomBridge = bridge(randomRpc, RANDOM_ORDERS, "bridge-random", "--param", "threshold=0.5");
    smaBridge = bridge(smaRpc, SMA_ORDERS, "bridge-sma", "--param", "short=3", "--param", "long=8");
    probe = MqttProbe.subscribe(broker.url(), RANDOM_ORDERS, SMA_ORDERS, RunningSuite.REJECTED);
  }

  @AfterEach
  void stop() throws Exception {
    if (probe != null) {
      probe.close();
    }
    Stream.of(randomBridge, smaBridge, randomAlgo, smaAlgo)
        .filter(process -> process != null)
        .forEach(ManagedProcess::close);
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void randomAndSmaCrossOnOneStream_eachTradesItsOwnWayOnItsOwnTopic() {
    MosquittoBroker.publishLines(broker.port(), "quotes", 1, waves());

    awaitAllForwarded(randomBridge);
    awaitAllForwarded(smaBridge);
    assertThat(probe.count(RunningSuite.REJECTED)).isZero();
    PublishedOrders random = PublishedOrders.of(probe.on(RANDOM_ORDERS));
    PublishedOrders sma = PublishedOrders.of(probe.on(SMA_ORDERS));
    System.out.printf("random: %s; sma-cross: %s%n", random, sma);
    assertThat(random.distinct()).isPositive().isLessThan(QUOTES);
    assertThat(random.sides()).containsExactly("buy");
    assertThat(sma.sides()).containsExactly("buy", "sell");
    random.assertBookMatches(Suite.portfolio(randomRpc));
    sma.assertBookMatches(Suite.portfolio(smaRpc));
  }

  private ManagedProcess bridge(String rpc, String topic, String clientId, String... params) {
    List<String> options =
        Stream.concat(
                Stream.of("--orders-topic", topic, "--client-id", clientId), Stream.of(params))
            .toList();
    return Suite.bridge(broker.mqttUrl(), rpc, options.toArray(String[]::new))
        .awaitLog("subscribed to [quotes]", Suite.START);
  }

  /**
   * Waits for the bridge's summary, logged every 10 s, to count every quote answered: a quote the
   * random strategy passes over publishes nothing, so the orders cannot tell.
   */
  private static void awaitAllForwarded(ManagedProcess bridge) {
    await("every quote forwarded; " + bridge)
        .atMost(ALL_ANSWERED)
        .until(() -> bridge.stderr().contains("forwarded " + QUOTES + ","));
  }

  /**
   * Quotes of two symbols in turn, each a sine wave with its own period, so that the short moving
   * average crosses the long one up and down again and again; quote {@code n} carries ts {@code n +
   * 1}.
   */
  private static List<String> waves() {
    return IntStream.range(0, QUOTES).mapToObj(TwoAlgorithmsIT::wave).toList();
  }

  private static String wave(int number) {
    int step = number / 2;
    boolean goog = number % 2 == 0;
    double price =
        goog
            ? 100 + 10 * Math.sin(2 * Math.PI * step / 20)
            : 50 + 5 * Math.sin(2 * Math.PI * step / 16 + 1);
    String quote = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP).toPlainString();
    return "{\"sid\":\""
        + (goog ? "GOOG" : "AAPL")
        + "\",\"quote\":"
        + quote
        + ",\"ts\":"
        + (number + 1)
        + "}";
  }
}
