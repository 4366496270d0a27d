package io.intuition.broker;

import io.intuition.common.cli.BuildInfo;
import io.intuition.common.cli.Lifecycle;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the embedded MQTT broker: serves until stopped. */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    versionProvider = BrokerMain.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "An MQTT 3.1.1 broker (Moquette) for running the suite where Mosquitto is not installed:"
          + " anonymous, QoS 0-2, persistent sessions kept in memory while it runs.",
      "Prints \"broker listening on mqtt://<host>:<port>\" once it accepts connections."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped cleanly (SIGTERM or Ctrl-C)",
      "1:could not start (such as the port in use)",
      "2:invalid command line"
    })
public final class BrokerMain implements Callable<Integer> {
  static final BuildInfo BUILD = BuildInfo.load("/io/intuition/broker/build.properties");
  private static final Logger log = LoggerFactory.getLogger(BrokerMain.class);
  private static final int MAX_PORT = 65_535;

  @Option(
      names = "--host",
      defaultValue = "${env:BROKER_HOST:-127.0.0.1}",
      description =
          "Address to listen on (env BROKER_HOST, default ${DEFAULT-VALUE};"
              + " 0.0.0.0 for all interfaces).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "${env:BROKER_PORT:-1883}",
      description =
          "Port to listen on, 0 for a free one (env BROKER_PORT, default ${DEFAULT-VALUE}).")
  int port;

  @Spec CommandSpec spec;

  private final Lifecycle lifecycle = new Lifecycle(Duration.ofMillis(4_000));

  /** Runs the broker; exits with its code. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BrokerMain()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > MAX_PORT) {
      spec.commandLine()
          .getErr()
          .println("broker: --port must be between 0 and " + MAX_PORT + ", but was " + port);
      return 2;
    }
    MoquetteBroker broker;
    try {
      broker = MoquetteBroker.start(host, port);
    } catch (IllegalStateException e) {
      spec.commandLine().getErr().println("broker: " + e.getMessage());
      return 1;
    }
    lifecycle.stopOnSignal("broker");
    log.info("{} {}: Moquette on {}:{}", BUILD.name(), BUILD.version(), host, broker.port());
    banner("mqtt://" + host + ":" + broker.port());
    lifecycle.awaitStop();
    broker.close();
    log.info("stopped");
    lifecycle.closed();
    return 0;
  }

  /** Stops a running broker; {@link #call()} then returns. */
  void stop() {
    lifecycle.stop();
  }

  private void banner(String url) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        spec.commandLine()
            .getColorScheme()
            .ansi()
            .string("@|bold,cyan broker listening on " + url + "|@"));
    out.flush();
  }

  /** Prints the version written by the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return BUILD.versionLines();
    }
  }
}
