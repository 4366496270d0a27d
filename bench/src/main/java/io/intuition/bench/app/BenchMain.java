package io.intuition.bench.app;

import io.intuition.bench.broker.LocalMosquitto;
import io.intuition.bench.report.Report;
import io.intuition.bench.report.ResultFiles;
import io.intuition.bench.report.Table;
import io.intuition.common.cli.BuildInfo;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
    versionProvider = BenchMain.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Measures the suite on this machine, everything on loopback, and prints a table:",
      "  1. ceiling: N quotes from one QoS 1 publisher to one QoS 1 subscriber, broker alone",
      "  2. suite: the same N quotes through bridge -> algo (threshold 0) to the last order",
      "  3. latency: quote ts -> order at fixed offered rates, and the broker alone at each",
      "  4. RPC alone: sequential event calls, then pipelined at each window",
      "  5. peak RSS and CPU seconds of the bridge and the algo during step 2",
      "Writes <out>/<timestamp>.json and the latency plot <out>/<timestamp>.svg."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:measured (whether or not every target was met)",
      "1:could not measure (broker missing, a service failed; the message says which)",
      "2:invalid command line"
    })
public final class BenchMain implements Callable<Integer> {
  static final BuildInfo BUILD = BuildInfo.load("/io/intuition/bench/build.properties");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  @Option(
      names = {"-n", "--quotes"},
      defaultValue = "100000",
      description = "Quotes in the throughput steps (default ${DEFAULT-VALUE}).")
  long quotes;

  @Option(
      names = "--warmup",
      defaultValue = "50000",
      description =
          "Quotes sent first and not measured, per path: the services' JIT compilers are busy"
              + " for tens of thousands of quotes (default ${DEFAULT-VALUE}).")
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
      "-XX:+UseSerialGC -Xms16m -Xmx64m -Xss512k -XX:MaxMetaspaceSize=64m"
          + " -XX:ReservedCodeCacheSize=32m";

  /** Runs the bench; exits with its status. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintStream stdout = System.out;
    if (quotes <= 0 || warmUp < 0 || seconds <= 0 || rpcSeconds <= 0 || publishWindow <= 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--quotes, --seconds, --rpc-seconds and --publish-window must be above 0,"
              + " --warmup not negative");
    }
    String timestamp = LocalDateTime.now().format(STAMP);
    Path logs = out.resolve("logs").resolve(timestamp);
    Path project = root != null ? root : projectRoot();
    try (LocalMosquitto broker = mqtt == null ? Bench.startBroker(logs) : null) {
      String url = mqtt != null ? mqtt : broker.url();
      Report.Settings settings =
          new Report.Settings(
              quotes,
              warmUp,
              rates,
              seconds,
              rpcSeconds,
              windows,
              publishWindow,
              bridgeWindow,
              serviceJvm,
              url);
      Long brokerPid = broker != null ? broker.pid() : null;
      Report report = new Bench(settings, project, logs, System.err, brokerPid).run(timestamp);
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
