package io.intuition.bridge.app;

import io.intuition.bridge.discovery.BridgeAnnouncement;
import io.intuition.bridge.forward.ForwardSettings;
import io.intuition.common.cli.BuildInfo;
import io.intuition.common.cli.CurveOptions;
import io.intuition.common.cli.FatalErrors;
import io.intuition.common.cli.HttpOptions;
import io.intuition.common.cli.MqttOptions;
import io.intuition.common.discovery.Topics;
import io.intuition.common.mqtt.BrokerRefusedException;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.rpc.curve.ClientCredentials;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.CRC32;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
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
      "2:invalid command line (such as a malformed --mqtt URL, both --rpc and --algo, or a"
          + " --password-file or --ca-file that cannot be read)",
      "3:the JVM ran out of heap (-XX:+ExitOnOutOfMemoryError, as scripts/run.sh and the"
          + " images set): restart it",
      BrokerRefusedException.EXIT_CODE
          + ":the broker refused the connection (login, client id or protocol version, with its"
          + " reason code), or TLS failed for a certificate (not trusted, not for the broker's"
          + " host, or the client's refused), or the broker refused an order (MQTT 5: not"
          + " authorized to write to --orders-topic): retrying cannot help",
      "70:an internal error ended it (such as running out of direct memory): restart it"
    })
public final class BridgeMain implements Callable<Integer> {
  static final BuildInfo BUILD = BuildInfo.load("/io/intuition/bridge/build.properties");

  @Mixin(name = "mqtt")
  MqttOptions mqtt =
      new MqttOptions(
          "BRIDGE", "derived from the host name and --rpc or --algo, stable across restarts");

  @Mixin(name = "http")
  HttpOptions http = new HttpOptions("BRIDGE");

  @Option(
      names = {"-r", "--rpc"},
      defaultValue = "${env:BRIDGE_RPC:-tcp://127.0.0.1:4242}",
      description =
          "The algorithm's zerorpc address, unless --algo is given (env BRIDGE_RPC, default"
              + " ${DEFAULT-VALUE}).")
  String rpc;

  @Option(
      names = "--algo",
      defaultValue = "${env:BRIDGE_ALGO}",
      paramLabel = "NAME",
      description =
          "Instead of --rpc: the algo's name. The bridge finds its address in the algo's"
              + " announcement on services/algo/NAME, waits while none is alive, and follows the"
              + " algo when it moves (env BRIDGE_ALGO).")
  String algo;

  @Option(
      names = "--name",
      defaultValue = "${env:BRIDGE_NAME}",
      description =
          "The name the bridge announces itself as, on services/bridge/NAME (env BRIDGE_NAME,"
              + " default: its MQTT client id).")
  String name;

  @Option(
      names = CurveOptions.SERVER_KEY,
      defaultValue = "${env:BRIDGE_CURVE_SERVER_KEY}",
      paramLabel = "KEY",
      description =
          "Turns CURVE on for the RPC link: the algo's public key, as the key in Z85 or the path"
              + " of its .key file (env BRIDGE_CURVE_SERVER_KEY, default: CURVE off).")
  String curveServerKey;

  @Option(
      names = CurveOptions.SECRET_KEY_FILE,
      defaultValue = "${env:BRIDGE_CURVE_SECRET_KEY_FILE}",
      paramLabel = "FILE",
      description =
          "With --curve-server-key: the bridge's key pair, a .key_secret written by algo-service"
              + " keygen, whose public key is among the algo's --curve-clients"
              + " (env BRIDGE_CURVE_SECRET_KEY_FILE).")
  Path curveSecretKeyFile;

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

  @Mixin(name = "topics")
  TopicOptions topics = new TopicOptions();

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
      names = "--max-held",
      defaultValue = "${env:BRIDGE_MAX_HELD:-" + DEFAULT_MAX_HELD + "}",
      description =
          "Messages held at most, taken from the broker and not yet acknowledged, 1 to 65535:"
              + " the receive window asked of an MQTT 5 broker; past it, messages are refused"
              + " unacknowledged and asked for again later (env BRIDGE_MAX_HELD, default"
              + " ${DEFAULT-VALUE}).")
  int maxHeld;

  @Option(
      names = "--rpc-timeout",
      defaultValue = "${env:BRIDGE_RPC_TIMEOUT:-10}",
      description =
          "Seconds to wait for the algorithm's answer before retrying (env BRIDGE_RPC_TIMEOUT, default ${DEFAULT-VALUE}).")
  double rpcTimeoutSeconds;

  @Spec CommandSpec spec;

  private final Bridge.Control control = new Bridge.Control();

  /** The default of {@code --max-held}. */
  static final int DEFAULT_MAX_HELD = 10_000;

  /** What an algo's name is prefixed with for the default client id, to tell it from an address. */
  private static final String ALGO_PREFIX = "algo:";

  /** What the bridge holds at most in payload bytes, unless a single payload may be larger. */
  static final long MAX_HELD_BYTES = 8L * 1024 * 1024;

  /** Room for a message's topic and properties beside its payload. */
  private static final int PACKET_OVERHEAD_BYTES = 64 * 1024;

  /** Runs the bridge; exits with its code. */
  public static void main(String[] args) {
    FatalErrors.install();
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
    checkAlgoSource();
    http.check();
    MqttSettings.Builder mqttSettings =
        mqtt.settings(defaultClientId(algo == null ? rpc : ALGO_PREFIX + algo));
    if (!(rpcTimeoutSeconds > 0)) {
      throw new IllegalArgumentException(
          "--rpc-timeout must be positive, but was " + rpcTimeoutSeconds);
    }
    ForwardSettings forward =
        new ForwardSettings(
            topics.ordersTopic,
            topics.noRejections ? "" : topics.rejectedSuffix,
            maxPayload,
            window,
            maxHeld,
            Math.max(MAX_HELD_BYTES, maxPayload),
            InitializeParams.of(cash, params));
    mqttSettings
        .persistentSession(true)
        .receiveMaximum(maxHeld)
        .maxInflight(window)
        .maxPacketBytes((long) maxPayload + PACKET_OVERHEAD_BYTES);
    Duration timeout = Duration.ofMillis(Math.round(rpcTimeoutSeconds * 1000));
    ClientCredentials curve = CurveOptions.client(curveServerKey, curveSecretKeyFile);
    String clientId = mqttSettings.build().clientId();
    BridgeAnnouncement self =
        new BridgeAnnouncement(
            name != null ? name : clientId,
            algo != null ? algo : rpc,
            BUILD.version(),
            Instant.now());
    mqttSettings.lastWill(self.lastWill());
    return new Bridge.Config(
        mqttSettings.build(), topics.sharedGroup(), rpc, algo, self, curve, timeout, forward, http);
  }

  /** Either --rpc or --algo: --rpc's default holds only when --algo is not given. */
  private void checkAlgoSource() {
    if (algo == null) {
      return;
    }
    boolean rpcGiven =
        spec.commandLine().getParseResult().hasMatchedOption("--rpc")
            || System.getenv("BRIDGE_RPC") != null;
    if (rpcGiven) {
      throw new IllegalArgumentException(
          "give either --rpc (BRIDGE_RPC) or --algo (BRIDGE_ALGO), not both");
    }
    Topics.requireLevel("--algo", algo);
  }

  /**
   * A client id stable for this host and algorithm, its address or {@code algo:} and its name,
   * short enough for any MQTT 3.1.1 broker.
   */
  static String defaultClientId(String algorithm) {
    CRC32 crc = new CRC32();
    crc.update((hostName() + "|" + algorithm).getBytes(StandardCharsets.UTF_8));
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
