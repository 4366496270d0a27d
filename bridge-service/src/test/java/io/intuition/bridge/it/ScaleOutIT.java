package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.MosquittoOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three bridges over three algo-services take one stream of 30,000 quotes between them, in the two
 * ways the README's "Scaling out" names: a shared group for a stateless strategy, and topics per
 * symbol for a stateful one, each algo owning its symbols. Each bridge publishes on its own orders
 * topic, {@code orders/<n>}, so an order tells which algo placed it.
 */
class ScaleOutIT {
  private static final int QUOTES = 30_000;
  private static final int PAIRS = 3;
  private static final String GROUP = "scale";
  private static final Duration ALL_ANSWERED = Duration.ofMinutes(4);
  private static final Pattern FORWARDED = Pattern.compile("forwarded (\\d+),");

  /** The symbols each algo owns in the partitioned run: disjoint, and together all of them. */
  private static final List<List<String>> OWNED =
      List.of(List.of("GOOG", "AAPL"), List.of("MSFT", "AMZN"), List.of("NVDA"));

  private MosquittoBroker broker;
  private MqttProbe probe;
  private final List<String> rpcs = new ArrayList<>();
  private final List<ManagedProcess> algos = new ArrayList<>();
  private final List<ManagedProcess> bridges = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    MosquittoOptions options = MosquittoOptions.defaults();
    broker =
        MosquittoBroker.start(
            MosquittoBroker.fixedBinary().map(options::withBinary).orElse(options));
    probe = MqttProbe.subscribe(broker.url(), "orders/+", "quotes/rejected", "quotes/+/rejected");
  }

  @AfterEach
  void stop() throws Exception {
    if (probe != null) {
      probe.close();
    }
    bridges.forEach(ManagedProcess::close);
    algos.forEach(ManagedProcess::close);
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void sharedGroup_threeStatelessPairsShareOneStream_everyQuoteAnsweredOnce() {
    startAlgos("random", "--sizer", "fixed-fraction");
    for (int pair = 0; pair < PAIRS; pair++) {
      // threshold 0 and a fixed fraction: every quote places an order that echoes its ts
      startBridge(
          pair, "--shared-group", GROUP, "--param", "threshold=0", "--param", "fraction=0.001");
    }
    awaitSubscribed(pair -> "[$share/" + GROUP + "/quotes]");

    MosquittoBroker.publishLines(broker.port(), "quotes", 1, QuoteFeed.lines(0, QUOTES));

    Delivery delivery = awaitEveryQuoteOrdered();
    System.out.printf(
        "shared group %s: %s; orders per bridge %s%n", GROUP, delivery, ordersPerPair());
    assertThat(delivery.lost()).as("quotes without an order").isEmpty();
    assertNoRejections();
    for (int pair = 0; pair < PAIRS; pair++) {
      PublishedOrders orders = PublishedOrders.of(probe.on(ordersTopic(pair)));
      assertThat(orders.distinct()).as("quotes bridge %d took", pair).isPositive();
      orders.assertBookMatches(Suite.portfolio(rpcs.get(pair)));
    }
  }

  @Test
  void partitionedBySymbol_eachStatefulAlgoTradesOnlyItsSymbols_inTsOrder() {
    startAlgos("sma-cross", "--sizer", "fixed-fraction");
    for (int pair = 0; pair < PAIRS; pair++) {
      startBridge(pair, "--param", "short=3", "--param", "long=8", "--param", channels(pair));
    }
    awaitSubscribed(
        pair -> OWNED.get(pair).stream().map(sid -> "quotes/" + sid).toList().toString());

    publishOnTopicPerSymbol();

    // sma-cross orders only on a crossing: the bridges' counters tell that every quote was answered
    await("every quote forwarded; " + bridges)
        .atMost(ALL_ANSWERED)
        .until(() -> forwarded() >= QUOTES);
    for (int pair = 0; pair < PAIRS; pair++) {
      // an order counted as forwarded may still be on its way to the probe
      String rpc = rpcs.get(pair);
      String topic = ordersTopic(pair);
      await("the orders of algo " + pair + " make its book")
          .atMost(ALL_ANSWERED)
          .untilAsserted(
              () -> PublishedOrders.of(probe.on(topic)).assertBookMatches(Suite.portfolio(rpc)));
    }
    Map<Long, Integer> ordersPerTs = QuoteFeed.ordersPerTs(allOrders());
    int duplicates = QuoteFeed.duplicates(ordersPerTs) + (int) (forwarded() - QUOTES);
    Delivery delivery = new Delivery(QUOTES, List.of(), duplicates);
    System.out.printf("partitioned by symbol: %s; orders per algo %s%n", delivery, ordersPerPair());
    assertNoRejections();
    for (int pair = 0; pair < PAIRS; pair++) {
      List<MqttProbe.Received> orders = probe.on(ordersTopic(pair));
      assertThat(orders)
          .extracting(order -> order.json().get("sid"))
          .isSubsetOf(OWNED.get(pair).toArray());
      assertInTsOrderPerSymbol(pair, orders);
    }
    assertThat(allOrders())
        .extracting(order -> order.json().get("sid"))
        .as("every symbol crosses and trades")
        .containsAll(QuoteFeed.symbols());
  }

  private void startAlgos(String strategy, String... options) {
    List<String> algoOptions = new ArrayList<>(List.of("--algo", strategy));
    algoOptions.addAll(List.of(options));
    for (int pair = 0; pair < PAIRS; pair++) {
      rpcs.add(Suite.freeRpcAddress());
      algos.add(Suite.startAlgo(rpcs.get(pair), algoOptions));
    }
    algos.forEach(algo -> algo.awaitOutput("serving on", Suite.START));
  }

  private void startBridge(int pair, String... params) {
    List<String> options =
        new ArrayList<>(
            List.of("--orders-topic", ordersTopic(pair), "--client-id", "scale-" + pair));
    options.addAll(List.of(params));
    bridges.add(Suite.bridge(broker.mqttUrl(), rpcs.get(pair), options.toArray(String[]::new)));
  }

  private void awaitSubscribed(IntFunction<String> filters) {
    for (int pair = 0; pair < PAIRS; pair++) {
      bridges.get(pair).awaitLog("subscribed to " + filters.apply(pair), Suite.START);
    }
  }

  /** The initialize param naming the algo's own symbols' topics, such as {@code quotes/NVDA}. */
  private static String channels(int pair) {
    return "channels="
        + OWNED.get(pair).stream()
            .map(sid -> "\"quotes/" + sid + "\"")
            .toList()
            .toString()
            .replace(" ", "");
  }

  /** Each symbol's quotes on {@code quotes/<sid>}, as feed-service --topic-per-symbol does. */
  private void publishOnTopicPerSymbol() {
    List<CompletableFuture<Void>> feeds = new ArrayList<>();
    for (String sid : QuoteFeed.symbols()) {
      List<String> lines =
          IntStream.range(0, QUOTES)
              .filter(number -> QuoteFeed.sid(number).equals(sid))
              .mapToObj(QuoteFeed::line)
              .toList();
      feeds.add(
          CompletableFuture.runAsync(
              () -> MosquittoBroker.publishLines(broker.port(), "quotes/" + sid, 1, lines)));
    }
    CompletableFuture.allOf(feeds.toArray(CompletableFuture[]::new)).join();
  }

  /**
   * Waits until each quote has an order, or the limit passed, and tells what became of them: for a
   * strategy that orders on every quote.
   */
  private Delivery awaitEveryQuoteOrdered() {
    await("an order for every quote; " + bridges)
        .atMost(ALL_ANSWERED)
        .until(() -> QuoteFeed.unanswered(QuoteFeed.ordersPerTs(allOrders()), QUOTES).isEmpty());
    return Delivery.of(QUOTES, QuoteFeed.ordersPerTs(allOrders()));
  }

  /** The quotes the bridges answered, by the last summary each logged. */
  private long forwarded() {
    long sum = 0;
    for (ManagedProcess bridge : bridges) {
      Matcher matcher = FORWARDED.matcher(bridge.stderr());
      long last = 0;
      while (matcher.find()) {
        last = Long.parseLong(matcher.group(1));
      }
      sum += last;
    }
    return sum;
  }

  /** A symbol's distinct orders come in the order of their ts, the order its quotes were sent. */
  private static void assertInTsOrderPerSymbol(int pair, List<MqttProbe.Received> orders) {
    Map<Object, Long> lastTs = new HashMap<>();
    for (MqttProbe.Received order : orders) {
      long ts = ((Number) order.json().get("ts")).longValue();
      Long before = lastTs.put(order.json().get("sid"), ts);
      assertThat(before == null || ts >= before)
          .as("algo %d: order %s after ts %s", pair, order.text(), before)
          .isTrue();
    }
  }

  private void assertNoRejections() {
    assertThat(probe.count("quotes/rejected")).as("rejections").isZero();
    QuoteFeed.symbols()
        .forEach(sid -> assertThat(probe.count("quotes/" + sid + "/rejected")).isZero());
  }

  private List<MqttProbe.Received> allOrders() {
    List<MqttProbe.Received> all = new ArrayList<>();
    IntStream.range(0, PAIRS).forEach(pair -> all.addAll(probe.on(ordersTopic(pair))));
    return all;
  }

  private List<Integer> ordersPerPair() {
    return IntStream.range(0, PAIRS).mapToObj(pair -> probe.count(ordersTopic(pair))).toList();
  }

  private static String ordersTopic(int pair) {
    return "orders/" + pair;
  }
}
