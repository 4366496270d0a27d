package io.intuition.common.testing;

import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.mqtt.MqttTls;
import io.intuition.common.mqtt.MqttUrl;
import io.intuition.common.testing.TestPki.Issued;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test brokers that are secured as {@code mosquitto/secure.conf} secures the real one: logins from
 * a password file made with {@code mosquitto_passwd}, and the users of {@code mosquitto/acl}, each
 * allowed what it allows; plus a user {@code reader} who may read every topic, and, when asked for,
 * TLS on the listener with a certificate of a throwaway CA. Make one per test class; each broker it
 * starts has files of its own.
 */
public final class SecureMosquitto {
  /** The users and their passwords: distinctive, so that any output holding one shows. */
  public static final Map<String, String> PASSWORDS =
      Map.of(
          "bridge", "Zq8-bridge-P4ssw0rd",
          "feed", "Zq8-feed-P4ssw0rd",
          "reader", "Zq8-reader-P4ssw0rd");

  private static final String ACL =
      """
      user bridge
      topic read quotes
      topic write orders
      topic write quotes/rejected

      user feed
      topic write quotes

      user reader
      topic read #
      """;

  private final Path directory;
  private final TestPki pki;
  private final Issued server;
  private final Issued client;

  private SecureMosquitto(Path directory) {
    this.directory = directory;
    this.pki = TestPki.create(directory, "broker");
    this.server = pki.server("server", "localhost", "127.0.0.1");
    this.client = pki.client("client");
  }

  /**
   * Makes the CA, a server certificate for {@code localhost} and {@code 127.0.0.1} and a client
   * certificate, in {@code directory}.
   */
  public static SecureMosquitto create(Path directory) {
    return new SecureMosquitto(directory);
  }

  /** The CA that signs the brokers' certificates and the client certificates they take. */
  public TestPki pki() {
    return pki;
  }

  /** A client certificate of the CA, its key EC in PKCS#8. */
  public Issued clientCertificate() {
    return client;
  }

  /** A broker with the logins and the ACL, its listener without TLS. */
  public MosquittoBroker startPlain() {
    return start(List.of());
  }

  /**
   * A broker with the logins and the ACL whose listener speaks only TLS, with a certificate for
   * {@code localhost} and {@code 127.0.0.1}; with {@code requireCertificate}, it refuses a client
   * without a certificate of the CA.
   */
  public MosquittoBroker startTls(boolean requireCertificate) {
    return startTls(server, requireCertificate);
  }

  /** The same with the server certificate {@code certificate}, such as one for another host. */
  public MosquittoBroker startTls(Issued certificate, boolean requireCertificate) {
    return start(
        List.of(
            "cafile " + pki.caFile(),
            "certfile " + certificate.cert(),
            "keyfile " + certificate.key(),
            "require_certificate " + requireCertificate));
  }

  /**
   * Settings that log {@code user} in to {@code broker} at {@code mqtts://localhost}, trusting the
   * CA and showing the client certificate.
   */
  public MqttSettings.Builder login(MosquittoBroker broker, String user) {
    return MqttSettings.builder(
            MqttUrl.parse("mqtts://localhost:" + broker.port()), user + "-" + UUID.randomUUID())
        .tls(MqttTls.fromPem(pki.caFile(), client.cert(), client.key(), true))
        .login(user, PASSWORDS.get(user));
  }

  private MosquittoBroker start(List<String> tls) {
    Path files = directory.resolve(UUID.randomUUID().toString());
    List<String> config = new ArrayList<>(tls);
    config.addAll(logins(files));
    return MosquittoBroker.start(MosquittoOptions.defaults().withExtraConfig(config));
  }

  private static List<String> logins(Path files) {
    try {
      Files.createDirectories(files);
      Path acl = Files.writeString(files.resolve("acl"), ACL, StandardCharsets.UTF_8);
      Path passwords = files.resolve("passwords");
      PASSWORDS.forEach(
          (user, password) -> {
            List<String> command = new ArrayList<>(List.of("mosquitto_passwd", "-b"));
            if (!Files.exists(passwords)) {
              command.add("-c");
            }
            command.addAll(List.of(passwords.toString(), user, password));
            MosquittoClients.run(command, List.of());
          });
      return List.of("allow_anonymous false", "password_file " + passwords, "acl_file " + acl);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the logins to " + files, e);
    }
  }
}
