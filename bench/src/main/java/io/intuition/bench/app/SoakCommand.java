package io.intuition.bench.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.intuition.bench.load.Clock;
import io.intuition.bench.load.Publisher;
import io.intuition.bench.load.QuoteLedger;
import io.intuition.bench.service.Feed;
import io.intuition.bench.service.Suite;
import io.intuition.bench.soak.Soak;
import io.intuition.bench.soak.SoakResult;
import io.intuition.bench.soak.SoakSettings;
import io.intuition.bench.soak.SoakTable;
import io.intuition.bench.step.Flow;
import io.intuition.bench.step.Progress;
import io.intuition.launcher.broker.LocalMosquitto;
import io.intuition.launcher.broker.MosquittoFinder;
import io.intuition.launcher.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.paho.client.mqttv3.MqttException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Runs the whole suite at a fixed rate for minutes and tells whether each process stayed flat. */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    versionProvider = BenchMain.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Runs the whole suite at a fixed rate: a Mosquitto of its own (or --mqtt),",
      "the algo-service, the bridge-service (threshold 0: every quote makes an",
      "order) and the feed-service, publishing --rate quotes/s for --minutes.",
      "Every --sample-seconds it reads the resident set (VmRSS), the open file",
      "descriptors (/proc/PID/fd) and the threads of each process, and prints a",
      "line. Once the feed is done and the last orders are in, it judges each",
      "metric over the samples after the warm-up: a least-squares line through",
      "them is growing when it rises by more than 5%% of the mean or 8 MB, 4 fds,",
      "2 threads, whichever is more. Then: sent, answered (each order matched to",
      "its quote by the ts it echoes), lost, duplicates. Writes",
      "<out>/soak-<timestamp>.json with every sample. The bench's own options",
      "(--mosquitto, --service-jvm, --out) go before 'soak'."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every metric flat (or falling) and no quote lost",
      "1:a metric grew or had too few samples to judge, a quote was lost, or the soak could"
          + " not run (the message says which)",
      "2:invalid command line"
    })
final class SoakCommand implements Callable<Integer> {
  /** The most quotes one soak may count: it remembers the ts of each, and of each order. */
  static final long MAX_QUOTES = 1_000_000;

  private static final Duration OPEN_LIMIT = Duration.ofSeconds(60);
  private static final double MAX_WARMUP_SECONDS = 60;
  private static final double WARMUP_SHARE = 0.2;

  @ParentCommand BenchMain bench;

  @Option(
      names = "--minutes",
      defaultValue = "10",
      description = "How long the feed publishes (default ${DEFAULT-VALUE}).")
  double minutes;

  @Option(
      names = "--rate",
      defaultValue = "200",
      description = "Quotes per second (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--sample-seconds",
      defaultValue = "10",
      description = "How often every process is sampled (default ${DEFAULT-VALUE}).")
  double sampleSeconds;

  @Option(
      names = "--warmup-seconds",
      description =
          "The first seconds, sampled but not judged: the JIT compilers, the heaps and the"
              + " algo's remembered answers fill up (default: a fifth of the run, at most 60).")
  Double warmupSeconds;

  @Option(
      names = "--drain-seconds",
      defaultValue = "30",
      description =
          "Once the feed is done, how long to wait without a new order before a quote not"
              + " answered counts as lost (default ${DEFAULT-VALUE}).")
  double drainSeconds;

  @Option(
      names = "--mqtt",
      paramLabel = "URL",
      description =
          "Use the broker at this address (tcp://host:port) instead of starting one; it is"
              + " sampled only with --broker-pid.")
  String mqtt;

  @Option(
      names = "--broker-pid",
      paramLabel = "PID",
      description = "With --mqtt: the broker's process id, to sample it too.")
  Long brokerPid;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    validate();
    String timestamp = LocalDateTime.now().format(BenchMain.STAMP);
    Path logs = bench.out.resolve("logs").resolve("soak-" + timestamp);
    String url = mqtt != null ? mqtt : bench.mqtt;
    try (LocalMosquitto broker =
        url == null ? bench.startBroker(new BrokerChoice(MosquittoFinder.here()), logs) : null) {
      Map<String, Long> pids = new LinkedHashMap<>();
      if (broker != null || brokerPid != null) {
        pids.put("mosquitto", broker != null ? broker.pid() : brokerPid);
      }
      String label = broker != null ? broker.binary().label() : "the broker at " + url;
      String address = broker != null ? broker.url() : url;
      SoakResult result = soak(settings(label), address, pids, logs, timestamp);
      new SoakTable(System.out).print(result);
      System.out.println("wrote " + write(result, timestamp) + " (logs in " + logs + ")");
      return result.passed() ? 0 : 1;
    } catch (IllegalStateException | MqttException e) {
      spec.commandLine()
          .getErr()
          .println("bench soak: " + e.getMessage() + " (logs in " + logs + ")");
      return 1;
    }
  }

  private SoakResult soak(
      SoakSettings settings, String url, Map<String, Long> pids, Path logs, String timestamp)
      throws Exception {
    Path root = bench.project();
    try (Suite suite = Suite.start(root, url, bench.bridgeWindow, bench.serviceJvm, logs)) {
      awaitSuite(url);
      try (QuoteLedger ledger = QuoteLedger.subscribe(url, "quotes", "orders", Clock.micros());
          ServiceProcess feed =
              Feed.start(root, url, rate, settings.quotes(), bench.serviceJvm, logs)) {
        pids.put(feed.name(), feed.pid());
        suite.services().forEach(service -> pids.put(service.name(), service.pid()));
        return new Soak(settings, pids, ledger, feed, suite::requireAlive, new Progress(System.err))
            .run(timestamp);
      }
    }
  }

  /** Waits until a probe quote gets its order, so that the feed's first quote is answered. */
  private static void awaitSuite(String url) throws InterruptedException, MqttException {
    try (Publisher probe = Publisher.connect(url, 1)) {
      Flow.awaitSuite(probe, url, OPEN_LIMIT);
    }
  }

  private SoakSettings settings(String broker) {
    double warmup =
        warmupSeconds != null
            ? warmupSeconds
            : Math.round(Math.min(MAX_WARMUP_SECONDS, WARMUP_SHARE * minutes * 60));
    return new SoakSettings(
        minutes, rate, sampleSeconds, warmup, drainSeconds, broker, bench.serviceJvm);
  }

  private Path write(SoakResult result, String timestamp) throws IOException {
    Files.createDirectories(bench.out);
    Path file = bench.out.resolve("soak-" + timestamp + ".json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
    return file;
  }

  private void validate() {
    if (!(minutes > 0) || !(rate > 0) || !(sampleSeconds > 0) || !(drainSeconds >= 0)) {
      throw usage(
          "--minutes, --rate and --sample-seconds must be above 0, --drain-seconds not"
              + " negative");
    }
    double quotes = rate * minutes * 60;
    if (quotes < 1 || quotes > MAX_QUOTES) {
      throw usage(
          "--rate x --minutes must make 1 to " + MAX_QUOTES + " quotes, but made " + quotes);
    }
    if (warmupSeconds != null && !(warmupSeconds >= 0 && warmupSeconds < minutes * 60)) {
      throw usage(
          "--warmup-seconds must be 0 or more and less than the run, but was " + warmupSeconds);
    }
    if (brokerPid != null && mqtt == null && bench.mqtt == null) {
      throw usage("--broker-pid needs --mqtt: the soak's own broker is sampled anyway");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
