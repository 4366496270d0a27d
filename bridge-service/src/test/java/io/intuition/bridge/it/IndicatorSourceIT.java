package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sma-cross strategy twice on one quote stream, each behind its own bridge publishing on its
 * own topic: once computing its averages from the quotes, once reading them from a real
 * indicator-service, which has the same windows. Both must place the same orders.
 */
class IndicatorSourceIT {
  private static final List<String> SYMBOLS = List.of("GOOG", "AAPL", "MSFT");
  private static final int QUOTES = 300;
  private static final int SHORT = 3;
  private static final int LONG = 8;
  private static final String FROM_QUOTES = "orders/from-quotes";
  private static final String FROM_INDICATORS = "orders/from-indicators";
  private static final Duration ALL_ANSWERED = Duration.ofMinutes(2);
  private static final Pattern SUMMARY =
      Pattern.compile("forwarded (\\d+), orders (\\d+), rejected \\d+, retried \\d+, in flight 0");

  private final List<AutoCloseable> running = new ArrayList<>();
  private MosquittoBroker broker;
  private String quotesRpc;
  private String indicatorsRpc;
  private ManagedProcess quotesBridge;
  private ManagedProcess indicatorsBridge;
  private MqttProbe probe;

  @BeforeEach
  void start() throws Exception {
    broker = started(MosquittoBroker.start());
    started(Suite.indicators(broker.mqttUrl(), "--sma", SHORT + "," + LONG, "--ema", "none"));
    quotesRpc = Suite.freeRpcAddress();
    indicatorsRpc = Suite.freeRpcAddress();
    started(smaCross(quotesRpc));
    started(smaCross(indicatorsRpc));
    quotesBridge =
        started(bridge(quotesRpc, FROM_QUOTES, "bridge-from-quotes", "[quotes]", windows()));
    indicatorsBridge =
        started(
            bridge(
                indicatorsRpc,
                FROM_INDICATORS,
                "bridge-from-indicators",
                "[quotes, indicators/+/sma/" + SHORT + ", indicators/+/sma/" + LONG + "]",
                windows() + ",source=indicators"));
    List<String> topics = new ArrayList<>(List.of(FROM_QUOTES, FROM_INDICATORS));
    topics.add(RunningSuite.REJECTED);
    topics.addAll(indicatorTopics());
    probe = started(MqttProbe.subscribe(broker.url(), topics.toArray(String[]::new)));
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
  }

  @Test
  void smaCrossOnIndicatorValues_placesTheOrdersItPlacesOnQuotes() {
    MosquittoBroker.publishLines(broker.port(), "quotes", 1, quotes());

    await("every indicator value published")
        .atMost(ALL_ANSWERED)
        .until(() -> receivedValues() == expectedValues());
    awaitEveryMessageAnswered(quotesBridge, QUOTES, FROM_QUOTES);
    awaitEveryMessageAnswered(indicatorsBridge, QUOTES + expectedValues(), FROM_INDICATORS);

    PublishedOrders fromQuotes = PublishedOrders.of(probe.on(FROM_QUOTES));
    PublishedOrders fromIndicators = PublishedOrders.of(probe.on(FROM_INDICATORS));
    System.out.printf(
        "quotes %d, indicator values %d, orders A=%d B=%d%n",
        QUOTES, receivedValues(), probe.count(FROM_QUOTES), probe.count(FROM_INDICATORS));
    assertThat(probe.count(RunningSuite.REJECTED)).as("messages rejected").isZero();
    assertThat(fromQuotes.distinct()).isGreaterThan(5);
    assertThat(fromQuotes.sides()).containsExactly("buy", "sell");
    assertThat(bySymbol(probe.on(FROM_INDICATORS)))
        .as("orders from indicator values, by symbol, against those from quotes")
        .isEqualTo(bySymbol(probe.on(FROM_QUOTES)));
    fromQuotes.assertBookMatches(Suite.portfolio(quotesRpc));
    fromIndicators.assertBookMatches(Suite.portfolio(indicatorsRpc));
  }

  private <T extends AutoCloseable> T started(T process) {
    running.add(process);
    return process;
  }

  /** An sma-cross algo sizing each buy as a fixed fraction of the cash: the same in both runs. */
  private static ManagedProcess smaCross(String rpc) {
    return Suite.algo(rpc, List.of("--algo", "sma-cross", "--sizer", "fixed-fraction"));
  }

  private ManagedProcess bridge(
      String rpc, String topic, String clientId, String channels, String params) {
    return Suite.bridge(
            broker.mqttUrl(),
            rpc,
            "--orders-topic",
            topic,
            "--client-id",
            clientId,
            "--param",
            params)
        .awaitLog("subscribed to " + channels, Suite.START);
  }

  private static String windows() {
    return "short=" + SHORT + ",long=" + LONG;
  }

  /**
   * Waits until the bridge's summary, logged every 10 s, counts {@code messages} answered and none
   * in flight, then until the probe has every order it published.
   */
  private void awaitEveryMessageAnswered(ManagedProcess bridge, int messages, String topic) {
    await(messages + " messages answered; " + bridge)
        .atMost(ALL_ANSWERED)
        .until(
            () -> lastSummary(bridge).map(m -> Long.parseLong(m.group(1))).orElse(0L) == messages);
    int orders = lastSummary(bridge).map(m -> Integer.parseInt(m.group(2))).orElseThrow();
    await(orders + " orders on " + topic)
        .atMost(ALL_ANSWERED)
        .until(() -> probe.count(topic) == orders);
  }

  private static Optional<MatchResult> lastSummary(ManagedProcess bridge) {
    Matcher matcher = SUMMARY.matcher(bridge.stderr());
    MatchResult last = null;
    while (matcher.find()) {
      last = matcher.toMatchResult();
    }
    return Optional.ofNullable(last);
  }

  /** The texts of the orders, in arrival order, by symbol. */
  private static Map<String, List<String>> bySymbol(List<MqttProbe.Received> orders) {
    Map<String, List<String>> bySymbol = new LinkedHashMap<>();
    for (MqttProbe.Received order : orders) {
      String sid = String.valueOf(order.json().get("sid"));
      bySymbol.computeIfAbsent(sid, key -> new ArrayList<>()).add(order.text());
    }
    return bySymbol;
  }

  private List<String> indicatorTopics() {
    List<String> topics = new ArrayList<>();
    for (String sid : SYMBOLS) {
      topics.add("indicators/" + sid + "/sma/" + SHORT);
      topics.add("indicators/" + sid + "/sma/" + LONG);
    }
    return topics;
  }

  private int receivedValues() {
    return indicatorTopics().stream().mapToInt(probe::count).sum();
  }

  /** Per symbol, a value of each window for each of its quotes from the one filling the window. */
  private static int expectedValues() {
    int perSymbol = QUOTES / SYMBOLS.size();
    return SYMBOLS.size() * ((perSymbol - SHORT + 1) + (perSymbol - LONG + 1));
  }

  /**
   * Quotes of the symbols in turn, each a sine wave of its own period and phase with seeded noise,
   * so that the short average crosses the long one up and down again and again; quote {@code n}
   * carries ts {@code n + 1}. Prices have two decimals: two averages differ by at least 0.01 /
   * (short * long) unless equal, far beyond the 16 digits the indicator-service rounds them to.
   */
  private static List<String> quotes() {
    Random noise = new Random(7);
    return IntStream.range(0, QUOTES).mapToObj(n -> quote(n, noise.nextGaussian())).toList();
  }

  private static String quote(int number, double noise) {
    int symbol = number % SYMBOLS.size();
    int step = number / SYMBOLS.size();
    double wave = Math.sin(2 * Math.PI * step / (14 + 5 * symbol) + symbol);
    double price = 40 + 30 * symbol + (5 + symbol) * wave + 0.5 * noise;
    String quote = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP).toPlainString();
    return "{\"sid\":\""
        + SYMBOLS.get(symbol)
        + "\",\"quote\":"
        + quote
        + ",\"ts\":"
        + (number + 1)
        + "}";
  }
}
