package io.intuition.console.app;

import io.intuition.common.cli.Lifecycle;
import io.intuition.common.discovery.Directory;
import io.intuition.common.mqtt.BrokerRefusedException;
import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.ops.Health;
import io.intuition.common.rpc.curve.ClientCredentials;
import io.intuition.console.books.BookPoller;
import io.intuition.console.books.Books;
import io.intuition.console.indicators.Indicators;
import io.intuition.console.intake.Intake;
import io.intuition.console.metrics.Scraper;
import io.intuition.console.orders.Orders;
import io.intuition.console.services.Services;
import io.intuition.console.web.EventHub;
import io.intuition.console.web.SseEvent;
import io.intuition.console.web.WebServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs the console: listens for the page, connects to the broker, polls the books and scrapes the
 * services until SIGTERM/Ctrl-C; then ends the page streams and closes everything.
 */
final class ConsoleService {
  private static final Logger log = LoggerFactory.getLogger(ConsoleService.class);
  static final String WEB_BASE = "io/intuition/console/web/";
  static final int MAX_PAGES = 32;
  static final int PAGE_QUEUE_EVENTS = 256;
  static final long PAGE_QUEUE_BYTES = 4L * 1024 * 1024;
  static final int MAX_SERVICES = 1_000;
  static final int MAX_INDICATOR_TOPICS = 1_000;
  static final int CURVE_POINTS = 600;
  static final Duration BATCH_EVERY = Duration.ofMillis(250);
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(5);

  /**
   * Everything the console is configured with.
   *
   * @param curve the CURVE credentials of the book polls, or null
   */
  record Config(
      MqttSettings mqtt,
      String httpAddr,
      int httpPort,
      String ordersTopic,
      String indicatorsPrefix,
      List<String> algoRpc,
      List<String> metrics,
      Duration bookEvery,
      Duration scrapeEvery,
      int maxOrders,
      ClientCredentials curve) {}

  private final Config config;
  private final Lifecycle lifecycle;
  private final PrintWriter out;
  private final PrintWriter err;
  private final String webBase;

  ConsoleService(Config config, Lifecycle lifecycle, CommandLine command) {
    this(config, lifecycle, command.getOut(), command.getErr(), WEB_BASE);
  }

  ConsoleService(
      Config config, Lifecycle lifecycle, PrintWriter out, PrintWriter err, String webBase) {
    this.config = config;
    this.lifecycle = lifecycle;
    this.out = out;
    this.err = err;
    this.webBase = webBase;
  }

  /** Runs until stopped; returns the exit code. */
  int run() throws InterruptedException {
    lifecycle.stopOnSignal("console");
    Parts parts = new Parts(config);
    MqttConnection connection = MqttConnection.create(config.mqtt(), parts.intake);
    ScheduledExecutorService batcher = Executors.newSingleThreadScheduledExecutor(Parts::daemon);
    try (connection;
        WebServer server = listen(parts, connection);
        BookPoller poller = parts.poller(pollTimeout());
        Scraper scraper = parts.scraper(pollTimeout(config.scrapeEvery()))) {
      announce(server);
      poller.start(config.bookEvery());
      scraper.start(config.scrapeEvery());
      batcher.scheduleWithFixedDelay(
          () -> parts.dashboard.pushBatches(parts.hub),
          BATCH_EVERY.toMillis(),
          BATCH_EVERY.toMillis(),
          TimeUnit.MILLISECONDS);
      parts.intake.use(connection);
      if (connection.connect(lifecycle)) {
        parts.directory.watch(connection, "services/+/+");
        connection.subscribe(List.of(config.ordersTopic(), config.indicatorsPrefix() + "/#"));
        lifecycle.awaitStop();
      }
      log.info("stopping: {} orders received", parts.orders.total());
    } catch (BrokerRefusedException e) {
      err.println("console: " + e.getMessage());
      return BrokerRefusedException.EXIT_CODE;
    } catch (UncheckedIOException e) {
      err.println("console: --http-port: " + e.getMessage());
      return 2;
    } finally {
      batcher.shutdownNow();
      lifecycle.closed();
    }
    return 0;
  }

  private WebServer listen(Parts parts, MqttConnection connection) {
    Health health = new Health().addBroker(config.mqtt().url(), connection::isConnected);
    WebServer.Routes routes =
        new WebServer.Routes(
            webBase,
            parts.hub,
            MAX_PAGES,
            KEEP_ALIVE,
            () -> SseEvent.toJson(parts.dashboard.snapshot()),
            parts.registry(),
            health);
    return WebServer.start(new InetSocketAddress(config.httpAddr(), config.httpPort()), routes);
  }

  private void announce(WebServer server) {
    InetSocketAddress bound = server.address();
    String address = "http://" + config.httpAddr() + ":" + bound.getPort();
    log.info(
        "{} {}: broker {}",
        ConsoleMain.BUILD.name(),
        ConsoleMain.BUILD.version(),
        config.mqtt().url());
    out.println("console on " + address);
    out.flush();
  }

  /** The book polls' timeout: shorter than their period, so rounds never pile up. */
  private Duration pollTimeout() {
    return pollTimeout(config.bookEvery());
  }

  private static Duration pollTimeout(Duration every) {
    long millis = Math.max(50, every.toMillis() * 4 / 5);
    return Duration.ofMillis(Math.min(millis, LONGEST_POLL.toMillis()));
  }

  /** The console's parts, wired together. */
  private static final class Parts {
    final Orders orders;
    final Indicators indicators = new Indicators(MAX_INDICATOR_TOPICS);
    final Books books = new Books(CURVE_POINTS);
    final Services services;
    final Directory directory;
    final Intake intake;
    final EventHub hub;
    final Dashboard dashboard;
    private final Config config;
    private volatile Scraper scraper;

    Parts(Config config) {
      this.config = config;
      orders = new Orders(config.maxOrders());
      hub =
          new EventHub(
              MAX_PAGES, PAGE_QUEUE_EVENTS, PAGE_QUEUE_BYTES, () -> dashboard().snapshotEvent());
      services = new Services(MAX_SERVICES);
      dashboard =
          new Dashboard(
              services,
              orders,
              indicators,
              books,
              () -> scraper == null ? List.of() : scraper.latest(),
              config.algoRpc(),
              config.metrics());
      directory = new Directory(services, MAX_SERVICES);
      intake =
          new Intake(
              directory,
              orders,
              indicators,
              config.ordersTopic(),
              config.indicatorsPrefix(),
              System::currentTimeMillis);
    }

    private Dashboard dashboard() {
      return dashboard;
    }

    BookPoller poller(Duration timeout) {
      return new BookPoller(
          dashboard::algos, books, hub, timeout, config.curve(), System::currentTimeMillis);
    }

    Scraper scraper(Duration timeout) {
      scraper = new Scraper(dashboard::endpoints, hub, timeout);
      return scraper;
    }

    PrometheusMeterRegistry registry() {
      return ConsoleMetrics.registry(orders, hub, intake, directory);
    }

    static Thread daemon(Runnable runnable) {
      Thread thread = new Thread(runnable, "console-batch");
      thread.setDaemon(true);
      return thread;
    }
  }
}
