package io.intuition.common.cli;

import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.mqtt.MqttTls;
import io.intuition.common.mqtt.MqttUrl;
import io.intuition.common.mqtt.MqttVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of a service's MQTT link, as a picocli mixin: the broker URL, the login, TLS, the
 * protocol version and the client id. An option not given reads the environment variable of the
 * service's prefix, such as {@code BRIDGE_CA_FILE} for {@code --ca-file} of prefix {@code BRIDGE}.
 *
 * <p>The password never is an option's value, since a command line shows in {@code ps}: it comes
 * from the URL ({@code mqtt://user:password@host}), from {@code --password-file}, or from the
 * variable {@code <PREFIX>_PASSWORD}; from one of them only. It appears in no message.
 */
public final class MqttOptions {
  private static final String DEFAULT_URL = "mqtt://localhost:1883";

  /**
   * Each option's variable, after the prefix, and its default when the variable is unset, as in
   * picocli's {@code ${env:NAME:-default}}.
   */
  private static final Map<String, String> VARIABLES =
      Map.of(
          "--mqtt", "_MQTT",
          "--username", "_USERNAME",
          "--password-file", "_PASSWORD_FILE",
          "--ca-file", "_CA_FILE",
          "--cert-file", "_CERT_FILE",
          "--key-file", "_KEY_FILE",
          "--insecure", "_INSECURE:-false",
          "--mqtt-version", "_MQTT_VERSION:-auto",
          "--client-id", "_CLIENT_ID",
          "--keep-alive", "_KEEP_ALIVE:-30");

  @Option(
      names = {"-m", "--mqtt"},
      paramLabel = "URL",
      description =
          "Broker URL: mqtt://, tcp://, mqtts:// (TLS) or ssl://, with a login if wanted as"
              + " mqtt://user:password@host, percent-encoded; or the brokers of a cluster,"
              + " comma-separated, tried in turn, all alike in TLS and login"
              + " (env ${bundle:mqtt.env}_MQTT, default ${bundle:mqtt.url}).")
  String url;

  @Option(names = "--username", description = "MQTT user name (env ${bundle:mqtt.env}_USERNAME).")
  String username;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description =
          "The MQTT password is the first line of FILE (env ${bundle:mqtt.env}_PASSWORD_FILE);"
              + " or set ${bundle:mqtt.env}_PASSWORD, or write it in the URL. Never an option:"
              + " a command line shows in ps.")
  Path passwordFile;

  @Option(
      names = "--ca-file",
      paramLabel = "FILE",
      description =
          "With mqtts://: the CA certificates (PEM) the broker's certificate must be signed by"
              + " (env ${bundle:mqtt.env}_CA_FILE, default: the JVM's trust store).")
  Path caFile;

  @Option(
      names = "--cert-file",
      paramLabel = "FILE",
      description =
          "With mqtts://: the client certificate (PEM) for a broker that asks for one, with"
              + " --key-file (env ${bundle:mqtt.env}_CERT_FILE).")
  Path certFile;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description =
          "The private key of --cert-file: PEM, unencrypted, PKCS#8 (BEGIN PRIVATE KEY) or RSA"
              + " (BEGIN RSA PRIVATE KEY) (env ${bundle:mqtt.env}_KEY_FILE).")
  Path keyFile;

  @Option(
      names = "--insecure",
      description =
          "With mqtts://: accept a broker certificate that does not name the broker's host,"
              + " as long as the CA signed it; logs a warning (env ${bundle:mqtt.env}_INSECURE).")
  boolean insecure;

  @Option(
      names = "--mqtt-version",
      converter = MqttVersionConverter.class,
      description =
          "MQTT protocol: 5, 3 (3.1.1) or auto, 5 when the broker offers it"
              + " (env ${bundle:mqtt.env}_MQTT_VERSION, default ${DEFAULT-VALUE}).")
  MqttVersion version;

  @Option(
      names = "--client-id",
      description =
          "MQTT client id (env ${bundle:mqtt.env}_CLIENT_ID, default: ${bundle:mqtt.client-id}).")
  String clientId;

  @Option(
      names = "--keep-alive",
      paramLabel = "SECONDS",
      description =
          "How often an idle MQTT connection is checked; the broker takes a client as gone after"
              + " 1.5 times this without a word, and publishes its last will"
              + " (env ${bundle:mqtt.env}_KEEP_ALIVE, default ${DEFAULT-VALUE}).")
  int keepAliveSeconds;

  /** Taken only to refuse it without printing the password, as an unknown option would. */
  @Option(names = "--password", hidden = true, paramLabel = "PASSWORD")
  String passwordOption;

  private final String prefix;
  private final String clientIdDefault;
  private final String urlDefault;
  private final UnaryOperator<String> environment;

  /**
   * Options reading the variables of {@code prefix}, such as {@code BRIDGE}.
   *
   * @param clientIdDefault how the service picks a client id when none is given, for the help
   */
  public MqttOptions(String prefix, String clientIdDefault) {
    this(prefix, clientIdDefault, DEFAULT_URL, System::getenv);
  }

  MqttOptions(
      String prefix, String clientIdDefault, String urlDefault, UnaryOperator<String> environment) {
    this.prefix = prefix;
    this.clientIdDefault = clientIdDefault;
    this.urlDefault = urlDefault;
    this.environment = environment;
  }

  /**
   * Options of a service for which MQTT is optional: {@code --mqtt} has no default, and {@link
   * #given()} says whether a broker was named.
   */
  public static MqttOptions optional(String prefix, String clientIdDefault) {
    return new MqttOptions(prefix, clientIdDefault, null, System::getenv);
  }

  /** Whether a broker URL was given, or has a default. */
  public boolean given() {
    return url != null;
  }

  /** The variable the password is read from when neither the URL nor a file holds it. */
  public String passwordVariable() {
    return prefix + "_PASSWORD";
  }

  /**
   * The settings the options describe, to which the service adds its own.
   *
   * @param defaultClientId the client id when {@code --client-id} is not given
   * @throws IllegalArgumentException naming the option and the problem: a malformed URL (its
   *     password masked), URLs of a list that differ in TLS or login, {@code --password}, a
   *     password given twice or without a user name, a password file that cannot be read or is
   *     empty, TLS options with a URL without TLS, or a certificate or key file that cannot be used
   * @throws IllegalStateException if no broker URL was given to {@link #optional} options
   */
  public MqttSettings.Builder settings(String defaultClientId) {
    if (url == null) {
      throw new IllegalStateException("no --mqtt given");
    }
    if (passwordOption != null) {
      throw new IllegalArgumentException(
          "--password is not taken, since a command line shows in ps: put the password in a file"
              + " for --password-file, or in "
              + passwordVariable());
    }
    List<MqttUrl> servers = MqttUrl.parseList(url);
    MqttUrl parsed = servers.get(0);
    MqttTls tls = TlsFiles.tls(parsed, caFile, certFile, keyFile, insecure);
    String user = username(parsed);
    String password = password(parsed);
    if (password != null && user == null) {
      throw new IllegalArgumentException(
          "a password needs a user name: give --username, or write it in the URL");
    }
    return MqttSettings.builder(
            servers.stream().map(MqttUrl::withoutLogin).toList(),
            clientId != null ? clientId : defaultClientId)
        .tls(tls)
        .login(user, password)
        .version(version)
        .keepAliveSeconds(keepAliveSeconds);
  }

  /**
   * Installs, on the command that mixes these options in, the variables they read and the names
   * their help shows; called by picocli.
   */
  @Spec(Spec.Target.MIXEE)
  void mixInto(CommandSpec command) {
    IDefaultValueProvider previous = command.defaultValueProvider();
    command.defaultValueProvider(
        argument -> {
          String variable = variableOf(argument);
          if (variable == null) {
            return previous != null ? previous.defaultValue(argument) : null;
          }
          if (Boolean.FALSE.equals(argument.command().interpolateVariables())) {
            return "${env:" + prefix + variable + "}"; // what the option reads, as annotations say
          }
          // resolved here: picocli leaves a provider's variables unresolved for a flag given
          int fallback = variable.indexOf(":-");
          String name = prefix + (fallback < 0 ? variable : variable.substring(0, fallback));
          String value = environment.apply(name);
          return value != null || fallback < 0 ? value : variable.substring(fallback + 2);
        });
    command.resourceBundle(
        new HelpNames(
            Map.of(
                "mqtt.env",
                prefix,
                "mqtt.client-id",
                clientIdDefault,
                "mqtt.url",
                urlDefault != null ? urlDefault : "none: no MQTT"),
            command.resourceBundle()));
  }

  private String variableOf(ArgSpec argument) {
    if (!(argument instanceof OptionSpec option)) {
      return null;
    }
    String variable = VARIABLES.get(option.longestName());
    return variable != null && option.longestName().equals("--mqtt") && urlDefault != null
        ? variable + ":-" + urlDefault
        : variable;
  }

  private String username(MqttUrl parsed) {
    if (username != null && parsed.username() != null && !username.equals(parsed.username())) {
      throw new IllegalArgumentException(
          "--username and the user name in the URL differ: give the user name once");
    }
    return username != null ? username : parsed.username();
  }

  private String password(MqttUrl parsed) {
    String fromEnvironment = environment.apply(passwordVariable());
    if (fromEnvironment != null && fromEnvironment.isEmpty()) {
      fromEnvironment = null; // set to nothing, as compose does for a variable the host lacks
    }
    List<String> sources = new ArrayList<>();
    addIf(sources, parsed.password() != null, "the URL");
    addIf(sources, passwordFile != null, "--password-file");
    addIf(sources, fromEnvironment != null, passwordVariable());
    if (sources.size() > 1) {
      throw new IllegalArgumentException(
          "the password is given in " + String.join(" and in ", sources) + ": give it once");
    }
    if (passwordFile != null) {
      return PasswordFile.read(passwordFile);
    }
    return parsed.password() != null ? parsed.password() : fromEnvironment;
  }

  static void addIf(List<String> list, boolean condition, String item) {
    if (condition) {
      list.add(item);
    }
  }
}
