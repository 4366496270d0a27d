package io.intuition.common.mqtt;

import io.intuition.common.log.Excerpt;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A broker address as users write it ({@code mqtt://}, {@code tcp://}, {@code mqtts://} or {@code
 * ssl://}, port optional, a login optional as in {@code mqtt://user:password@host}), and the form
 * Paho takes. The password is never shown: {@link #toString()} and every error message write it as
 * {@code ****}.
 *
 * @param tls whether the connection uses TLS
 * @param host the broker's host
 * @param port the broker's port: 1883 by default, 8883 with TLS
 * @param username the user name of the URL, percent-decoded, or null for none
 * @param password the password of the URL, percent-decoded, or null for none
 */
public record MqttUrl(boolean tls, String host, int port, String username, String password) {
  private static final String MASK = "****";

  /**
   * Checks the host, port and login.
   *
   * @throws IllegalArgumentException if the host is empty, the port out of range, or a password
   *     comes without a user name
   */
  public MqttUrl {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("MQTT host must not be empty");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("MQTT port must be in 1..65535, but was " + port);
    }
    if (password != null && username == null) {
      throw new IllegalArgumentException("an MQTT password needs a user name");
    }
  }

  /** An address without a login. */
  public MqttUrl(boolean tls, String host, int port) {
    this(tls, host, port, null, null);
  }

  /**
   * Parses a broker URL.
   *
   * @throws IllegalArgumentException naming the URL, its password masked, and what is wrong with it
   */
  public static MqttUrl parse(String url) {
    Objects.requireNonNull(url, "url");
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw invalid(url, e.getReason() + loginHint(url));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean tls =
        switch (scheme) {
          case "mqtt", "tcp" -> false;
          case "mqtts", "ssl" -> true;
          default -> throw invalid(url, "the scheme must be mqtt, tcp, mqtts or ssl");
        };
    if (uri.getHost() == null) {
      throw invalid(url, "no host" + loginHint(url));
    }
    if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
      throw invalid(url, "unexpected path " + Excerpt.of(uri.getPath()));
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(url, "unexpected query or fragment");
    }
    int port = uri.getPort() != -1 ? uri.getPort() : tls ? 8883 : 1883;
    if (port < 1 || port > 65_535) {
      throw invalid(url, "the port must be in 1..65535, but was " + port);
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null) {
      return new MqttUrl(tls, uri.getHost(), port);
    }
    int colon = userInfo.indexOf(':');
    String username = decode(url, colon < 0 ? userInfo : userInfo.substring(0, colon));
    String password = colon < 0 ? null : decode(url, userInfo.substring(colon + 1));
    if (username.isEmpty()) {
      throw invalid(url, "the user name before the @ is empty");
    }
    return new MqttUrl(tls, uri.getHost(), port, username, password);
  }

  /**
   * Parses a comma-separated list of broker URLs, the brokers of a cluster to try in turn, such as
   * {@code mqtt://a:1883,mqtt://b:1883}; a comma in a password is written {@code %2C}.
   *
   * @throws IllegalArgumentException if a URL does not parse, an entry is empty, or the URLs do not
   *     all use TLS or all not, or do not all carry the same login
   */
  public static List<MqttUrl> parseList(String urls) {
    Objects.requireNonNull(urls, "urls");
    List<MqttUrl> parsed = new ArrayList<>();
    for (String url : urls.split(",", -1)) {
      if (url.isBlank()) {
        throw new IllegalArgumentException(
            "invalid MQTT URL list \"" + Excerpt.of(masked(urls), 200) + "\": an entry is empty");
      }
      parsed.add(parse(url));
    }
    requireAlike(parsed);
    return List.copyOf(parsed);
  }

  /**
   * Checks that the brokers of one list can be reached alike: all with TLS or all without, and all
   * with the same login, since the connection moves between them with one set of settings.
   *
   * @throws IllegalArgumentException naming the first broker that differs from the first of all
   */
  public static void requireAlike(List<MqttUrl> urls) {
    MqttUrl first = urls.get(0);
    for (MqttUrl url : urls) {
      if (url.tls() != first.tls()) {
        throw new IllegalArgumentException(
            "all broker URLs must use TLS or all not, but " + first + " and " + url + " differ");
      }
      if (!Objects.equals(url.username(), first.username())
          || !Objects.equals(url.password(), first.password())) {
        throw new IllegalArgumentException(
            "all broker URLs must carry the same login, but " + first + " and " + url + " differ");
      }
    }
  }

  /** This address without its login. */
  public MqttUrl withoutLogin() {
    return new MqttUrl(tls, host, port);
  }

  /** The URI Paho connects to: {@code tcp://host:port} or {@code ssl://host:port}, no login. */
  public String pahoUri() {
    return (tls ? "ssl://" : "tcp://") + host + ":" + port;
  }

  /** The URL with its user name, if any, and the password as {@code ****}. */
  @Override
  public String toString() {
    String login =
        username == null ? "" : Excerpt.of(username) + (password == null ? "" : ":" + MASK) + "@";
    return (tls ? "mqtts://" : "mqtt://") + login + host + ":" + port;
  }

  /**
   * {@code url} as written, but with whatever stands between the first colon of its user info and
   * the last {@code @} as {@code ****}: also for a URL that does not parse, whose password may hold
   * characters that should have been percent-encoded.
   */
  static String masked(String url) {
    int scheme = url.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    int at = url.lastIndexOf('@');
    if (at < start) {
      return url;
    }
    int colon = url.indexOf(':', start);
    if (colon < 0 || colon > at) {
      return url;
    }
    return url.substring(0, colon + 1) + MASK + url.substring(at);
  }

  /** Percent-decodes one part of the user info as UTF-8. */
  private static String decode(String url, String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      int value = i + 2 < raw.length() ? hex(raw.charAt(i + 1), raw.charAt(i + 2)) : -1;
      if (value < 0) {
        throw invalid(url, "a % in the login must be followed by two hex digits");
      }
      bytes.write(value);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid(url, "the login is not percent-encoded UTF-8");
    }
  }

  private static int hex(char high, char low) {
    int h = Character.digit(high, 16);
    int l = Character.digit(low, 16);
    return h < 0 || l < 0 ? -1 : h * 16 + l;
  }

  /** For a URL with a login that does not parse: how to write the characters that break it. */
  private static String loginHint(String url) {
    return masked(url).equals(url)
        ? ""
        : " (in a user name or password, write @ : / ? # % as %40 %3A %2F %3F %23 %25)";
  }

  private static IllegalArgumentException invalid(String url, String reason) {
    return new IllegalArgumentException(
        "invalid MQTT URL \"" + Excerpt.of(masked(url), 200) + "\": " + reason);
  }
}
