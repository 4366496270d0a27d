package io.intuition.algo.server;

import io.intuition.algo.sizer.SizerFactory;
import io.intuition.algo.state.CorruptStateException;
import io.intuition.algo.strategy.StrategyFactory;
import io.intuition.algo.trading.Limits;
import io.intuition.algo.trading.Trader;
import io.intuition.common.cli.BuildInfo;
import io.intuition.common.cli.CurveOptions;
import io.intuition.common.cli.FatalErrors;
import io.intuition.common.cli.Lifecycle;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.rpc.curve.ServerCredentials;
import io.intuition.common.rpc.server.RpcServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the algo-service: one algorithm served over zerorpc until stopped. */
@Command(
    name = "algo-service",
    mixinStandardHelpOptions = true,
    subcommands = {PortfolioCommand.class, KeygenCommand.class},
    versionProvider = AlgoMain.Version.class,
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
          "Service name answered by _zerorpc_name (env ALGO_NAME, default ${DEFAULT-VALUE}).")
  String name;

  @Option(
      names = "--algo",
      defaultValue = "${env:ALGO_ALGORITHM:-random}",
      description =
          "Algorithm to serve, one of ${COMPLETION-CANDIDATES} "
              + "(env ALGO_ALGORITHM, default ${DEFAULT-VALUE}).",
      completionCandidates = AlgorithmNames.class)
  String algorithm;

  @Option(
      names = "--sizer",
      defaultValue = "${env:ALGO_SIZER:-random-fraction}",
      description =
          "Sizer that chooses how much each order trades, one of ${COMPLETION-CANDIDATES} "
              + "(env ALGO_SIZER, default ${DEFAULT-VALUE}).",
      completionCandidates = SizerNames.class)
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

  @Option(
      names = "--recent-quotes",
      defaultValue = "${env:ALGO_RECENT_QUOTES:-10000}",
      description =
          "Quotes (by sid and ts) whose answers are remembered, so one delivered again is"
              + " answered alike and not traded twice; at least the bridge's --max-held, which"
              + " bounds what a broker sends again (env ALGO_RECENT_QUOTES, default"
              + " ${DEFAULT-VALUE}).")
  int recentQuotes;

  @Option(
      names = "--max-tracked-symbols",
      defaultValue = "${env:ALGO_MAX_TRACKED_SYMBOLS:-1000}",
      description =
          "Distinct symbols traded at most; a quote for one more is an InvalidQuote error"
              + " (env ALGO_MAX_TRACKED_SYMBOLS, default ${DEFAULT-VALUE}).")
  int maxTrackedSymbols;

  @Option(
      names = "--max-message",
      defaultValue = "${env:ALGO_MAX_MESSAGE:-1048576}",
      description =
          "Largest request frame in bytes: a larger one drops its connection unread, and a larger"
              + " reply is an ERR (env ALGO_MAX_MESSAGE, default ${DEFAULT-VALUE}).")
  int maxMessage;

  @Option(
      names = "--max-symbols",
      defaultValue = "${env:ALGO_MAX_SYMBOLS:-" + AlgoRpc.DEFAULT_MAX_SYMBOLS + "}",
      description =
          "Most quotes one event message may carry; more is an InvalidQuote error"
              + " (env ALGO_MAX_SYMBOLS, default ${DEFAULT-VALUE}).")
  int maxSymbols;

  @Option(
      names = CurveOptions.SECRET_KEY_FILE,
      defaultValue = "${env:ALGO_CURVE_SECRET_KEY_FILE}",
      paramLabel = "FILE",
      description =
          "Turns CURVE on: encrypts the RPC link and answers only the clients of --curve-clients;"
              + " FILE is this service's key pair, a NAME.key_secret written by keygen"
              + " (env ALGO_CURVE_SECRET_KEY_FILE, default: CURVE off).")
  Path curveSecretKeyFile;

  @Option(
      names = CurveOptions.CLIENTS,
      defaultValue = "${env:ALGO_CURVE_CLIENTS}",
      paramLabel = "DIR",
      description =
          "With --curve-secret-key-file: the folder of the public keys (*.key) of the clients"
              + " allowed; a client with no key or another gets no answer (env ALGO_CURVE_CLIENTS).")
  Path curveClients;

  @Spec CommandSpec spec;

  private final Lifecycle lifecycle = new Lifecycle(Duration.ofMillis(1_800));

  /** Runs the service; returns its exit code. */
  public static void main(String[] args) {
    FatalErrors.install();
    System.exit(new CommandLine(new AlgoMain()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    String invalid = invalidLimit();
    ServerCredentials curve = null;
    try {
      curve = invalid == null ? CurveOptions.server(curveSecretKeyFile, curveClients) : null;
    } catch (IllegalArgumentException e) {
      invalid = e.getMessage();
    }
    if (invalid != null) {
      spec.commandLine().getErr().println("algo-service: " + invalid);
      return 2;
    }
    long runSeed = seed != null ? seed : new SecureRandom().nextLong();
    Trader trader;
    Saver saver;
    RpcServer server;
    try {
      trader = trader(runSeed);
      saver = state == null ? Saver.none(trader) : Recovery.open(trader, state);
      AlgoRpc rpc = new AlgoRpc(trader, maxSymbols, saver);
      // the algorithm answers in microseconds: run it on the server's loop, without a hand-off
      server =
          RpcServer.builder(rpc.service(name), address)
              .maxMessageBytes(maxMessage)
              .directExecutor()
              .curve(curve)
              .start();
      // once per round of the server's loop: one save for all the calls of the round
      server.eachRound(saver::flush);
    } catch (CorruptStateException e) {
      spec.commandLine()
          .getErr()
          .println("algo-service: " + e.getMessage() + "; move it away to open a new book");
      return 1;
    } catch (RpcException | IllegalArgumentException | IOException e) {
      spec.commandLine().getErr().println("algo-service: " + e.getMessage());
      return 1;
    }
    lifecycle.stopOnSignal("algo");
    log.info(
        "{} {}: algorithm {} with sizer {} as '{}', seed {}",
        BUILD.name(),
        BUILD.version(),
        algorithm,
        sizer,
        name,
        runSeed);
    LinkSecurity.report(address, curve);
    banner(server.address());
    lifecycle.awaitStop();
    server.close();
    saver.close();
    log.info("stopped");
    lifecycle.closed();
    return 0;
  }

  private Trader trader(long runSeed) {
    return new Trader(
        StrategyFactory.registry().get(algorithm),
        SizerFactory.registry().get(sizer),
        runSeed,
        new Limits(recentQuotes, maxTrackedSymbols));
  }

  private String invalidLimit() {
    if (maxMessage < 1) {
      return "--max-message must be positive, but was " + maxMessage;
    }
    if (maxSymbols < 1) {
      return "--max-symbols must be positive, but was " + maxSymbols;
    }
    if (recentQuotes < 1) {
      return "--recent-quotes must be positive, but was " + recentQuotes;
    }
    if (maxTrackedSymbols < 1) {
      return "--max-tracked-symbols must be positive, but was " + maxTrackedSymbols;
    }
    return null;
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

  /** Prints the version written by the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return BUILD.versionLines();
    }
  }

  /** The algorithm names for the help text. */
  static final class AlgorithmNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return StrategyFactory.registry().names().iterator();
    }
  }

  /** The sizer names for the help text. */
  static final class SizerNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return SizerFactory.registry().names().iterator();
    }
  }
}
