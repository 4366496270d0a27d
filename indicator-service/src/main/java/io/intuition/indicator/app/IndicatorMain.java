package io.intuition.indicator.app;

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
import io.intuition.indicator.compute.IndicatorSpec;
import io.intuition.indicator.publish.IndicatorTopic;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.CRC32;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the indicator-service: MQTT quotes in, moving averages out, retained. */
@Command(
    name = "indicator-service",
    mixinStandardHelpOptions = true,
    versionProvider = IndicatorMain.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Subscribes to quote channels, computes per symbol the simple and exponential moving"
          + " averages of the windows given, and publishes each value, QoS 1 and retained, on"
          + " <prefix>/<sid>/<indicator>/<window> as JSON {\"sid\":\"GOOG\",\"indicator\":\"sma\","
          + "\"window\":5,\"value\":345.12,\"ts\":<the quote's ts, epoch micros, or its time of"
          + " receipt>}. Nothing is published before a window is full.",
      "A quote is acknowledged only once the broker has confirmed all its values: with the"
          + " persistent session of a stable --client-id, none is lost across restarts. The"
          + " averages live in memory: after a restart each window fills again."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped cleanly (SIGTERM or Ctrl-C)",
      "2:invalid command line (such as a malformed --mqtt URL, a window out of range, or a"
          + " --password-file or --ca-file that cannot be read)",
      "3:the JVM ran out of heap (-XX:+ExitOnOutOfMemoryError, as scripts/run.sh and the"
          + " images set): restart it",
      BrokerRefusedException.EXIT_CODE
          + ":the broker refused the connection (login, client id or protocol version, with its"
          + " reason code), or TLS failed for a certificate, or the broker refused the values"
          + " (MQTT 5: not authorized to write to the topics): retrying cannot help",
      FatalErrors.EXIT_CODE + ":an internal error ended it: restart it"
    })
public final class IndicatorMain implements Callable<Integer> {
  static final BuildInfo BUILD = BuildInfo.load("/io/intuition/indicator/build.properties");
  private static final Duration CLOSE_LIMIT = Duration.ofMillis(4_500);
  private static final long MAX_PACKET_BYTES = 1024 * 1024;

  /** How many quotes' values are remembered per quote held, for quotes delivered again. */
  private static final int REMEMBERED_PER_HELD = 10;

  @Mixin(name = "http")
  HttpOptions http = new HttpOptions("INDICATOR");

  @Mixin(name = "mqtt")
  MqttOptions mqtt =
      new MqttOptions("INDICATOR", "derived from the host name, stable across restarts");

  @Option(
      names = "--channels",
      split = ",",
      defaultValue = "${env:INDICATOR_CHANNELS:-quotes}",
      paramLabel = "TOPIC",
      description =
          "Quote channels to subscribe to at QoS 1, comma-separated; wildcards allowed (env"
              + " INDICATOR_CHANNELS, default ${DEFAULT-VALUE}).")
  List<String> channels;

  @Option(
      names = "--sma",
      split = ",",
      defaultValue = "${env:INDICATOR_SMA:-5,20}",
      paramLabel = "N",
      description =
          "Simple moving average windows, comma-separated, 1 to "
              + IndicatorSpec.MAX_WINDOW
              + "; none for none (env INDICATOR_SMA, default ${DEFAULT-VALUE}).")
  List<String> sma;

  @Option(
      names = "--ema",
      split = ",",
      defaultValue = "${env:INDICATOR_EMA:-12}",
      paramLabel = "N",
      description =
          "Exponential moving average windows, seeded by the simple average of the first N"
              + " prices; none for none (env INDICATOR_EMA, default ${DEFAULT-VALUE}).")
  List<String> ema;

  @Option(
      names = "--topic-prefix",
      defaultValue = "${env:INDICATOR_TOPIC_PREFIX:-indicators}",
      description =
          "The values' topics start with this (env INDICATOR_TOPIC_PREFIX, default"
              + " ${DEFAULT-VALUE}).")
  String topicPrefix;

  @Option(
      names = "--name",
      defaultValue = "${env:INDICATOR_NAME:-indicators}",
      description =
          "The name it announces itself by, as services/indicator/NAME (env INDICATOR_NAME,"
              + " default ${DEFAULT-VALUE}).")
  String name;

  @Option(
      names = "--max-symbols",
      defaultValue = "${env:INDICATOR_MAX_SYMBOLS:-10000}",
      description =
          "Symbols computed at most; a quote of one more is refused, logged and acknowledged"
              + " (env INDICATOR_MAX_SYMBOLS, default ${DEFAULT-VALUE}).")
  int maxSymbols;

  @Option(
      names = "--max-held",
      defaultValue = "${env:INDICATOR_MAX_HELD:-1000}",
      description =
          "Quotes held at most, taken and not yet acknowledged, 1 to 65535: the receive window"
              + " asked of an MQTT 5 broker (env INDICATOR_MAX_HELD, default ${DEFAULT-VALUE}).")
  int maxHeld;

  @Spec CommandSpec spec;

  private final Lifecycle lifecycle = new Lifecycle(CLOSE_LIMIT);

  /** Runs the service; exits with its code. */
  public static void main(String[] args) {
    FatalErrors.install();
    System.exit(new CommandLine(new IndicatorMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    IndicatorService.Config config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("indicator-service: " + e.getMessage());
      return 2;
    }
    return new IndicatorService(config, lifecycle, spec.commandLine().getErr()).run();
  }

  /** Stops a running service; {@link #call()} then returns 0. */
  void stop() {
    lifecycle.stop();
  }

  private IndicatorService.Config config() {
    MqttSettings.Builder settings = mqtt.settings(defaultClientId());
    http.check();
    List<String> topics = Channels.of(channels);
    List<IndicatorSpec> specs = Windows.specs(sma, ema);
    if (maxSymbols < 1) {
      throw new IllegalArgumentException("--max-symbols must be positive, but was " + maxSymbols);
    }
    if (maxHeld < 1 || maxHeld > 65_535) {
      throw new IllegalArgumentException(
          "--max-held must be between 1 and 65535, but was " + maxHeld);
    }
    Topics.requireLevel("--name", name);
    IndicatorTopic topic = new IndicatorTopic(topicPrefix);
    Announcer announcer = new Announcer(birth(topic, specs));
    settings
        .lastWill(announcer.lastWill())
        .persistentSession(true)
        .receiveMaximum(maxHeld)
        .maxInflight(maxHeld)
        .maxPacketBytes(MAX_PACKET_BYTES);
    return new IndicatorService.Config(
        settings.build(),
        announcer,
        topics,
        specs,
        topic,
        maxSymbols,
        maxHeld * REMEMBERED_PER_HELD,
        http);
  }

  /** What the service says of itself: the channels it publishes, one per indicator and window. */
  private Announcement birth(IndicatorTopic topic, List<IndicatorSpec> specs) {
    Instant started = Instant.now();
    return new Announcement(
        name,
        "indicator",
        Announcement.ONLINE,
        BUILD.version(),
        null,
        null,
        null,
        specs.stream().map(spec -> topic.filter(spec.kind(), spec.window())).toList(),
        started.toString(),
        Announcer.seq(started));
  }

  /** A client id stable for this host, short enough for any MQTT 3.1.1 broker. */
  static String defaultClientId() {
    CRC32 crc = new CRC32();
    crc.update(hostName().getBytes(StandardCharsets.UTF_8));
    return String.format("indicator-%08x", crc.getValue());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /** Prints the version written by the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return BUILD.versionLines();
    }
  }
}
