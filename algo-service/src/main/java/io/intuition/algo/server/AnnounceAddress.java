package io.intuition.algo.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The RPC address the algo announces: {@code --announce-addr HOST[:PORT]} when given (the bound
 * port when it names none); else, for a wildcard bind such as {@code tcp://*:4242} or {@code
 * tcp://0.0.0.0:4242}, the host name and the bound port, since nobody can connect to a wildcard;
 * else the bound address itself. A picocli mixin.
 */
final class AnnounceAddress {
  private static final Set<String> WILDCARDS = Set.of("*", "0.0.0.0", "::", "[::]", "");

  @Option(
      names = "--announce-addr",
      defaultValue = "${env:ALGO_ANNOUNCE_ADDR}",
      paramLabel = "HOST[:PORT]",
      description =
          "With --mqtt: where clients reach the RPC server, as announced (env ALGO_ANNOUNCE_ADDR,"
              + " default: the host name and the bound port when --addr binds a wildcard such as"
              + " tcp://*:4242 or tcp://0.0.0.0:4242, else --addr itself).")
  String given;

  /**
   * Checks {@code --announce-addr} before anything is bound.
   *
   * @throws IllegalArgumentException naming the option and the value if it is not HOST[:PORT]
   */
  void check() {
    if (given != null) {
      of(given, "tcp://127.0.0.1:1");
    }
  }

  /**
   * The address to announce for a server bound to {@code bound}.
   *
   * @throws IllegalArgumentException naming the option and the value if it is not HOST[:PORT]
   */
  String of(String bound) {
    return of(given, bound);
  }

  /**
   * The address to announce for a server bound to {@code bound}, a ZeroMQ TCP endpoint.
   *
   * @param given {@code --announce-addr}, or null
   * @throws IllegalArgumentException naming the option and the value if it is not HOST[:PORT]
   */
  static String of(String given, String bound) {
    URI endpoint = URI.create(bound.replace("tcp://*:", "tcp://0.0.0.0:"));
    int boundPort = endpoint.getPort();
    if (given == null) {
      String host = endpoint.getHost();
      return WILDCARDS.contains(host == null ? "" : host)
          ? "tcp://" + hostName() + ":" + boundPort
          : bound;
    }
    String text = given.startsWith("tcp://") ? given.substring("tcp://".length()) : given;
    URI parsed;
    try {
      parsed = URI.create("tcp://" + text);
    } catch (IllegalArgumentException e) {
      throw invalid(given);
    }
    if (parsed.getHost() == null
        || parsed.getPath().length() > 0
        || parsed.getQuery() != null
        || parsed.getUserInfo() != null) {
      throw invalid(given);
    }
    int port = parsed.getPort() < 0 ? boundPort : parsed.getPort();
    return "tcp://" + parsed.getHost() + ":" + port;
  }

  private static IllegalArgumentException invalid(String given) {
    return new IllegalArgumentException(
        "--announce-addr must be HOST or HOST:PORT, such as algo-1.example:4242, but was \""
            + given
            + "\"");
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
