package io.intuition.common.cli;

import io.intuition.common.ops.Health;
import io.intuition.common.ops.OpsServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of a service's operations endpoint ({@link OpsServer}: {@code /metrics} and {@code
 * /health}), as a picocli mixin. Off unless {@code --http-port} or {@code <PREFIX>_HTTP_PORT} is
 * given; it listens on the loopback interface unless {@code --http-addr} says otherwise, since the
 * endpoint has no login. {@link #advertised} is where others reach it, for the service's
 * announcement: {@code --http-advertise}, else the address listened on, else (for a wildcard) the
 * host name.
 */
public final class HttpOptions {
  /** The address listened on by default: the loopback interface, so nothing leaks by accident. */
  public static final String DEFAULT_ADDR = "127.0.0.1";

  private static final Map<String, String> VARIABLES =
      Map.of(
          "--http-port",
          "_HTTP_PORT",
          "--http-addr",
          "_HTTP_ADDR:-" + DEFAULT_ADDR,
          "--http-advertise",
          "_HTTP_ADVERTISE");

  private static final Set<String> WILDCARDS =
      Set.of("", "0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0", "*");

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description =
          "Serves GET /metrics (Prometheus text) and GET /health on PORT; 0 takes any free port"
              + " and logs it as 'http listening on HOST:PORT' (env ${bundle:http.env}_HTTP_PORT,"
              + " default: off).")
  Integer port;

  @Option(
      names = "--http-addr",
      paramLabel = "HOST",
      description =
          "The interface --http-port listens on; 0.0.0.0 for every one"
              + " (env ${bundle:http.env}_HTTP_ADDR, default ${DEFAULT-VALUE}).")
  String addr;

  @Option(
      names = "--http-advertise",
      paramLabel = "HOST",
      description =
          "The host others reach --http-port at, announced as http://HOST:PORT with the bound port"
              + " (env ${bundle:http.env}_HTTP_ADVERTISE, default: --http-addr, or this machine's"
              + " host name when that is a wildcard such as 0.0.0.0).")
  String advertise;

  private final String prefix;
  private final UnaryOperator<String> environment;

  /** Options reading the variables of {@code prefix}, such as {@code BRIDGE_HTTP_PORT}. */
  public HttpOptions(String prefix) {
    this(prefix, System::getenv);
  }

  HttpOptions(String prefix, UnaryOperator<String> environment) {
    this.prefix = prefix;
    this.environment = environment;
  }

  /** Whether a port was given: the endpoint is on. */
  public boolean given() {
    return port != null;
  }

  /**
   * Checks the options before the service starts.
   *
   * @throws IllegalArgumentException if the port is outside 0 to 65535, naming the option
   */
  public void check() {
    if (port != null && (port < 0 || port > 65_535)) {
      throw new IllegalArgumentException("--http-port must be 0 to 65535, but was " + port);
    }
    if (advertise != null && !advertise.matches("[\\w.\\-:\\[\\]%]+")) {
      throw new IllegalArgumentException(
          "--http-advertise must be a host name or address, such as feed-1 or 10.0.0.5, but was \""
              + advertise
              + "\"");
    }
  }

  /**
   * Binds the endpoint when a port was given, without answering yet ({@link OpsServer#serve}), so
   * that the service can announce {@link #advertised} before its meters exist; else does nothing.
   *
   * @return the bound server, to serve and to close when the service stops; null when off
   * @throws java.io.UncheckedIOException if the address cannot be bound
   */
  public OpsServer bind() {
    check();
    return port == null ? null : OpsServer.bind(new InetSocketAddress(addr, port));
  }

  /**
   * Where others reach {@code ops}: {@code http://HOST:PORT} with the port bound, HOST as the class
   * says; null when {@code ops} is null (the endpoint is off).
   */
  public String advertised(OpsServer ops) {
    return ops == null
        ? null
        : advertised(advertise, addr, ops.address().getPort(), HttpOptions::hostName);
  }

  /**
   * The base URL of an endpoint listening on {@code addr} at {@code port}: at {@code advertise}
   * when given, else at {@code addr} unless it is a wildcard, else at {@code hostName}.
   */
  static String advertised(String advertise, String addr, int port, Supplier<String> hostName) {
    String host = advertise;
    if (host == null) {
      host = addr == null || WILDCARDS.contains(addr) ? hostName.get() : addr;
    }
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port;
  }

  /**
   * Starts the endpoint when a port was given, else does nothing.
   *
   * @return the running server, to close when the service stops; null when off (a null resource is
   *     skipped by try-with-resources)
   * @throws java.io.UncheckedIOException if the address cannot be bound
   */
  public OpsServer start(PrometheusMeterRegistry registry, Health health) {
    OpsServer ops = bind();
    return ops == null ? null : ops.serve(registry, health);
  }

  /** Installs the variables these options read and the names their help shows; by picocli. */
  @Spec(Spec.Target.MIXEE)
  void mixInto(CommandSpec command) {
    IDefaultValueProvider previous = command.defaultValueProvider();
    command.defaultValueProvider(
        argument -> {
          String variable = variableOf(argument);
          if (variable == null) {
            return previous != null ? previous.defaultValue(argument) : null;
          }
          int fallback = variable.indexOf(":-");
          String name = prefix + (fallback < 0 ? variable : variable.substring(0, fallback));
          if (Boolean.FALSE.equals(argument.command().interpolateVariables())) {
            return "${env:" + name + "}";
          }
          String value = environment.apply(name);
          return value != null || fallback < 0 ? value : variable.substring(fallback + 2);
        });
    command.resourceBundle(new HelpNames(Map.of("http.env", prefix), command.resourceBundle()));
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static String variableOf(ArgSpec argument) {
    return argument instanceof OptionSpec option ? VARIABLES.get(option.longestName()) : null;
  }
}
