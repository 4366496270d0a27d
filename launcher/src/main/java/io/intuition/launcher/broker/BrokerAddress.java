package io.intuition.launcher.broker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the broker listens, from {@code mqtt://host[:port]} or {@code tcp://host[:port]}.
 *
 * @param host a host name or address
 * @param port 1 to 65535, 1883 when the URL names none
 */
public record BrokerAddress(String host, int port) {
  private static final Pattern URL =
      Pattern.compile("(mqtt|tcp)://([A-Za-z0-9._-]+)(?::([0-9]{1,5}))?/?");
  private static final Pattern LOOPBACK = Pattern.compile("localhost|127\\.[0-9.]+");

  /** Checks the port. */
  public BrokerAddress {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "the port in --mqtt must be between 1 and 65535, but was " + port);
    }
  }

  /**
   * Reads {@code url}.
   *
   * @throws IllegalArgumentException if it is not {@code mqtt://host[:port]} or {@code
   *     tcp://host[:port]}, or its port is out of range
   */
  public static BrokerAddress parse(String url) {
    Matcher matcher = URL.matcher(url);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "--mqtt must be mqtt://host[:port] or tcp://host[:port], but was '" + url + "'");
    }
    String port = matcher.group(3);
    return new BrokerAddress(matcher.group(2), port == null ? 1883 : Integer.parseInt(port));
  }

  /** Whether the host is this machine, where a broker may be started. */
  public boolean isLocal() {
    return LOOPBACK.matcher(host).matches();
  }

  /** The address to listen on: {@code 127.0.0.1} for {@code localhost}, else the host. */
  public String listenHost() {
    return host.equals("localhost") ? "127.0.0.1" : host;
  }

  /** {@code mqtt://host:port}. */
  public String url() {
    return "mqtt://" + host + ":" + port;
  }
}
