package io.intuition.bench.app;

import io.intuition.bench.report.Report;
import io.intuition.bench.report.ResultFiles;
import io.intuition.bench.report.Table;
import io.intuition.bench.step.Progress;
import io.intuition.common.cli.BuildInfo;
import io.intuition.launcher.broker.LocalMosquitto;
import io.intuition.launcher.broker.MosquittoFinder;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures the suite against the broker's own ceiling and writes the results. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = {StateCommand.class, SoakCommand.class, ScaleCommand.class},
    versionProvider = BenchMain.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Measures the suite on this machine, all on loopback, and prints a table:",
      " 1. ceiling: N quotes, one QoS 1 publisher to one subscriber, broker alone",
      " 2. cold: a fresh suite; once a probe gets its order, --cold-quotes quotes",
      "    at full speed through bridge -> algo (threshold 0) to the last order",
      " 3. warm: after --warmup quotes, N quotes through the suite; meanwhile the",
      "    peak RSS and CPU per quote of bridge, algo and the bench's mosquitto",
      " 4. latency: quote ts -> order at each offered rate, and broker alone",
      " 5. RPC alone: sequential event calls, then pipelined at each window",
      " 6. original stack, when node and interop/node/node_modules are here:",
      "    bridge.js and the Node zerorpc algo (for the Python one), N quotes",
      " 7. overload: --overload-quotes at once to a fresh suite, a broker of its",
      "    own per Mosquitto found (fixed, system): answered, RSS, shed",
      " 8. hostile input, a fresh algo-service each: a 100 MiB frame, an event",
      "    of 10^6 symbols, 200,000 requests never read; then a fresh ping",
      "The broker is the fixed Mosquitto (2.0.13+) when found, else the system's",
      "(--mosquitto or --mqtt choose). A default run: about 6 minutes, 2 cores.",
      "Writes <out>/<timestamp>.json and the latency plot <out>/<timestamp>.svg.",
      "'bench state' measures instead how fast an algo-service with --state fills orders;",
      "'bench soak' runs the whole suite at a fixed rate for minutes and checks that the",
      "memory, file descriptors and threads of every process stay flat."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:measured (whether or not every target was met)",
      "1:could not measure (broker missing, a service failed; the message says which)",
      "2:invalid command line"
    })
public final class BenchMain implements Callable<Integer> {
  static final BuildInfo BUILD = BuildInfo.load("/io/intuition/bench/build.properties");
  static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final long MAX_OVERLOAD_QUOTES = 10_000_000;

  @Option(
      names = {"-n", "--quotes"},
      defaultValue = "100000",
      description = "Quotes in the throughput steps (default ${DEFAULT-VALUE}).")
  long quotes;

  @Option(
      names = "--cold-quotes",
      defaultValue = "20000",
      description =
          "Quotes of the cold step, sent to a freshly started suite (default ${DEFAULT-VALUE}).")
  long coldQuotes;

  @Option(
      names = "--overload-quotes",
      defaultValue = "200000",
      description =
          "Quotes of the overload step, published at once; 0 skips it (default ${DEFAULT-VALUE}).")
  long overloadQuotes;

  @Option(
      names = "--warmup",
      defaultValue = "150000",
      description =
          "Quotes sent first and not measured, per path: the services' JIT compilers are busy"
              + " for the first 20-30 s of traffic, and CPU per quote is to be measured in steady"
              + " state (default ${DEFAULT-VALUE}; the original stack gets at most 20000).")
  long warmUp;

  @Option(
      names = "--rates",
      split = ",",
      defaultValue = "1000,10000",
      description = "Offered rates of the latency step, quotes/s (default ${DEFAULT-VALUE}).")
  List<Integer> rates;

  @Option(
      names = "--seconds",
      defaultValue = "30",
      description = "How long each rate is offered (default ${DEFAULT-VALUE}).")
  double seconds;

  @Option(
      names = "--rpc-seconds",
      defaultValue = "5",
      description = "How long each RPC measurement lasts (default ${DEFAULT-VALUE}).")
  double rpcSeconds;

  @Option(
      names = "--windows",
      split = ",",
      defaultValue = "1,16,64,256",
      description = "Pipelined RPC windows (default ${DEFAULT-VALUE}).")
  List<Integer> windows;

  @Option(
      names = "--publish-window",
      defaultValue = "1000",
      description = "QoS 1 publishes in flight at most, every step (default ${DEFAULT-VALUE}).")
  int publishWindow;

  @Option(
      names = "--bridge-window",
      defaultValue = "1000",
      description = "The bridge's --window: calls in flight at most (default ${DEFAULT-VALUE}).")
  int bridgeWindow;

  @Option(
      names = "--service-jvm",
      split = " ",
      defaultValue = "${env:INTUITION_JAVA_OPTS:-" + DEFAULT_JVM + "}",
      description =
          "JVM flags of the bridge and the algo, space-separated "
              + "(env INTUITION_JAVA_OPTS, default ${DEFAULT-VALUE}).")
  List<String> serviceJvm;

  @Option(
      names = "--mqtt",
      description =
          "Use the broker at this address (tcp://host:port) instead of starting a Mosquitto of the"
              + " bench's own. Its max_queued_messages must allow a whole burst.")
  String mqtt;

  @Option(
      names = "--broker-pid",
      paramLabel = "PID",
      description =
          "With --mqtt: a process of that broker, measured in the warm step as broker-PID; once"
              + " for each node of a cluster.")
  List<Long> brokerPids;

  @Option(
      names = "--mosquitto",
      paramLabel = "PATH",
      description =
          "The Mosquitto binary of the bench's own broker (default: the fixed one, 2.0.13 or newer,"
              + " from env "
              + MosquittoFinder.VARIABLE
              + " or ~/.cache/intuition, else the system's).")
  Path mosquitto;

  @Option(
      names = "--root",
      description = "The project folder with the built jars (default: found from the bench jar).")
  Path root;

  @Option(
      names = "--out",
      defaultValue = "bench-results",
      description = "Where the results go (default ${DEFAULT-VALUE}).")
  Path out;

  @Spec CommandSpec spec;

  /** The services' JVM flags, the same as scripts/run.sh's. */
  static final String DEFAULT_JVM =
      "-XX:+UseSerialGC -Xms32m -Xmx64m -Xss512k -XX:MaxMetaspaceSize=64m"
          + " -XX:ReservedCodeCacheSize=32m -XX:+ExitOnOutOfMemoryError";

  /** Runs the bench; exits with its status. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    validate();
    String timestamp = LocalDateTime.now().format(STAMP);
    Path logs = out.resolve("logs").resolve(timestamp);
    Path project = project();
    BrokerChoice choice = new BrokerChoice(MosquittoFinder.here());
    try (LocalMosquitto broker = mqtt == null ? startBroker(choice, logs) : null) {
      String url = mqtt != null ? mqtt : broker.url();
      Report.Broker info =
          broker == null
              ? new Report.Broker(url, null, null)
              : new Report.Broker(
                  url, broker.binary().path().toString(), broker.binary().version());
      Report report =
          new Bench(
                  settings(url),
                  info,
                  broker != null ? Map.of("mosquitto", broker.pid()) : external(),
                  choice.overload(broker),
                  project,
                  logs,
                  new Progress(System.err))
              .run(timestamp);
      PrintStream stdout = System.out;
      new Table(stdout).print(report);
      Path json = ResultFiles.write(report, out, timestamp);
      stdout.println();
      stdout.println("wrote " + json + " and its plot " + json.resolveSibling(timestamp + ".svg"));
      return 0;
    } catch (IllegalStateException e) {
      spec.commandLine().getErr().println("bench: " + e.getMessage() + " (logs in " + logs + ")");
      return 1;
    }
  }

  /** The processes of a broker the bench did not start, by the name their usage shows. */
  private Map<String, Long> external() {
    Map<String, Long> pids = new LinkedHashMap<>();
    (brokerPids == null ? List.<Long>of() : brokerPids)
        .forEach(pid -> pids.put("broker-" + pid, pid));
    return pids;
  }

  private void validate() {
    if (quotes <= 0
        || coldQuotes <= 0
        || warmUp < 0
        || seconds <= 0
        || rpcSeconds <= 0
        || publishWindow <= 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--quotes, --cold-quotes, --seconds, --rpc-seconds and --publish-window must be above 0,"
              + " --warmup not negative");
    }
    if (overloadQuotes < 0 || overloadQuotes > MAX_OVERLOAD_QUOTES) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--overload-quotes must be 0 to " + MAX_OVERLOAD_QUOTES + ", but was " + overloadQuotes);
    }
  }

  private Report.Settings settings(String url) {
    return new Report.Settings(
        quotes,
        coldQuotes,
        overloadQuotes,
        warmUp,
        rates,
        seconds,
        rpcSeconds,
        windows,
        publishWindow,
        bridgeWindow,
        serviceJvm,
        url);
  }

  /** The bench's own broker: --mosquitto, else the fixed binary, else the system's. */
  LocalMosquitto startBroker(BrokerChoice choice, Path logs)
      throws IOException, InterruptedException {
    try {
      return LocalMosquitto.start(choice.main(mosquitto), logs);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The project folder: {@code --root}, or the one the bench jar was built in. */
  Path project() throws URISyntaxException {
    return root != null ? root : projectRoot();
  }

  /** The project folder: the bench jar (or classes folder) is in {@code <root>/bench/target}. */
  private static Path projectRoot() throws URISyntaxException {
    Path location =
        Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return location.toAbsolutePath().getParent().getParent().getParent();
  }

  /** Prints the version written by the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return BUILD.versionLines();
    }
  }
}
