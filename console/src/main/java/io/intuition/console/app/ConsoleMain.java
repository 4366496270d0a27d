package io.intuition.console.app;

import io.intuition.common.cli.BuildInfo;
import io.intuition.common.cli.CurveOptions;
import io.intuition.common.cli.FatalErrors;
import io.intuition.common.cli.Lifecycle;
import io.intuition.common.cli.MqttOptions;
import io.intuition.common.mqtt.BrokerRefusedException;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.rpc.curve.ClientCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the console: one live web page of the suite. */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    versionProvider = ConsoleMain.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Serves one web page that shows the suite live: the services announced on services/+/+,"
          + " the orders as they arrive, each algo's book (portfolio() over RPC) with its equity"
          + " curve, the latest indicator values, and quotes/s and quote-to-order latency from the"
          + " services' /metrics. The page is pushed server-sent events on GET /events;"
          + " GET /api/state answers the same state as JSON.",
      "Prints 'console on http://HOST:PORT' once listening. GET /health answers 200 once"
          + " connected to the broker, 503 before."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped cleanly (SIGTERM or Ctrl-C)",
      "2:invalid command line, or the HTTP address cannot be bound",
      BrokerRefusedException.EXIT_CODE
          + ":the broker refused the connection (login, client id or protocol version), or TLS"
          + " failed for a certificate: retrying cannot help",
      FatalErrors.EXIT_CODE + ":an internal error ended it: restart it"
    })
public final class ConsoleMain implements Callable<Integer> {
  static final BuildInfo BUILD = BuildInfo.load("/io/intuition/console/build.properties");
  private static final Duration CLOSE_LIMIT = Duration.ofMillis(4_500);

  /** The largest message taken from the broker: an order or an announcement is far smaller. */
  private static final long MAX_PACKET_BYTES = 1024 * 1024;

  @Mixin(name = "mqtt")
  MqttOptions mqtt = new MqttOptions("CONSOLE", "console-<pid>");

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      defaultValue = "${env:CONSOLE_HTTP_PORT:-8080}",
      description =
          "Serves the page on PORT; 0 takes any free port (env CONSOLE_HTTP_PORT, default"
              + " ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(
      names = "--http-addr",
      paramLabel = "HOST",
      defaultValue = "${env:CONSOLE_HTTP_ADDR:-127.0.0.1}",
      description =
          "The interface it listens on; 0.0.0.0 for every one. The page has no login"
              + " (env CONSOLE_HTTP_ADDR, default ${DEFAULT-VALUE}).")
  String httpAddr;

  @Option(
      names = "--orders-topic",
      paramLabel = "TOPIC",
      defaultValue = "${env:CONSOLE_ORDERS_TOPIC:-orders}",
      description = "Where the orders come (env CONSOLE_ORDERS_TOPIC, default ${DEFAULT-VALUE}).")
  String ordersTopic;

  @Option(
      names = "--indicators-prefix",
      paramLabel = "PREFIX",
      defaultValue = "${env:CONSOLE_INDICATORS_PREFIX:-indicators}",
      description =
          "Indicator values come, retained, on PREFIX/<sid>/<indicator>/<window> (env"
              + " CONSOLE_INDICATORS_PREFIX, default ${DEFAULT-VALUE}).")
  String indicatorsPrefix;

  @Option(
      names = "--algo-rpc",
      split = ",",
      paramLabel = "URL",
      defaultValue = "${env:CONSOLE_ALGO_RPC}",
      description =
          "Algos whose book to show beyond the announced ones, comma-separated, such as"
              + " tcp://127.0.0.1:4242 (env CONSOLE_ALGO_RPC, default: none).")
  List<String> algoRpc;

  @Option(
      names = "--metrics",
      split = ",",
      paramLabel = "URL",
      defaultValue = "${env:CONSOLE_METRICS}",
      description =
          "/metrics endpoints to scrape beyond the announced ones, comma-separated, such as"
              + " http://127.0.0.1:9101/metrics (env CONSOLE_METRICS, default: none).")
  List<String> metricsUrls;

  @Option(
      names = "--book-every",
      paramLabel = "MS",
      defaultValue = "${env:CONSOLE_BOOK_EVERY:-1000}",
      description =
          "How often each book is asked for, in ms (env CONSOLE_BOOK_EVERY, default"
              + " ${DEFAULT-VALUE}).")
  long bookEvery;

  @Option(
      names = "--scrape-every",
      paramLabel = "MS",
      defaultValue = "${env:CONSOLE_SCRAPE_EVERY:-2000}",
      description =
          "How often each /metrics is scraped, in ms (env CONSOLE_SCRAPE_EVERY, default"
              + " ${DEFAULT-VALUE}).")
  long scrapeEvery;

  @Option(
      names = "--max-orders",
      paramLabel = "N",
      defaultValue = "${env:CONSOLE_MAX_ORDERS:-500}",
      description =
          "Orders kept and shown, the latest; all are counted (env CONSOLE_MAX_ORDERS, default"
              + " ${DEFAULT-VALUE}).")
  int maxOrders;

  @Option(
      names = CurveOptions.SERVER_KEY,
      paramLabel = "KEY",
      defaultValue = "${env:CONSOLE_CURVE_SERVER_KEY}",
      description =
          "Turns CURVE on for the book polls: the algos' public key, as the key in Z85 or the"
              + " path of its .key file (env CONSOLE_CURVE_SERVER_KEY, default: CURVE off).")
  String curveServerKey;

  @Option(
      names = CurveOptions.SECRET_KEY_FILE,
      paramLabel = "FILE",
      defaultValue = "${env:CONSOLE_CURVE_SECRET_KEY_FILE}",
      description =
          "With --curve-server-key: the console's key pair, a .key_secret written by"
              + " algo-service keygen, whose public key is among the algos' --curve-clients"
              + " (env CONSOLE_CURVE_SECRET_KEY_FILE).")
  Path curveSecretKeyFile;

  @Spec CommandSpec spec;

  private final Lifecycle lifecycle = new Lifecycle(CLOSE_LIMIT);

  /** Runs the console; exits with its code. */
  public static void main(String[] args) {
    FatalErrors.install();
    System.exit(new CommandLine(new ConsoleMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    ConsoleService.Config config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("console: " + e.getMessage());
      return 2;
    }
    return new ConsoleService(config, lifecycle, spec.commandLine()).run();
  }

  /** Stops a running console; {@link #call()} then returns 0. */
  void stop() {
    lifecycle.stop();
  }

  private ConsoleService.Config config() {
    MqttSettings.Builder settings =
        mqtt.settings("console-" + ProcessHandle.current().pid()).maxPacketBytes(MAX_PACKET_BYTES);
    if (httpPort < 0 || httpPort > 65_535) {
      throw new IllegalArgumentException("--http-port must be 0 to 65535, but was " + httpPort);
    }
    positive("--book-every", bookEvery);
    positive("--scrape-every", scrapeEvery);
    positive("--max-orders", maxOrders);
    List<String> algos = Addresses.of("--algo-rpc", algoRpc, "tcp://");
    List<String> metrics = Addresses.of("--metrics", metricsUrls, "http");
    Addresses.requireTopic("--orders-topic", ordersTopic);
    Addresses.requireTopic("--indicators-prefix", indicatorsPrefix);
    ClientCredentials curve = CurveOptions.client(curveServerKey, curveSecretKeyFile);
    return new ConsoleService.Config(
        settings.build(),
        httpAddr,
        httpPort,
        ordersTopic,
        indicatorsPrefix,
        algos,
        metrics,
        Duration.ofMillis(bookEvery),
        Duration.ofMillis(scrapeEvery),
        maxOrders,
        curve);
  }

  private static void positive(String option, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be positive, but was " + value);
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
