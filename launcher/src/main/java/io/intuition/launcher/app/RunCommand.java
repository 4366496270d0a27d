package io.intuition.launcher.app;

import io.intuition.launcher.broker.BrokerAddress;
import io.intuition.launcher.run.Console;
import io.intuition.launcher.run.Run;
import io.intuition.launcher.run.RunFailure;
import io.intuition.launcher.run.Settings;
import io.intuition.launcher.run.Strategy;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code run}: what {@code scripts/run.sh} does, which hands its arguments to this. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Runs a broker, algo-service, bridge-service, feed-service and the console (a live web"
          + " page of the suite, at the address printed), and shows the orders and the book."
          + " Ctrl-C, SIGTERM or the end of --duration stops everything it started; the logs stay"
          + " in the run folder.",
      "Environment: INTUITION_JAVA_OPTS replaces the services' JVM flags (default: "
          + RunCommand.JAVA_OPTS
          + "); INTUITION_NO_MOSQUITTO=1 never starts mosquitto."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:stopped at the end of --duration, or by Ctrl-C or SIGTERM",
      "1:a service did not start or exited by itself",
      "2:wrong arguments"
    })
public final class RunCommand implements Callable<Integer> {
  /** The services' JVM flags, as the bench's. */
  static final String JAVA_OPTS =
      "-XX:+UseSerialGC -Xms32m -Xmx64m -Xss512k -XX:MaxMetaspaceSize=64m"
          + " -XX:ReservedCodeCacheSize=32m -XX:+ExitOnOutOfMemoryError";

  @Spec CommandSpec spec;

  @Option(
      names = "--mqtt",
      paramLabel = "URL",
      defaultValue = "mqtt://localhost:1883",
      description = {
        "broker, mqtt://host[:port] (default ${DEFAULT-VALUE}); one is started there when nothing"
            + " listens and the host is this machine: mosquitto when installed, else"
            + " broker/target/broker.jar"
      })
  String mqtt;

  @Option(
      names = "--algo",
      paramLabel = "NAME",
      defaultValue = "sma-cross",
      description =
          "sma-cross (default: moving-average crossings, buys and sells, 20%% of the cash or the"
              + " position each) or random (the original: buys at random)")
  String algo;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      description = "stop after this long (default: run until Ctrl-C)")
  String duration;

  @Option(
      names = "--rate",
      paramLabel = "N",
      defaultValue = "10",
      description = "quotes per second from the feed (default ${DEFAULT-VALUE})")
  String rate;

  @Option(
      names = "--console-port",
      paramLabel = "PORT",
      description =
          "where the console's web page is served, on 127.0.0.1 (default: 8080 when free, else any"
              + " free port; 0: any free port); the run prints its address")
  Integer consolePort;

  @Option(
      names = "--run-dir",
      paramLabel = "DIR",
      description = "logs, pids and the broker's data (default runs/<timestamp>)")
  Path runDir;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      defaultValue = "${env:INTUITION_ROOT}",
      description = "the repository, whose modules hold the jars (default: the one of this jar)")
  Path root;

  private final Map<String, String> environment;

  /** A command reading this process's environment. */
  public RunCommand() {
    this(System.getenv());
  }

  /** A command reading {@code environment}, for INTUITION_JAVA_OPTS and the broker's search. */
  RunCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    Console console = new Console(program(), out);
    Run run;
    try {
      run = Run.prepare(settings, console);
    } catch (UncheckedIOException e) {
      return fail(e.getMessage());
    }
    Thread hook = new Thread(run::stop, "run-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    StopSignals.install(run::stop);
    try {
      run.start();
      run.supervise();
      return 0;
    } catch (RunFailure e) {
      // what a stop asked for ends the start as a failure would: no failure to report then
      return run.isStopping() ? 0 : fail(e.getMessage());
    } finally {
      run.stop();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down already: the hook is running, or has
      }
    }
  }

  private int fail(String message) {
    spec.commandLine().getErr().println(program() + ": " + message);
    spec.commandLine().getErr().flush();
    return 1;
  }

  private String program() {
    return environment.getOrDefault("INTUITION_LAUNCHED_AS", "launcher");
  }

  Settings settings() {
    Strategy strategy =
        Strategy.of(algo)
            .orElseThrow(() -> usage("--algo must be sma-cross or random, but was '" + algo + "'"));
    if (duration != null && !duration.matches("[1-9][0-9]*")) {
      throw usage(
          "--duration must be a whole number of seconds above 0, but was '" + duration + "'");
    }
    if (!rate.matches("[0-9]*\\.?[0-9]+") || rate.matches("[0.]+")) {
      throw usage("--rate must be a number above 0, but was '" + rate + "'");
    }
    BrokerAddress broker;
    try {
      broker = BrokerAddress.parse(mqtt);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (consolePort != null && (consolePort < 0 || consolePort > 65_535)) {
      throw usage("--console-port must be 0 to 65535, but was " + consolePort);
    }
    String flags = environment.getOrDefault("INTUITION_JAVA_OPTS", JAVA_OPTS);
    return new Settings(
        root == null ? jarRoot() : root.toAbsolutePath().normalize(),
        mqtt,
        broker,
        strategy,
        Optional.ofNullable(duration).map(Long::parseLong).map(Duration::ofSeconds),
        rate,
        runDir == null ? null : runDir.toAbsolutePath(),
        flags.isBlank() ? List.of() : List.of(flags.strip().split("\\s+")),
        environment,
        consolePort);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), program() + ": " + message);
  }

  /** The repository this jar was built in: launcher/target/launcher.jar, two folders up. */
  private static Path jarRoot() {
    try {
      Path jar =
          Path.of(RunCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = jar.getParent().getParent().getParent();
      return Files.isDirectory(root.resolve("launcher")) ? root : Path.of("").toAbsolutePath();
    } catch (URISyntaxException e) {
      return Path.of("").toAbsolutePath();
    }
  }
}
