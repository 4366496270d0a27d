package io.intuition.algo.server;

import io.intuition.algo.sizer.SizerFactory;
import io.intuition.algo.state.CorruptStateException;
import io.intuition.algo.strategy.StrategyFactory;
import io.intuition.algo.trading.Trader;
import io.intuition.common.cli.BuildInfo;
import io.intuition.common.cli.FatalErrors;
import io.intuition.common.cli.HttpOptions;
import io.intuition.common.cli.Lifecycle;
import io.intuition.common.cli.MqttOptions;
import io.intuition.common.cli.ServicesCommand;
import io.intuition.common.discovery.Announcement;
import io.intuition.common.discovery.Topics;
import io.intuition.common.mqtt.BrokerRefusedException;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.rpc.curve.ServerCredentials;
import io.intuition.common.rpc.server.RpcServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the algo-service: one algorithm served over zerorpc until stopped. */
@Command(
    name = "algo-service",
    mixinStandardHelpOptions = true,
    subcommands = {PortfolioCommand.class, KeygenCommand.class, ServicesCommand.class},
    versionProvider = Candidates.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Serves a trading strategy, its sizer and its portfolio over zerorpc (ZeroMQ + msgpack,"
          + " protocol v3).",
      "Methods: initialize(params) -> channels, event(quote) -> order or nil, portfolio() -> book.",
      "Any zerorpc client can call it: this suite's bridge, Node.js, Python or the zerorpc CLI."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped cleanly",
      "1:could not start (address in use or malformed, unknown algorithm or sizer, a state file"
          + " that is corrupt or of another algorithm)",
      "2:invalid command line (such as a CURVE key file or folder that cannot be used)",
      "3:the JVM ran out of heap (-XX:+ExitOnOutOfMemoryError, as scripts/run.sh and the"
          + " images set): restart it",
      BrokerRefusedException.EXIT_CODE
          + ":with --mqtt: the broker refused the connection (login, client id or protocol"
          + " version, with its reason code), or TLS failed for a certificate: retrying cannot help",
      "5:the state could not be written: the files keep what was saved; restart it",
      "70:an internal error ended it (such as running out of direct memory): restart it"
    })
public final class AlgoMain implements Callable<Integer> {
  static final BuildInfo BUILD = BuildInfo.load("/io/intuition/algo/build.properties");
  private static final Logger log = LoggerFactory.getLogger(AlgoMain.class);

  @Option(
      names = "--addr",
      defaultValue = "${env:ALGO_ADDR:-tcp://127.0.0.1:4242}",
      description = "ZeroMQ address to bind (env ALGO_ADDR, default ${DEFAULT-VALUE}).")
  String address;

  @Option(
      names = "--seed",
      defaultValue = "${env:ALGO_SEED}",
      description =
          "Seed for the random draws: the same seed and quotes give the same orders "
              + "(env ALGO_SEED, default: a random seed, logged at start).")
  Long seed;

  @Option(
      names = "--name",
      defaultValue = "${env:ALGO_NAME:-algo}",
      description =
          "Service name answered by _zerorpc_name, and announced with --mqtt as"
              + " services/algo/NAME (env ALGO_NAME, default ${DEFAULT-VALUE}).")
  String name;

  @Option(
      names = "--algo",
      defaultValue = "${env:ALGO_ALGORITHM:-random}",
      description =
          "Algorithm to serve, one of ${COMPLETION-CANDIDATES} "
              + "(env ALGO_ALGORITHM, default ${DEFAULT-VALUE}).",
      completionCandidates = Candidates.Algorithms.class)
  String algorithm;

  @Option(
      names = "--sizer",
      defaultValue = "${env:ALGO_SIZER:-random-fraction}",
      description =
          "Sizer that chooses how much each order trades, one of ${COMPLETION-CANDIDATES} "
              + "(env ALGO_SIZER, default ${DEFAULT-VALUE}).",
      completionCandidates = Candidates.Sizers.class)
  String sizer;

  @Option(
      names = "--state",
      defaultValue = "${env:ALGO_STATE}",
      paramLabel = "FILE",
      description =
          "Keeps the book and the strategy's state in FILE (a snapshot) and FILE.journal (the"
              + " calls since): restored at start, each call on disk before it is answered"
              + " (env ALGO_STATE, default: kept in memory only).")
  Path state;

  @Mixin(name = "limits")
  LimitOptions limits = new LimitOptions();

  @Mixin(name = "curve")
  ServerCurveOptions curve = new ServerCurveOptions();

  @Mixin(name = "mqtt")
  MqttOptions mqtt = MqttOptions.optional("ALGO", "algo-NAME-<8 random hex digits>");

  @Mixin(name = "announce")
  AnnounceAddress announceAddress = new AnnounceAddress();

  @Mixin(name = "http")
  HttpOptions http = new HttpOptions("ALGO");

  @Spec CommandSpec spec;

  private final Lifecycle lifecycle = new Lifecycle(Duration.ofMillis(1_800));

  /** Runs the service; returns its exit code. */
  public static void main(String[] args) {
    FatalErrors.install();
    System.exit(new CommandLine(new AlgoMain()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    Instant started = Instant.now();
    ServerCredentials credentials;
    MqttSettings.Builder announcing;
    try {
      limits.check();
      http.check();
      credentials = curve.credentials();
      announcing = announcing();
    } catch (IllegalArgumentException e) {
      return fail(2, e.getMessage());
    }
    long runSeed = seed != null ? seed : new SecureRandom().nextLong();
    Running running;
    try {
      running = start(runSeed, credentials);
    } catch (CorruptStateException e) {
      return fail(1, e.getMessage() + "; move it away to open a new book");
    } catch (RpcException | IllegalArgumentException | IOException | UncheckedIOException e) {
      return fail(1, e.getMessage());
    }
    lifecycle.stopOnSignal("algo");
    report(runSeed, credentials);
    return serve(running, announcing, started);
  }

  /** Logs what runs, and how the RPC link is secured. */
  private void report(long runSeed, ServerCredentials credentials) {
    log.info(
        "{} {}: algorithm {} with sizer {} as '{}', seed {}",
        BUILD.name(),
        BUILD.version(),
        algorithm,
        sizer,
        name,
        runSeed);
    LinkSecurity.report(address, credentials);
  }

  /** Prints {@code message} as the service's error; returns {@code exitCode}. */
  private int fail(int exitCode, String message) {
    spec.commandLine().getErr().println("algo-service: " + message);
    return exitCode;
  }

  /** The parts of a started service, closed in this order. */
  private record Running(RpcServer server, Saver saver, AlgoOps ops, AlgoRpc rpc) {
    void close() {
      ops.close();
      server.close();
      saver.close();
    }
  }

  /** Opens the book and binds the RPC server and the HTTP endpoints. */
  private Running start(long runSeed, ServerCredentials credentials) throws IOException {
    Trader trader = trader(runSeed);
    Saver saver = state == null ? Saver.none(trader) : Recovery.open(trader, state);
    AlgoRpc rpc = new AlgoRpc(trader, limits.maxSymbols, saver);
    // the algorithm answers in microseconds: run it on the server's loop, without a hand-off
    RpcServer server =
        RpcServer.builder(rpc.service(name), address)
            .maxMessageBytes(limits.maxMessage)
            .directExecutor()
            .curve(credentials)
            .start();
    // once per round of the server's loop: one save for all the calls of the round
    server.eachRound(saver::flush);
    return new Running(server, saver, AlgoOps.start(http, server, trader), rpc);
  }

  /** Serves until stopped; then says so on MQTT and closes everything. */
  private int serve(Running running, MqttSettings.Builder announcing, Instant started)
      throws InterruptedException {
    String bound = running.server().address();
    Presence presence =
        announcing == null
            ? Presence.none()
            : Presence.start(
                announcing, birth(started, bound).withHttp(running.ops().advertised()), lifecycle);
    banner(bound);
    lifecycle.awaitStop();
    presence.stop();
    running.close();
    log.info("stopped: {}", running.rpc().tally());
    lifecycle.closed();
    if (presence.refusal() != null) {
      return fail(BrokerRefusedException.EXIT_CODE, presence.refusal().getMessage());
    }
    return 0;
  }

  /** With --mqtt, the settings to announce with; else null. */
  private MqttSettings.Builder announcing() {
    if (!mqtt.given()) {
      return null;
    }
    Topics.requireLevel("--name", name);
    announceAddress.check();
    return mqtt.settings(
        String.format("algo-%s-%08x", name, ThreadLocalRandom.current().nextInt()));
  }

  private Announcement birth(Instant started, String bound) {
    String rpc = announceAddress.of(bound);
    return Presence.birth(name, BUILD.version(), rpc, algorithm, sizer, started);
  }

  private Trader trader(long runSeed) {
    return new Trader(
        StrategyFactory.registry().get(algorithm),
        SizerFactory.registry().get(sizer),
        runSeed,
        limits.trading());
  }

  /** Stops a running service; {@link #call()} then returns. */
  void stop() {
    lifecycle.stop();
  }

  private void banner(String bound) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        spec.commandLine()
            .getColorScheme()
            .ansi()
            .string("@|bold,cyan serving on " + bound + " ...|@"));
    out.flush();
  }
}
