package io.intuition.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.ops.Health;
import io.intuition.common.ops.Status;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebServerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient client = HttpClient.newHttpClient();
  private final EventHub hub =
      new EventHub(1, 8, 1_000_000, () -> new SseEvent("snapshot", "{\"s\":1}"));
  private WebServer server;

  @BeforeEach
  void start() {
    server =
        WebServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            new WebServer.Routes(
                "web-test/",
                hub,
                1,
                Duration.ofMillis(200),
                () -> "{\"state\":true}",
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new Health().add("broker", () -> Status.down("not connected"))));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.address().getPort() + path))
        .timeout(WAIT)
        .build();
  }

  @Test
  void root_servesIndexHtml_andFilesByNameWithTheirType() throws Exception {
    HttpResponse<String> index = get("/");
    HttpResponse<String> script = get("/app.js");

    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("test page");
    assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=utf-8");
  }

  @Test
  void unknownFilesAndPathsOutsideTheFolder_are404() throws Exception {
    assertThat(get("/missing.js").statusCode()).isEqualTo(404);
    assertThat(get("/../logback-test.xml").statusCode()).isEqualTo(404);
    assertThat(get("/sub/index.html").statusCode()).isEqualTo(404);
    assertThat(get("/.hidden").statusCode()).isEqualTo(404);
  }

  @Test
  void apiStateHealthAndMetrics_answer() throws Exception {
    assertThat(get("/api/state").body()).isEqualTo("{\"state\":true}");
    assertThat(get("/health").statusCode()).isEqualTo(503);
    assertThat(get("/metrics").statusCode()).isEqualTo(200);
  }

  @Test
  void events_streamsTheSnapshot_thenEvents_thenKeepAlives_andRefusesASecondPage()
      throws Exception {
    HttpResponse<InputStream> stream =
        client.send(request("/events"), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo(": console");
      assertThat(lines.readLine()).isEmpty();
      assertThat(lines.readLine()).isEqualTo("event: snapshot");
      assertThat(lines.readLine()).isEqualTo("data: {\"s\":1}");
      assertThat(lines.readLine()).isEmpty();
      assertThat(get("/events").statusCode()).isEqualTo(503);

      hub.publish(() -> new SseEvent("orders", "{\"total\":1}"));

      assertThat(lines.readLine()).isEqualTo("event: orders");
      assertThat(lines.readLine()).isEqualTo("data: {\"total\":1}");
      assertThat(lines.readLine()).isEmpty();
      assertThat(lines.readLine()).isEqualTo(": keep-alive");
    }
    await().atMost(WAIT).until(() -> hub.clients() == 0 || publishUntilGone());
  }

  /** A page that left is noticed on the next write. */
  private boolean publishUntilGone() {
    hub.publish(() -> new SseEvent("x", "{}"));
    return hub.clients() == 0;
  }
}
