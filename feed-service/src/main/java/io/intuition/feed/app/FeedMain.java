package io.intuition.feed.app;

import io.intuition.common.cli.BuildInfo;
import io.intuition.common.cli.FatalErrors;
import io.intuition.common.cli.HttpOptions;
import io.intuition.common.cli.Lifecycle;
import io.intuition.common.cli.MqttOptions;
import io.intuition.common.discovery.Announcement;
import io.intuition.common.discovery.Announcer;
import io.intuition.common.discovery.Topics;
import io.intuition.common.mqtt.BrokerRefusedException;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.feed.publish.QuotePublisher;
import io.intuition.feed.publish.QuoteTopics;
import io.intuition.feed.source.QuoteSource;
import io.intuition.feed.source.SourceException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Starts the feed-service: quotes from a random walk, a CSV file or a database query, published to
 * MQTT.
 */
@Command(
    name = "feed-service",
    mixinStandardHelpOptions = true,
    versionProvider = FeedMain.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Publishes quotes to an MQTT topic as JSON {\"sid\":\"GOOG\",\"quote\":345.12,\"ts\":<epoch"
          + " micros>}: synthetic prices (a seeded random walk per symbol, rounded to cents), the"
          + " rows of a CSV file, or those of a database query. ts is the row's time when it has"
          + " one, else the time of sending.",
      "CSV headers (any case, any order): sid,price / symbol,price / sid,quote, or OHLCV such as"
          + " date,symbol,open,high,low,close,volume (close is the price; date is YYYY-MM-DD, an"
          + " ISO date-time or epoch seconds). Bad rows are logged with their line number and"
          + " skipped.",
      "A query (--jdbc, --query) must return, named in any case, a symbol column (sid, symbol or"
          + " ticker), a price column (close, price or quote: a number or text) and a time column"
          + " (ts, timestamp, datetime, time or date: timestamp, taken as UTC; timestamp with time"
          + " zone; date; a number of epoch seconds; or text as in a CSV file), in time order:"
          + " end it with ORDER BY the time. A row earlier than the one before it ends the replay"
          + " (exit 1). Rows are streamed, so a table of any size takes little memory. Bad rows"
          + " are logged with their row number and skipped."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every quote sent, or stopped cleanly (SIGTERM or Ctrl-C)",
      "1:the CSV file is missing or has no usable header; or the database cannot be reached or"
          + " refuses the login, the query fails (a missing table, bad SQL), returns no symbol,"
          + " price or time column, or returns a row earlier than the one before it",
      "2:invalid command line (such as a malformed --mqtt URL, --rate 0, a --jdbc URL of a"
          + " database without a driver here, or a --password-file or --ca-file that cannot be"
          + " read)",
      "3:the JVM ran out of heap (-XX:+ExitOnOutOfMemoryError, as scripts/run.sh and the"
          + " images set): restart it",
      BrokerRefusedException.EXIT_CODE
          + ":the broker refused the connection (login, client id or protocol version, with its"
          + " reason code), or TLS failed for a certificate (not trusted, not for the broker's"
          + " host, or the client's refused), or the broker refused the quotes (MQTT 5: not"
          + " authorized to write to --topic): retrying cannot help",
      FatalErrors.EXIT_CODE + ":an internal error ended it: restart it"
    })
public final class FeedMain implements Callable<Integer> {
  static final BuildInfo BUILD = BuildInfo.load("/io/intuition/feed/build.properties");
  private static final Duration CLOSE_LIMIT = Duration.ofSeconds(5);

  @Mixin(name = "mqtt")
  MqttOptions mqtt = new MqttOptions("FEED", "feed-<8 random hex digits>");

  @Option(
      names = "--topic",
      defaultValue = "${env:FEED_TOPIC:-quotes}",
      description = "Topic the quotes are published on (env FEED_TOPIC, default ${DEFAULT-VALUE}).")
  String topic;

  @Option(
      names = "--topic-per-symbol",
      defaultValue = "${env:FEED_TOPIC_PER_SYMBOL:-false}",
      description =
          "Publishes each quote on <topic>/<sid>, such as quotes/GOOG, so each algo can take its"
              + " own symbols; a sid that cannot be a topic level is refused and logged (env"
              + " FEED_TOPIC_PER_SYMBOL).")
  boolean topicPerSymbol;

  @Option(
      names = "--name",
      defaultValue = "${env:FEED_NAME:-feed}",
      description =
          "The name the feed announces itself by, as services/feed/NAME (env FEED_NAME, default"
              + " ${DEFAULT-VALUE}).")
  String name;

  @Option(
      names = "--rate",
      defaultValue = "${env:FEED_RATE:-10}",
      description = "Quotes per second (env FEED_RATE, default ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--count",
      defaultValue = "${env:FEED_COUNT}",
      description = "Stop after this many quotes (env FEED_COUNT, default: no limit).")
  Long count;

  @Option(
      names = "--qos",
      defaultValue = "${env:FEED_QOS:-1}",
      description = "MQTT QoS of the quotes: 0, 1 or 2 (env FEED_QOS, default ${DEFAULT-VALUE}).")
  int qos;

  @Mixin(name = "http")
  HttpOptions http = new HttpOptions("FEED");

  @Mixin(name = "source")
  SourceOptions sources = new SourceOptions();

  @Spec CommandSpec spec;

  private final Lifecycle lifecycle = new Lifecycle(CLOSE_LIMIT);

  /** Runs the feed; exits with its code. */
  public static void main(String[] args) {
    FatalErrors.install();
    System.exit(new CommandLine(new FeedMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Feed.Config config;
    QuoteSource source;
    try {
      sources.check();
      config = config();
      source = sources.open();
    } catch (IllegalArgumentException e) {
      return usageError(e.getMessage());
    } catch (SourceException e) {
      spec.commandLine().getErr().println("feed-service: " + e.getMessage());
      return 1;
    }
    return new Feed(config, source, lifecycle, spec.commandLine().getErr()).run();
  }

  /** Stops a running feed; {@link #call()} then returns 0. */
  void stop() {
    lifecycle.stop();
  }

  private Feed.Config config() {
    MqttSettings.Builder settings = mqtt.settings(randomClientId());
    http.check();
    Topics.requireLevel("--name", name);
    SourceOptions.positive("--rate", rate);
    if (count != null && count <= 0) {
      throw new IllegalArgumentException("--count must be positive, but was " + count);
    }
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("--qos must be 0, 1 or 2, but was " + qos);
    }
    if (topic.isEmpty() || topic.contains("+") || topic.contains("#")) {
      throw new IllegalArgumentException(
          "--topic must be a topic name without wildcards, but was \"" + topic + "\"");
    }
    long limit = count != null ? count : Long.MAX_VALUE;
    QuoteTopics topics = new QuoteTopics(topic, topicPerSymbol);
    Announcer announcer = new Announcer(birth(topics));
    return new Feed.Config(
        settings.maxInflight(QuotePublisher.MAX_IN_FLIGHT).lastWill(announcer.lastWill()).build(),
        announcer,
        topics,
        qos,
        sources.schedule(rate),
        limit,
        terminal(),
        http);
  }

  private Announcement birth(QuoteTopics topics) {
    Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new Announcement(
        name,
        "feed",
        Announcement.ONLINE,
        BUILD.version(),
        null,
        null,
        null,
        List.of(topics.filter()),
        started.toString(),
        Announcer.seq(started));
  }

  private PrintWriter terminal() {
    return System.console() != null ? spec.commandLine().getOut() : null;
  }

  private int usageError(String message) {
    spec.commandLine().getErr().println("feed-service: " + message);
    return 2;
  }

  static String randomClientId() {
    return String.format("feed-%08x", ThreadLocalRandom.current().nextInt());
  }

  /** Prints the version written by the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return BUILD.versionLines();
    }
  }
}
