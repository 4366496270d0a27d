package io.intuition.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.intuition.common.rpc.RpcService;
import io.intuition.common.rpc.server.RpcServer;
import io.intuition.common.testing.MosquittoBroker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console in-process on a real mosquitto, with a real RPC server for a book and a real HTTP
 * endpoint to scrape: what a page reads on {@code /events} and {@code /api/state}.
 */
class ConsoleIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern LISTENING = Pattern.compile("console on (http://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ORDERS = 5;
  private static final String NO_ALGO = "tcp://127.0.0.1:9";

  private final StringWriter out = new StringWriter();
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger scrapes = new AtomicInteger();
  private MosquittoBroker broker;
  private RpcServer algo;
  private HttpServer bridgeMetrics;
  private ConsoleMain console;
  private CompletableFuture<Integer> exit;
  private MqttClient peer;

  @BeforeEach
  void start() throws Exception {
    broker = MosquittoBroker.start();
    algo = RpcServer.start(algoService(), "tcp://127.0.0.1:*");
    bridgeMetrics = bridgeMetrics();
    console = new ConsoleMain();
    String metricsUrl = "http://127.0.0.1:" + bridgeMetrics.getAddress().getPort() + "/metrics";
    exit =
        CompletableFuture.supplyAsync(
            () ->
                new picocli.CommandLine(console)
                    .setOut(new PrintWriter(out, true))
                    .execute(
                        "--mqtt",
                        broker.mqttUrl(),
                        "--http-port",
                        "0",
                        "--client-id",
                        "console-it",
                        "--book-every",
                        "200",
                        "--scrape-every",
                        "200",
                        "--max-orders",
                        String.valueOf(MAX_ORDERS),
                        "--algo-rpc",
                        NO_ALGO,
                        "--metrics",
                        metricsUrl));
    peer = new MqttClient(broker.url(), "console-it-peer", new MemoryPersistence());
    peer.connect();
  }

  @AfterEach
  void stop() throws Exception {
    if (console != null) {
      console.stop();
      assertThat(exit.get(10, java.util.concurrent.TimeUnit.SECONDS)).isZero();
    }
    if (peer != null) {
      peer.disconnect();
      peer.close();
    }
    bridgeMetrics.stop(0);
    algo.close();
    broker.close();
  }

  @Test
  void page_getsASnapshotFirst_thenTheServicesAsTheyAnnounce() throws Exception {
    try (EventReader page = EventReader.open(healthyBase())) {
      await("snapshot").atMost(WAIT).until(() -> !page.events().isEmpty());
      assertThat(page.events().get(0).name()).isEqualTo("snapshot");
      assertThat(page.events().get(0).data().at("/limits/orders").asInt()).isEqualTo(MAX_ORDERS);

      publish("services/algo/alpha", announcement(algo.address()), true);

      await("alpha online")
          .atMost(WAIT)
          .until(() -> page.has("services", d -> d.toString().contains("\"name\":\"alpha\"")));
      JsonNode alpha = last(page, "services").at("/services/0");
      assertThat(alpha.get("state").asText()).isEqualTo("online");
      assertThat(alpha.get("rpc").asText()).isEqualTo(algo.address());
      assertThat(alpha.has("http")).isTrue();
    }
  }

  @Test
  void orders_arePushedInBatches_andTheStateKeepsTheLatestAndCountsAll() throws Exception {
    String base = healthyBase();
    try (EventReader page = EventReader.open(base)) {
      for (int i = 1; i <= 7; i++) {
        publish("orders", order(i), false);
      }
      publish("orders", "{not json", false);

      await("every order pushed")
          .atMost(WAIT)
          .until(() -> page.has("orders", d -> d.get("total").asLong() == 7));
      assertThat(page.named("orders"))
          .allSatisfy(b -> assertThat(b.get("orders").size()).isLessThanOrEqualTo(MAX_ORDERS));
      assertThat(page.has("orders", d -> d.toString().contains("\"side\":\"sell\""))).isTrue();
      assertThat(page.has("orders", d -> d.toString().contains("\"side\":\"buy\""))).isTrue();
    }
    JsonNode state = JSON.readTree(get(base + "/api/state").body());
    assertThat(state.at("/orders/total").asLong()).isEqualTo(7);
    assertThat(state.at("/orders/recent")).hasSize(MAX_ORDERS);
    assertThat(state.at("/orders/recent/0/n").asLong()).isEqualTo(7);
    await("the malformed order counted")
        .atMost(WAIT)
        .until(() -> get(base + "/metrics").body().contains("console_input_rejected_total 1.0"));
    assertThat(get(base + "/metrics").body())
        .contains("console_orders_received_total 7.0", "console_orders_kept 5.0")
        .contains("console_sse_dropped_total 0.0");
  }

  @Test
  void tenThousandOrders_areAllCounted_butAtMostMaxOrdersKeptAndPushedAtOnce() throws Exception {
    String base = healthyBase();
    List<String> orders = new ArrayList<>();
    for (int i = 1; i <= 10_000; i++) {
      orders.add(order(i));
    }
    try (EventReader page = EventReader.open(base)) {
      MosquittoBroker.publishLines(broker.port(), "orders", 1, orders);

      await("every order pushed")
          .atMost(WAIT)
          .until(() -> page.has("orders", d -> d.get("total").asLong() == 10_000));
      assertThat(page.named("orders"))
          .allSatisfy(b -> assertThat(b.get("orders").size()).isLessThanOrEqualTo(MAX_ORDERS));
    }
    JsonNode state = JSON.readTree(get(base + "/api/state").body());
    assertThat(state.at("/orders/total").asLong()).isEqualTo(10_000);
    assertThat(state.at("/orders/recent")).hasSize(MAX_ORDERS);
    assertThat(get(base + "/metrics").body()).contains("console_orders_kept 5.0");
  }

  @Test
  void announcedAlgo_hasItsBookPolled_andAnUnreachableOneAnError() throws Exception {
    String base = healthyBase();
    try (EventReader page = EventReader.open(base)) {
      publish("services/algo/alpha", announcement(algo.address()), true);

      await("alpha's book").atMost(WAIT).until(() -> page.has("book", ConsoleIT::alphaBook));
      JsonNode book = page.named("book").stream().filter(ConsoleIT::alphaBook).findFirst().get();
      assertThat(book.at("/book/cash").asDouble()).isEqualTo(900.0);
      assertThat(book.at("/book/equity").asDouble()).isEqualTo(1010.0);
      assertThat(book.at("/book/positions/GOOG/shares").asDouble()).isEqualTo(1.0);
      assertThat(book.at("/point/1").asDouble()).isEqualTo(1010.0);
      assertThat(book.get("error").isNull()).isTrue();
      await("the unreachable algo's error")
          .atMost(WAIT)
          .until(
              () ->
                  page.has(
                      "book",
                      d -> d.get("algo").asText().equals(NO_ALGO) && d.get("error").isTextual()));
    }
    assertThat(get(base + "/api/state").body()).contains("\"algo\":\"alpha\"", "\"curve\":[[");
  }

  @Test
  void indicatorValue_isPushedAndKept() throws Exception {
    String base = healthyBase();
    try (EventReader page = EventReader.open(base)) {
      publish(
          "indicators/GOOG/sma/5",
          "{\"sid\":\"GOOG\",\"indicator\":\"sma\",\"window\":5,\"value\":101.5,\"ts\":7}",
          true);

      await("the indicator")
          .atMost(WAIT)
          .until(() -> page.has("indicators", d -> d.at("/values/0/value").asDouble() == 101.5));
    }
    JsonNode state = JSON.readTree(get(base + "/api/state").body());
    assertThat(state.at("/indicators/0/topic").asText()).isEqualTo("indicators/GOOG/sma/5");
    assertThat(state.at("/indicators/0/window").asInt()).isEqualTo(5);
  }

  @Test
  void metricsEndpoint_givesQuoteRateAndLatency() throws Exception {
    try (EventReader page = EventReader.open(healthyBase())) {
      await("the bridge's rates")
          .atMost(WAIT)
          .until(() -> page.has("metrics", d -> d.at("/services/0/quotesPerSecond").isNumber()));
      JsonNode rates = last(page, "metrics").at("/services/0");
      assertThat(rates.get("up").asBoolean()).isTrue();
      assertThat(rates.get("quotesPerSecond").asDouble()).isPositive();
      assertThat(rates.get("ordersPerSecond").asDouble()).isPositive();
      assertThat(rates.at("/latencyMs/mean").asDouble()).isCloseTo(10.0, within(1e-6));
      assertThat(rates.at("/latencyMs/max").asDouble()).isCloseTo(20.0, within(1e-6));
    }
  }

  private static boolean alphaBook(JsonNode event) {
    return event.get("algo").asText().equals("alpha") && event.get("book").isObject();
  }

  private static JsonNode last(EventReader page, String name) {
    List<JsonNode> events = page.named(name);
    return events.get(events.size() - 1);
  }

  @Test
  void algoGoneOffline_isPolledNoMore() throws Exception {
    String base = healthyBase();
    publish("services/algo/alpha", announcement(algo.address()), true);
    await("alpha's book")
        .atMost(WAIT)
        .until(() -> get(base + "/api/state").body().contains("\"algo\":\"alpha\""));

    publish(
        "services/algo/alpha",
        "{\"name\":\"alpha\",\"kind\":\"algo\",\"state\":\"offline\",\"seq\":1}",
        true);

    await("alpha's book gone")
        .atMost(WAIT)
        .until(() -> !get(base + "/api/state").body().contains("\"algo\":\"alpha\""));
    assertThat(get(base + "/api/state").body()).contains("\"state\":\"offline\"");
  }

  private String healthyBase() throws Exception {
    String base = base();
    await("healthy").atMost(WAIT).until(() -> get(base + "/health").statusCode() == 200);
    return base;
  }

  private String base() {
    await("listening").atMost(WAIT).until(() -> LISTENING.matcher(out.toString()).find());
    Matcher matcher = LISTENING.matcher(out.toString());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void publish(String topic, String payload, boolean retained) throws MqttException {
    peer.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
  }

  private static String announcement(String rpc) {
    return "{\"name\":\"alpha\",\"kind\":\"algo\",\"state\":\"online\",\"version\":\"1\","
        + "\"rpc\":\""
        + rpc
        + "\",\"algo\":\"random\",\"channels\":[\"quotes\"],\"seq\":1}";
  }

  private static String order(int i) {
    String side = i % 2 == 0 ? ",\"side\":\"sell\",\"ts\":" + i : "";
    return "{\"sid\":\"GOOG\",\"quote\":10,\"amount\":20,\"shares\":2,\"cash\":" + i + side + "}";
  }

  private static RpcService algoService() {
    return RpcService.builder("algo")
        .method("portfolio", List.of(), "The book.", args -> book())
        .build();
  }

  private static Map<String, Object> book() {
    Map<String, Object> position = new LinkedHashMap<>();
    position.put("shares", 1.0);
    position.put("avg_cost", 100.0);
    position.put("last", 110.0);
    position.put("market_value", 110.0);
    position.put("unrealized_pnl", 10.0);
    Map<String, Object> book = new LinkedHashMap<>();
    book.put("cash", 900.0);
    book.put("equity", 1010.0);
    book.put("realized_pnl", 0.0);
    book.put("unrealized_pnl", 10.0);
    book.put("positions", Map.of("GOOG", position));
    book.put("orders", 1);
    return book;
  }

  /** A bridge's /metrics: its counters grow 100 quotes and 10 orders a scrape, 10 ms each. */
  private HttpServer bridgeMetrics() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          int n = scrapes.incrementAndGet();
          String text =
              "bridge_quotes_received_total{channel=\"quotes\"} "
                  + (100 * n)
                  + "\n"
                  + "bridge_orders_published_total "
                  + (10 * n)
                  + "\n"
                  + "bridge_quote_to_order_latency_seconds_sum "
                  + (0.1 * n)
                  + "\n"
                  + "bridge_quote_to_order_latency_seconds_count "
                  + (10 * n)
                  + "\n"
                  + "bridge_quote_to_order_latency_seconds_max 0.02\n";
          byte[] body = text.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(body);
          }
        });
    server.start();
    return server;
  }
}
