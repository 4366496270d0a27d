package io.intuition.common.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to reach the broker and what to ask of it; built with {@link #builder}.
 *
 * @param url the broker to connect to now, without a login: a login written in the URL becomes the
 *     settings' own
 * @param servers every broker to try in turn, {@code url} among them, without their login: the
 *     brokers of a cluster, for failover; just {@code url} when null or empty
 * @param tls with an {@code mqtts://} URL, what to trust and which certificate to show
 * @param clientId the client id; a stable one keeps a persistent session across restarts
 * @param username the user name, or null for none
 * @param password the password, or null for none; never printed
 * @param version the protocol: MQTT 5, 3.1.1, or 5 when the broker offers it
 * @param persistentSession whether the broker keeps the session, and what is not acknowledged,
 *     while the client is away
 * @param receiveMaximum with MQTT 5, how many unacknowledged messages the broker may send at once
 *     (1 to 65535)
 * @param maxInflight how many publishes may await the broker's confirmation at once; more wait in
 *     the connection, in order (1 to 65535)
 * @param maxPacketBytes with MQTT 5, the largest packet the broker may send; it drops larger
 *     messages for this client instead; 0 for no limit
 * @param keepAliveSeconds how often the connection is checked when idle
 * @param lastWill what the broker publishes when the connection ends without a clean disconnect, or
 *     null for nothing
 */
public record MqttSettings(
    MqttUrl url,
    List<MqttUrl> servers,
    MqttTls tls,
    String clientId,
    String username,
    String password,
    MqttVersion version,
    boolean persistentSession,
    int receiveMaximum,
    int maxInflight,
    long maxPacketBytes,
    int keepAliveSeconds,
    LastWill lastWill) {

  /**
   * Checks the fields, and takes the login of the URL unless given apart.
   *
   * @throws IllegalArgumentException naming the field and its value when one is out of range; when
   *     TLS settings come with a URL without TLS; when the URL's login and the one given apart
   *     differ; or when the servers differ from {@code url} in TLS or login, or lack it
   */
  public MqttSettings {
    Objects.requireNonNull(url, "url");
    servers = servers == null || servers.isEmpty() ? List.of(url) : List.copyOf(servers);
    if (!servers.stream().map(MqttUrl::withoutLogin).toList().contains(url.withoutLogin())) {
      throw new IllegalArgumentException("the broker " + url + " is not among " + servers);
    }
    List<MqttUrl> all = new ArrayList<>(List.of(url));
    all.addAll(servers);
    MqttUrl.requireAlike(all);
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(version, "version");
    if (!url.tls() && !tls.isJvmDefault()) {
      throw new IllegalArgumentException(
          "TLS settings need an mqtts:// or ssl:// URL, but the broker is " + url);
    }
    if (url.username() != null) {
      if (username != null && !username.equals(url.username())) {
        throw new IllegalArgumentException(
            "the URL logs in as another user than the one given apart: give the user name once");
      }
      if (password != null && url.password() != null && !password.equals(url.password())) {
        throw new IllegalArgumentException(
            "the URL holds another password than the one given apart: give the password once");
      }
      username = url.username();
      password = password != null ? password : url.password();
      url = url.withoutLogin();
    }
    servers = servers.stream().map(MqttUrl::withoutLogin).toList();
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("client id must not be empty");
    }
    requireRange("receive maximum", receiveMaximum, 1, 65_535);
    requireRange("max in flight", maxInflight, 1, 65_535);
    if (maxPacketBytes < 0) {
      throw new IllegalArgumentException(
          "max packet size must not be negative, but was " + maxPacketBytes);
    }
    requireRange("keep alive", keepAliveSeconds, 0, 65_535);
  }

  /** Settings for {@code url} as {@code clientId}, with the defaults of {@link Builder}. */
  public static Builder builder(MqttUrl url, String clientId) {
    return new Builder(List.of(url), clientId);
  }

  /**
   * Settings for the brokers {@code servers}, tried in turn from the first, as {@code clientId}.
   *
   * @throws IllegalArgumentException if {@code servers} is empty
   */
  public static Builder builder(List<MqttUrl> servers, String clientId) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("at least one broker URL is needed");
    }
    return new Builder(servers, clientId);
  }

  /**
   * These settings with the broker {@code servers().get(index)} to connect to.
   *
   * @throws IndexOutOfBoundsException if there is no such server
   */
  public MqttSettings onServer(int index) {
    return new MqttSettings(
        servers.get(index),
        servers,
        tls,
        clientId,
        username,
        password,
        version,
        persistentSession,
        receiveMaximum,
        maxInflight,
        maxPacketBytes,
        keepAliveSeconds,
        lastWill);
  }

  @Override
  public String toString() {
    return "MqttSettings[url="
        + url
        + (servers.size() > 1 ? ", servers=" + servers : "")
        + (url.tls() ? ", tls=" + tls : "")
        + ", clientId="
        + clientId
        + ", username="
        + username
        + ", version="
        + version
        + (lastWill != null ? ", lastWill=" + lastWill.topic() : "")
        + "]";
  }

  private static void requireRange(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be between " + min + " and " + max + ", but was " + value);
    }
  }

  /**
   * Builds settings. Defaults: the URL's login or none, {@link MqttTls#jvmDefault()}, {@link
   * MqttVersion#AUTO}, a clean session, receive maximum and in-flight limit 1000, no packet size
   * limit, keep-alive 30 s, no last will.
   */
  public static final class Builder {
    private final List<MqttUrl> servers;
    private final String clientId;
    private MqttTls tls = MqttTls.jvmDefault();
    private String username;
    private String password;
    private MqttVersion version = MqttVersion.AUTO;
    private boolean persistentSession;
    private int receiveMaximum = 1_000;
    private int maxInflight = 1_000;
    private long maxPacketBytes;
    private int keepAliveSeconds = 30;
    private LastWill lastWill;

    private Builder(List<MqttUrl> servers, String clientId) {
      this.servers = List.copyOf(servers);
      this.clientId = clientId;
    }

    /** With an {@code mqtts://} URL, trusts and shows what {@code tls} says. */
    public Builder tls(MqttTls tls) {
      this.tls = tls;
      return this;
    }

    /**
     * Logs in with these credentials; null for the URL's, if any. Parts the URL has too must be the
     * same.
     */
    public Builder login(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    /** Speaks this protocol version. */
    public Builder version(MqttVersion version) {
      this.version = version;
      return this;
    }

    /** Asks the broker to keep the session while the client is away. */
    public Builder persistentSession(boolean persistentSession) {
      this.persistentSession = persistentSession;
      return this;
    }

    /** With MQTT 5, lets the broker send at most this many unacknowledged messages at once. */
    public Builder receiveMaximum(int receiveMaximum) {
      this.receiveMaximum = receiveMaximum;
      return this;
    }

    /** Lets at most this many publishes await confirmation at once. */
    public Builder maxInflight(int maxInflight) {
      this.maxInflight = maxInflight;
      return this;
    }

    /** With MQTT 5, asks the broker to send no packet larger than this; 0 for no limit. */
    public Builder maxPacketBytes(long maxPacketBytes) {
      this.maxPacketBytes = maxPacketBytes;
      return this;
    }

    /** Checks an idle connection every this many seconds. */
    public Builder keepAliveSeconds(int keepAliveSeconds) {
      this.keepAliveSeconds = keepAliveSeconds;
      return this;
    }

    /** Leaves this will with the broker, for a connection that ends without a clean disconnect. */
    public Builder lastWill(LastWill lastWill) {
      this.lastWill = lastWill;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException if a value is out of range, TLS settings come with a URL
     *     without TLS, or the URL's login differs from the one given apart
     */
    public MqttSettings build() {
      return new MqttSettings(
          servers.get(0),
          servers,
          tls,
          clientId,
          username,
          password,
          version,
          persistentSession,
          receiveMaximum,
          maxInflight,
          maxPacketBytes,
          keepAliveSeconds,
          lastWill);
    }
  }
}
