package io.intuition.bridge.app;

import io.intuition.bridge.forward.ForwardSettings;
import io.intuition.bridge.mqtt.MqttSettings;
import io.intuition.common.cli.BuildInfo;
import io.intuition.common.mqtt.MqttUrl;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.CRC32;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the bridge-service: MQTT quotes in, algorithm calls over zerorpc, orders out. */
@Command(
    name = "bridge-service",
    mixinStandardHelpOptions = true,
    versionProvider = BridgeMain.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Connects to an MQTT broker and to an algorithm over zerorpc, calls initialize, subscribes"
          + " to the channels it returns and forwards every message to event; publishes the"
          + " orders it answers.",
      "Every message is acknowledged only once handled: none is lost when the algorithm or the"
          + " broker restarts."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped cleanly (SIGTERM or Ctrl-C)",
      "1:the algorithm refused initialize",
      "2:invalid command line (such as a malformed --mqtt URL)"
    })
public final class BridgeMain implements Callable<Integer> {
  static final BuildInfo BUILD = BuildInfo.load("/io/intuition/bridge/build.properties");

  @Option(
      names = {"-m", "--mqtt"},
      defaultValue = "${env:BRIDGE_MQTT:-mqtt://localhost:1883}",
      description =
          "Broker URL: mqtt://, tcp://, mqtts:// or ssl:// (env BRIDGE_MQTT, default ${DEFAULT-VALUE}).")
  String mqtt;

  @Option(
      names = {"-r", "--rpc"},
      defaultValue = "${env:BRIDGE_RPC:-tcp://127.0.0.1:4242}",
      description = "The algorithm's zerorpc address (env BRIDGE_RPC, default ${DEFAULT-VALUE}).")
  String rpc;

  @Option(
      names = "--cash",
      defaultValue = "${env:BRIDGE_CASH:-50000}",
      description = "Starting cash sent to initialize (env BRIDGE_CASH, default ${DEFAULT-VALUE}).")
  BigDecimal cash;

  @Option(
      names = "--param",
      // a comma starts a new pair only before "key=", so JSON lists and objects stay whole
      split = ",(?=[^,\\[\\]{}\"]+=)",
      defaultValue = "${env:BRIDGE_PARAMS}",
      paramLabel = "KEY=VALUE",
      description =
          "Extra initialize parameter, repeatable, such as threshold=0.2; JSON values are"
              + " sent as JSON (env BRIDGE_PARAMS, comma-separated).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--client-id",
      defaultValue = "${env:BRIDGE_CLIENT_ID}",
      description =
          "MQTT client id that keeps the persistent session (env BRIDGE_CLIENT_ID,"
              + " default: derived from the host name and --rpc, stable across restarts).")
  String clientId;

  @Option(
      names = "--orders-topic",
      defaultValue = "${env:BRIDGE_ORDERS_TOPIC:-orders}",
      description =
          "Topic the orders are published on (env BRIDGE_ORDERS_TOPIC, default ${DEFAULT-VALUE}).")
  String ordersTopic;

  @Option(
      names = "--rejected-suffix",
      defaultValue = "${env:BRIDGE_REJECTED_SUFFIX:-/rejected}",
      description =
          "A rejected message is published with its reason on its topic plus this suffix"
              + " (env BRIDGE_REJECTED_SUFFIX, default ${DEFAULT-VALUE}).")
  String rejectedSuffix;

  @Option(names = "--no-rejections", description = "Do not publish rejected messages.")
  boolean noRejections;

  @Option(
      names = "--username",
      defaultValue = "${env:BRIDGE_USERNAME}",
      description = "MQTT user name (env BRIDGE_USERNAME).")
  String username;

  @Option(
      names = "--password",
      defaultValue = "${env:BRIDGE_PASSWORD}",
      description = "MQTT password (env BRIDGE_PASSWORD).")
  String password;

  @Option(
      names = "--max-payload",
      defaultValue = "${env:BRIDGE_MAX_PAYLOAD:-65536}",
      description =
          "Larger messages are rejected unread, in bytes (env BRIDGE_MAX_PAYLOAD, default ${DEFAULT-VALUE}).")
  int maxPayload;

  @Option(
      names = "--window",
      defaultValue = "${env:BRIDGE_WINDOW:-64}",
      description =
          "Messages in progress at once: calls to the algorithm outstanding plus orders the broker"
              + " has not confirmed yet, 1 to 10000 (env BRIDGE_WINDOW, default ${DEFAULT-VALUE}).")
  int window;

  @Option(
      names = "--rpc-timeout",
      defaultValue = "${env:BRIDGE_RPC_TIMEOUT:-10}",
      description =
          "Seconds to wait for the algorithm's answer before retrying (env BRIDGE_RPC_TIMEOUT, default ${DEFAULT-VALUE}).")
  double rpcTimeoutSeconds;

  @Spec CommandSpec spec;

  private final Bridge.Control control = new Bridge.Control();

  /** Runs the bridge; exits with its code. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BridgeMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Bridge.Config config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("bridge-service: " + e.getMessage());
      return 2;
    }
    return new Bridge(config, control, spec.commandLine().getErr()).run();
  }

  /** Stops a running bridge; {@link #call()} then returns. */
  void stop() {
    control.lifecycle().stop();
  }

  /** The running bridge's counters, for tests. */
  Bridge.Control control() {
    return control;
  }

  private Bridge.Config config() {
    MqttUrl url = MqttUrl.parse(mqtt);
    if (!(rpcTimeoutSeconds > 0)) {
      throw new IllegalArgumentException(
          "--rpc-timeout must be positive, but was " + rpcTimeoutSeconds);
    }
    MqttSettings mqttSettings =
        new MqttSettings(
            url, clientId != null ? clientId : defaultClientId(rpc), username, password);
    ForwardSettings forward =
        new ForwardSettings(
            ordersTopic,
            noRejections ? "" : rejectedSuffix,
            maxPayload,
            window,
            InitializeParams.of(cash, params));
    Duration timeout = Duration.ofMillis(Math.round(rpcTimeoutSeconds * 1000));
    return new Bridge.Config(mqttSettings, rpc, timeout, forward);
  }

  /** A client id stable for this host and algorithm, short enough for any MQTT 3.1.1 broker. */
  static String defaultClientId(String rpcAddress) {
    CRC32 crc = new CRC32();
    crc.update((hostName() + "|" + rpcAddress).getBytes(StandardCharsets.UTF_8));
    return String.format("bridge-%08x", crc.getValue());
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
