package io.intuition.console.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.intuition.common.ops.Health;
import io.intuition.common.ops.OpsServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's web server, on the JDK's HTTP server: the page's files, {@code /events} (the
 * server-sent events of an {@link EventHub}), {@code /api/state}, {@code /health} and {@code
 * /metrics}. Only GET; request bodies are never read. Each open event stream holds one thread, and
 * the hub caps how many there are, so the threads are bounded too.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  private static final int BACKLOG = 64;
  private static final int SPARE_THREADS = 8;
  private static final int QUEUED = 64;
  private static final String TEXT = "text/plain; charset=utf-8";

  /**
   * What the server serves.
   *
   * @param webBase the class-path folder of the page's files, such as {@code
   *     io/intuition/console/web/}
   * @param hub the event streams
   * @param maxStreams the hub's cap on open streams, for the thread pool
   * @param keepAlive how long a stream may stay silent before a keep-alive comment
   * @param state the JSON of {@code /api/state}
   */
  public record Routes(
      String webBase,
      EventHub hub,
      int maxStreams,
      Duration keepAlive,
      Supplier<String> state,
      PrometheusMeterRegistry registry,
      Health health) {}

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final Routes routes;
  private final StaticFiles files;
  private final EventStream events;

  private WebServer(HttpServer server, ThreadPoolExecutor executor, Routes routes) {
    this.server = server;
    this.executor = executor;
    this.routes = routes;
    this.files = new StaticFiles(routes.webBase(), WebServer.class.getClassLoader());
    this.events = new EventStream(routes.hub(), routes.keepAlive());
  }

  /**
   * Binds {@code address} (port 0: any free port) and serves until closed.
   *
   * @throws UncheckedIOException if the address cannot be bound, naming it
   */
  public static WebServer start(InetSocketAddress address, Routes routes) {
    HttpServer server;
    try {
      server = HttpServer.create(address, BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on "
              + address.getHostString()
              + ":"
              + address.getPort()
              + ": "
              + e.getMessage(),
          e);
    }
    int threads = routes.maxStreams() + SPARE_THREADS;
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUED),
            runnable -> {
              Thread thread = new Thread(runnable, "console-http");
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
    WebServer web = new WebServer(server, executor, routes);
    server.createContext("/", web::handle);
    server.setExecutor(executor);
    server.start();
    return web;
  }

  /** The address bound, with the port resolved. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Ends the event streams and stops answering. */
  @Override
  public void close() {
    routes.hub().close();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        send(exchange, 405, TEXT, "only GET\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      route(exchange, exchange.getRequestURI().getPath());
    } catch (IOException e) {
      log.debug("a request ended early: {}", e.getMessage());
    }
  }

  private void route(HttpExchange exchange, String path) throws IOException {
    switch (path) {
      case "/events" -> events.serve(exchange);
      case "/api/state" -> send(exchange, 200, "application/json", utf8(routes.state().get()));
      case "/metrics", "/health" -> OpsServer.answer(exchange, routes.registry(), routes.health());
      default -> {
        Optional<StaticFiles.File> file = files.find(path);
        if (file.isPresent()) {
          send(exchange, 200, file.get().type(), file.get().bytes());
        } else {
          send(exchange, 404, TEXT, utf8("not found\n"));
        }
      }
    }
  }

  static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
