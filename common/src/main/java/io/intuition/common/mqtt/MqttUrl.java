package io.intuition.common.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A broker address as users write it ({@code mqtt://}, {@code tcp://}, {@code mqtts://} or {@code
 * ssl://}, port optional), and the form Paho takes.
 *
 * @param tls whether the connection uses TLS
 * @param host the broker's host
 * @param port the broker's port: 1883 by default, 8883 with TLS
 */
public record MqttUrl(boolean tls, String host, int port) {

  /** Checks the host and port. */
  public MqttUrl {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("MQTT host must not be empty");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("MQTT port must be in 1..65535, but was " + port);
    }
  }

  /**
   * Parses a broker URL.
   *
   * @throws IllegalArgumentException naming the URL and what is wrong with it
   */
  public static MqttUrl parse(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw invalid(url, e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean tls =
        switch (scheme) {
          case "mqtt", "tcp" -> false;
          case "mqtts", "ssl" -> true;
          default -> throw invalid(url, "the scheme must be mqtt, tcp, mqtts or ssl");
        };
    if (uri.getHost() == null) {
      throw invalid(url, "no host");
    }
    if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
      throw invalid(url, "unexpected path " + uri.getPath());
    }
    int port = uri.getPort() != -1 ? uri.getPort() : tls ? 8883 : 1883;
    if (port < 1 || port > 65_535) {
      throw invalid(url, "the port must be in 1..65535, but was " + port);
    }
    return new MqttUrl(tls, uri.getHost(), port);
  }

  /** The URI Paho connects to: {@code tcp://host:port} or {@code ssl://host:port}. */
  public String pahoUri() {
    return (tls ? "ssl://" : "tcp://") + host + ":" + port;
  }

  @Override
  public String toString() {
    return (tls ? "mqtts://" : "mqtt://") + host + ":" + port;
  }

  private static IllegalArgumentException invalid(String url, String reason) {
    return new IllegalArgumentException("invalid MQTT URL \"" + url + "\": " + reason);
  }
}
