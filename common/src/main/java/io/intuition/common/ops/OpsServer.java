package io.intuition.common.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's operations endpoint, on the JDK's HTTP server: {@code GET /metrics} in the Prometheus
 * text format and {@code GET /health}, 200 with every check's status when all are up, else 503
 * naming the checks that are down. Other paths answer 404, other methods 405. Request bodies are
 * never read, and two daemon threads at most answer, so a busy scraper costs the service little.
 */
public final class OpsServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
  private static final int THREADS = 2;
  private static final int QUEUED = 16;
  private static final int BACKLOG = 16;
  private static final String METRICS = "/metrics";
  private static final String HEALTH = "/health";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private volatile boolean served;

  private OpsServer(HttpServer server, ThreadPoolExecutor executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds {@code address} (port 0: any free port) and serves until closed; logs {@code http
   * listening on HOST:PORT} with the port bound.
   *
   * @throws UncheckedIOException if the address cannot be bound, naming it
   */
  public static OpsServer start(
      InetSocketAddress address, PrometheusMeterRegistry registry, Health health) {
    return bind(address).serve(registry, health);
  }

  /**
   * Binds {@code address} (port 0: any free port) without answering yet, so that a service can say
   * where it is before its meters and checks exist; {@link #serve} then answers, and requests made
   * in between wait in the backlog.
   *
   * @throws UncheckedIOException if the address cannot be bound, naming it
   */
  public static OpsServer bind(InetSocketAddress address) {
    HttpServer server;
    try {
      server = HttpServer.create(address, BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + text(address) + ": " + e.getMessage(), e);
    }
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED),
            runnable -> {
              Thread thread = new Thread(runnable, "http");
              thread.setDaemon(true);
              return thread;
            },
            // past the queue the server's own thread answers: slower, never unbounded
            new ThreadPoolExecutor.CallerRunsPolicy());
    return new OpsServer(server, executor);
  }

  /**
   * Starts answering from {@code registry} and {@code health}; logs {@code http listening on
   * HOST:PORT}. Once only.
   *
   * @return this server
   */
  public OpsServer serve(PrometheusMeterRegistry registry, Health health) {
    server.createContext("/", exchange -> handle(exchange, registry, health));
    server.setExecutor(executor);
    server.start();
    served = true;
    log.info("http listening on {}", text(address()));
    return this;
  }

  /** The address bound, with the port resolved. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops answering at once and ends its threads. */
  @Override
  public void close() {
    if (!served) {
      // the JDK's server releases its socket from its dispatcher thread, which start() begins
      server.start();
    }
    server.stop(0);
    executor.shutdownNow();
  }

  private static void handle(HttpExchange exchange, PrometheusMeterRegistry registry, Health health)
      throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.equals(METRICS) && !path.equals(HEALTH)) {
        send(exchange, 404, "text/plain; charset=utf-8", "not found: try /metrics or /health\n");
      } else if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        send(exchange, 405, "text/plain; charset=utf-8", "only GET\n");
      } else {
        answer(exchange, registry, health);
      }
    }
  }

  /**
   * Answers a GET of {@code /metrics} (Prometheus text) or {@code /health} (200 when up, else 503)
   * as every service's endpoint does, for a server that serves them beside other paths.
   *
   * @return false, answering nothing, for another path
   */
  public static boolean answer(
      HttpExchange exchange, PrometheusMeterRegistry registry, Health health) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.equals(METRICS)) {
      send(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
    } else if (path.equals(HEALTH)) {
      Health.Report report = health.check();
      send(exchange, report.isUp() ? 200 : 503, "application/json", HealthJson.of(report));
    } else {
      return false;
    }
    return true;
  }

  private static void send(HttpExchange exchange, int code, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String text(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }
}
