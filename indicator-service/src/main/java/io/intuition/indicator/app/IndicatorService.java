package io.intuition.indicator.app;

import io.intuition.common.cli.HttpOptions;
import io.intuition.common.cli.Lifecycle;
import io.intuition.common.discovery.Announcer;
import io.intuition.common.mqtt.BrokerRefusedException;
import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.mqtt.MqttHandler;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.mqtt.PublishRefusedException;
import io.intuition.common.mqtt.Received;
import io.intuition.common.ops.Health;
import io.intuition.common.ops.OpsServer;
import io.intuition.indicator.compute.IndicatorBook;
import io.intuition.indicator.compute.IndicatorSpec;
import io.intuition.indicator.intake.QuoteIntake;
import io.intuition.indicator.publish.IndicatorTopic;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the service: connects with a persistent session, subscribes to the quote channels, and
 * computes and publishes until SIGTERM/Ctrl-C; then takes no more quotes, waits a moment for the
 * values in flight to be confirmed (their quotes acknowledged), and disconnects.
 */
final class IndicatorService {
  private static final Logger log = LoggerFactory.getLogger(IndicatorService.class);
  private static final Duration DRAIN = Duration.ofSeconds(3);
  private static final Duration DEATH_WAIT = Duration.ofSeconds(1);

  /**
   * Everything the service is configured with.
   *
   * @param mqtt the broker, with the announcer's last will
   * @param announcer what announces the service on services/indicator/NAME
   * @param remembered how many quotes' values are kept for quotes delivered again
   */
  record Config(
      MqttSettings mqtt,
      Announcer announcer,
      List<String> channels,
      List<IndicatorSpec> specs,
      IndicatorTopic topic,
      int maxSymbols,
      int remembered,
      HttpOptions http) {}

  private final Config config;
  private final Lifecycle lifecycle;
  private final PrintWriter err;
  private final AtomicReference<PublishRefusedException> refused = new AtomicReference<>();
  private volatile QuoteIntake intake;

  IndicatorService(Config config, Lifecycle lifecycle, PrintWriter err) {
    this.config = config;
    this.lifecycle = lifecycle;
    this.err = err;
  }

  /** Runs until stopped; returns the exit code. */
  int run() throws InterruptedException {
    lifecycle.stopOnSignal("indicator");
    MqttBroker broker = new MqttBroker();
    intake =
        new QuoteIntake(
            new IndicatorBook(config.specs(), config.maxSymbols(), config.remembered()),
            config.topic(),
            broker,
            this::refused,
            IndicatorService::nowMicros);
    log.info(
        "{} {}: {} of channels {} to {}, broker {}",
        IndicatorMain.BUILD.name(),
        IndicatorMain.BUILD.version(),
        config.specs(),
        config.channels(),
        config.topic(),
        config.mqtt().url());
    // bound first, so that the birth can say where it is
    try (OpsServer ops = config.http().bind()) {
      Announcer announcer = config.announcer().withHttp(config.http().advertised(ops));
      try (MqttConnection connection =
          MqttConnection.create(config.mqtt(), announcer.handler(new Handler()))) {
        if (ops != null) {
          ops.serve(registry(intake), health(connection));
        }
        broker.use(connection);
        serve(connection, announcer);
      }
    } catch (BrokerRefusedException e) {
      return fail(e.getMessage());
    } catch (UncheckedIOException e) {
      err.println("indicator-service: --http-port: " + e.getMessage());
      return 2;
    } finally {
      lifecycle.closed();
    }
    PublishRefusedException refusal = refused.get();
    return refusal == null ? 0 : fail(refusal.getMessage());
  }

  /** Takes quotes until stopped, announced by {@code announcer}; then drains and says so. */
  private void serve(MqttConnection connection, Announcer announcer)
      throws InterruptedException, BrokerRefusedException {
    if (connection.connect(lifecycle)) {
      connection.subscribe(config.channels());
      announcer.announce(connection);
      lifecycle.awaitStop();
    }
    intake.stop();
    if (!intake.awaitIdle(DRAIN)) {
      log.warn("{} quotes still unconfirmed: they come again next time", intake.held());
    }
    announcer.stop(DEATH_WAIT);
    log.info("computed {} quotes, {} values published", intake.quotes(), intake.published());
  }

  private static PrometheusMeterRegistry registry(QuoteIntake intake) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    FunctionCounter.builder("indicator.quotes.computed", intake, QuoteIntake::quotes)
        .description("Quotes the indicators were computed of")
        .register(registry);
    FunctionCounter.builder("indicator.values.published", intake, QuoteIntake::published)
        .description("Indicator values the broker confirmed")
        .register(registry);
    Gauge.builder("indicator.quotes.held", intake, QuoteIntake::held)
        .description("Quotes taken and not yet acknowledged")
        .register(registry);
    return registry;
  }

  private Health health(MqttConnection connection) {
    return new Health().addBroker(config.mqtt().url(), connection::isConnected);
  }

  /** The running intake, or null before it starts. */
  QuoteIntake intake() {
    return intake;
  }

  /** A publish refused for good: each value would be too, so the service stops. */
  private void refused(PublishRefusedException refusal) {
    if (refused.compareAndSet(null, refusal)) {
      lifecycle.stop();
    }
  }

  private int fail(String message) {
    err.println("indicator-service: " + message);
    return BrokerRefusedException.EXIT_CODE;
  }

  private static long nowMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  }

  private final class Handler implements MqttHandler {
    @Override
    public void message(Received message) {
      intake.accept(message);
    }
  }
}
