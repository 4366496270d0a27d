package io.intuition.feed.app;

import io.intuition.common.cli.HttpOptions;
import io.intuition.common.cli.Lifecycle;
import io.intuition.common.discovery.Announcer;
import io.intuition.common.mqtt.BrokerRefusedException;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.ops.Health;
import io.intuition.common.ops.OpsServer;
import io.intuition.feed.pace.Pacer;
import io.intuition.feed.pace.Schedule;
import io.intuition.feed.progress.Progress;
import io.intuition.feed.publish.QuotePublisher;
import io.intuition.feed.publish.QuoteTopics;
import io.intuition.feed.source.QuoteSource;
import io.intuition.feed.source.SourceException;
import io.intuition.feed.source.Tick;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one feed: connects, sends each tick of the source when its schedule says, and stops at the
 * source's end, after {@code limit} quotes, or on SIGTERM/Ctrl-C, waiting for what is in flight.
 */
final class Feed {
  private static final Logger log = LoggerFactory.getLogger(Feed.class);
  private static final Duration DRAIN = Duration.ofSeconds(3);

  /**
   * Everything a feed is configured with.
   *
   * @param mqtt the broker, with the announcer's last will
   * @param announcer what announces the feed on services/feed/NAME
   * @param limit how many quotes to send at most; {@link Long#MAX_VALUE} for no limit
   * @param terminal where to draw a progress bar, or null when standard output is no terminal
   */
  record Config(
      MqttSettings mqtt,
      Announcer announcer,
      QuoteTopics topics,
      int qos,
      Schedule schedule,
      long limit,
      PrintWriter terminal,
      HttpOptions http) {}

  private final Config config;
  private final QuoteSource source;
  private final Lifecycle lifecycle;
  private final PrintWriter err;

  Feed(Config config, QuoteSource source, Lifecycle lifecycle, PrintWriter err) {
    this.config = config;
    this.source = source;
    this.lifecycle = lifecycle;
    this.err = err;
  }

  /** Runs until done or stopped; returns the exit code. */
  int run() throws InterruptedException {
    lifecycle.stopOnSignal("feed");
    log.info(
        "{} {}: {} at {} to {}, topic {}, QoS {}",
        FeedMain.BUILD.name(),
        FeedMain.BUILD.version(),
        source,
        config.schedule(),
        config.mqtt().url(),
        config.topics(),
        config.qos());
    // bound first, so that the birth can say where it is
    try (source;
        OpsServer ops = config.http().bind();
        QuotePublisher publisher =
            new QuotePublisher(
                config.mqtt(),
                config.topics(),
                config.qos(),
                config.announcer().withHttp(config.http().advertised(ops)))) {
      if (ops != null) {
        ops.serve(registry(publisher), health(publisher));
      }
      if (publisher.connect(lifecycle)) {
        send(publisher);
      }
      if (publisher.refusal() != null) {
        return fail(BrokerRefusedException.EXIT_CODE, publisher.refusal().getMessage());
      }
      return 0;
    } catch (BrokerRefusedException e) {
      return fail(BrokerRefusedException.EXIT_CODE, e.getMessage());
    } catch (SourceException e) {
      return fail(1, e.getMessage());
    } catch (UncheckedIOException e) {
      return fail(2, "--http-port: " + e.getMessage());
    } finally {
      lifecycle.closed();
    }
  }

  private void send(QuotePublisher publisher) throws InterruptedException, SourceException {
    Progress progress = Progress.start(total(), publisher::confirmed, config.terminal());
    Pacer pacer = new Pacer(config.schedule(), (tick, wait) -> progress.nextDue(tick.time(), wait));
    try {
      for (long index = 0; index < config.limit() && !lifecycle.isStopping(); index++) {
        Tick tick = source.next();
        if (tick == null
            || !pacer.await(index, tick, lifecycle::isStopping)
            || !publisher.publish(tick, lifecycle)) {
          break;
        }
      }
    } finally {
      // also when the source fails: what was sent before is confirmed and counted
      publisher.drain(DRAIN);
      progress.close();
      log.info("{}{}", progress.summary(), problems(publisher));
    }
  }

  private static PrometheusMeterRegistry registry(QuotePublisher publisher) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    FunctionCounter.builder("feed.quotes.sent", publisher, QuotePublisher::confirmed)
        .description("Quotes the broker confirmed")
        .register(registry);
    FunctionCounter.builder("feed.quotes.failed", publisher, QuotePublisher::failed)
        .description("Quotes handed to the connection and not confirmed")
        .register(registry);
    return registry;
  }

  /** Up while connected to the broker; a source that fails ends the feed (exit 1) instead. */
  private Health health(QuotePublisher publisher) {
    return new Health().addBroker(config.mqtt().url(), publisher::isConnected);
  }

  /** How many quotes the run will send, when bounded. */
  private OptionalLong total() {
    OptionalLong size = source.size();
    if (size.isPresent()) {
      return OptionalLong.of(Math.min(size.getAsLong(), config.limit()));
    }
    return config.limit() == Long.MAX_VALUE ? size : OptionalLong.of(config.limit());
  }

  private String problems(QuotePublisher publisher) {
    String failed = publisher.failed() > 0 ? ", " + publisher.failed() + " unconfirmed" : "";
    String skipped = source.skipped() > 0 ? ", " + source.skipped() + " bad rows skipped" : "";
    long refused = config.topics().refusedQuotes();
    String symbols = refused > 0 ? ", " + refused + " refused for their sid" : "";
    return failed + skipped + symbols;
  }

  private int fail(int exitCode, String message) {
    err.println("feed-service: " + message);
    return exitCode;
  }
}
