package io.intuition.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsServerTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicBoolean brokerUp = new AtomicBoolean(true);
  private final Health health =
      new Health()
          .add("broker", () -> Status.of(brokerUp.get(), "connected", "not connected"))
          .add("algo", () -> Status.up("answering"));
  private final HttpClient client = HttpClient.newHttpClient();
  private OpsServer server;

  @BeforeEach
  void start() {
    server = OpsServer.start(new InetSocketAddress("127.0.0.1", 0), registry, health);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void bind_answersOnceServed_onThePortBoundBefore() throws Exception {
    try (OpsServer bound = OpsServer.bind(new InetSocketAddress("127.0.0.1", 0))) {
      int port = bound.address().getPort();
      bound.serve(registry, health);

      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(port).isPositive();
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void bind_closedWithoutServing_freesThePort() {
    OpsServer bound = OpsServer.bind(new InetSocketAddress("127.0.0.1", 0));
    int port = bound.address().getPort();

    bound.close();

    OpsServer.bind(new InetSocketAddress("127.0.0.1", port)).close();
  }

  @Test
  void metrics_servesThePrometheusTextOfTheMeters() throws Exception {
    Counter.builder("bridge.quotes.received").register(registry).increment(3);

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(response.body())
        .contains("# TYPE bridge_quotes_received_total counter")
        .contains("bridge_quotes_received_total 3.0");
  }

  @Test
  void health_everyCheckUp_answers200WithEachCheck() throws Exception {
    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .startsWith("{\"status\":\"UP\",\"down\":[]")
        .contains("\"broker\":{\"status\":\"UP\",\"detail\":\"connected\"}")
        .contains("\"algo\":{\"status\":\"UP\"");
  }

  @Test
  void health_oneCheckDown_answers503NamingIt() throws Exception {
    brokerUp.set(false);

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .startsWith("{\"status\":\"DOWN\",\"down\":[\"broker\"]")
        .contains("\"broker\":{\"status\":\"DOWN\",\"detail\":\"not connected\"}");
  }

  @Test
  void health_checkThatThrows_isDownWithItsMessage() throws Exception {
    health.add(
        "source",
        () -> {
          throw new IllegalStateException("file \"gone\"");
        });

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .contains("\"down\":[\"source\"]")
        .contains("\"detail\":\"failed: file \\\"gone\\\"\"");
  }

  @Test
  void unknownPath_answers404() throws Exception {
    assertThat(get("/").statusCode()).isEqualTo(404);
    assertThat(get("/metrics/x").statusCode()).isEqualTo(404);
  }

  @Test
  void post_answers405AllowingGet() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri("/health"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1_000)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void http10Request_asTheComposeHealthcheckSendsIt_answersItsStatusLine() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write("GET /health HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);

      assertThat(reply).startsWith("HTTP/1.1 200 ");
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }
}
