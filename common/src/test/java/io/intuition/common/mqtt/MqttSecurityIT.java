package io.intuition.common.mqtt;

import static io.intuition.common.testing.Publishes.confirmed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.intuition.common.cli.Lifecycle;
import io.intuition.common.testing.Closer;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.SecureMosquitto;
import io.intuition.common.testing.TestPki;
import io.intuition.common.testing.TestPki.Issued;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared MQTT connection against a real Mosquitto with a TLS listener, a password file and an
 * ACL, and certificates of a throwaway CA made by the test.
 */
class MqttSecurityIT {
  private static final Duration SOON = Duration.ofSeconds(20);

  @TempDir static Path dir;
  private static SecureMosquitto secure;
  private static TestPki pki;
  private static TestPki otherPki;

  private final Closer closer = new Closer();
  private final Lifecycle lifecycle = new Lifecycle(Duration.ofSeconds(1));

  @BeforeAll
  static void makeCertificates() {
    secure = SecureMosquitto.create(dir);
    pki = secure.pki();
    otherPki = TestPki.create(dir, "other");
  }

  @AfterEach
  void closeAll() throws Exception {
    closer.closeAll();
  }

  @ParameterizedTest
  @EnumSource(
      value = MqttVersion.class,
      names = {"V5", "V3"})
  void tls_withTheCaFile_connectsPublishesAndReceives(MqttVersion version) throws Exception {
    MosquittoBroker broker = closer.keep(secure.startTls(false));
    MqttTls tls = MqttTls.fromPem(pki.caFile(), null, null, true);
    List<String> received = new CopyOnWriteArrayList<>();
    MqttConnection reader =
        connect(
            login(tlsUrl(broker, "localhost"), "reader", tls, version),
            message -> received.add(new String(message.payload(), StandardCharsets.UTF_8)));
    reader.subscribe(List.of("quotes"));
    await().atMost(SOON).until(() -> broker.log().contains(" 1 quotes"));
    MqttConnection feed = connect(login(tlsUrl(broker, "127.0.0.1"), "feed", tls, version));

    assertThat(confirmed(feed, "quotes", "quote")).succeedsWithin(SOON);

    await().atMost(SOON).until(() -> received.contains("quote"));
    assertThat(reader.version()).isEqualTo(version);
  }

  @Test
  void tls_serverCertificateOfAnotherCa_isRefusedAsNotTrusted() {
    MosquittoBroker broker = closer.keep(secure.startTls(false));
    MqttTls tls = MqttTls.fromPem(otherPki.caFile(), null, null, true);

    assertThatThrownBy(() -> connectOnce(login(tlsUrl(broker, "127.0.0.1"), "feed", tls)))
        .isInstanceOf(BrokerRefusedException.class)
        .hasMessageStartingWith("TLS to broker mqtts://127.0.0.1:" + broker.port() + " failed")
        .hasMessageContaining("the broker's certificate is not trusted");
  }

  @Test
  void tls_withoutCaFile_trustsOnlyTheJvmTrustStore() {
    MosquittoBroker broker = closer.keep(secure.startTls(false));
    MqttSettings settings = login(tlsUrl(broker, "127.0.0.1"), "feed", MqttTls.jvmDefault());

    assertThatThrownBy(() -> connectOnce(settings))
        .isInstanceOf(BrokerRefusedException.class)
        .hasMessageContaining("the broker's certificate is not trusted");
  }

  @Test
  void tls_serverCertificateForAnotherHost_isRefusedNamingTheHost() {
    MosquittoBroker broker = closer.keep(secure.startTls(elsewhere(), false));
    MqttTls tls = MqttTls.fromPem(pki.caFile(), null, null, true);

    assertThatThrownBy(() -> connectOnce(login(tlsUrl(broker, "127.0.0.1"), "feed", tls)))
        .isInstanceOf(BrokerRefusedException.class)
        .hasMessageContaining("the broker's certificate is not for this host")
        .hasMessageContaining("127.0.0.1");
  }

  @Test
  void tls_serverCertificateForAnotherHost_isTakenWithoutHostNameVerification() throws Exception {
    MosquittoBroker broker = closer.keep(secure.startTls(elsewhere(), false));
    MqttTls insecure = MqttTls.fromPem(pki.caFile(), null, null, false);

    MqttConnection feed = connect(login(tlsUrl(broker, "127.0.0.1"), "feed", insecure));

    assertThat(confirmed(feed, "quotes", "quote")).succeedsWithin(SOON);
  }

  @ParameterizedTest
  @EnumSource(TestPki.KeyType.class)
  void clientCertificate_ofTheBrokersCa_isTakenWhereRequired(TestPki.KeyType keyType)
      throws Exception {
    MosquittoBroker broker = closer.keep(secure.startTls(true));
    Issued client = pki.client("feed-" + keyType, keyType);
    MqttTls tls = MqttTls.fromPem(pki.caFile(), client.cert(), client.key(), true);

    MqttConnection feed = connect(login(tlsUrl(broker, "localhost"), "feed", tls));

    assertThat(confirmed(feed, "quotes", "quote")).succeedsWithin(SOON);
  }

  @Test
  void clientCertificate_ofAnotherCa_isRefusedByTheBroker() {
    MosquittoBroker broker = closer.keep(secure.startTls(true));
    Issued rogue = otherPki.client("rogue");
    MqttTls tls = MqttTls.fromPem(pki.caFile(), rogue.cert(), rogue.key(), true);

    assertThatThrownBy(() -> connectOnce(login(tlsUrl(broker, "localhost"), "feed", tls)))
        .isInstanceOf(BrokerRefusedException.class)
        .hasMessageContaining("the broker ended the TLS handshake")
        .hasMessageContaining("unknown_ca");
  }

  @Test
  void clientCertificate_missingWhereRequired_isRefused() {
    MosquittoBroker broker = closer.keep(secure.startTls(true));
    MqttTls tls = MqttTls.fromPem(pki.caFile(), null, null, true);

    assertThatThrownBy(() -> connectOnce(login(tlsUrl(broker, "localhost"), "feed", tls)))
        .isInstanceOf(BrokerRefusedException.class)
        .hasMessageContaining("the broker ended the TLS handshake")
        .hasMessageContaining("certificate_required");
  }

  @Test
  void clientKey_notOfTheCertificate_isRefusedNamingBothFiles() {
    Issued client = pki.client("mismatched");
    Issued other = pki.client("other");

    assertThatThrownBy(() -> MqttTls.fromPem(pki.caFile(), client.cert(), other.key(), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "key file "
                + other.key()
                + " holds not the private key of certificate file "
                + client.cert());
  }

  @ParameterizedTest(name = "MQTT {0}: reason code {1}")
  @CsvSource({"V5, 135", "V3, 5"})
  void login_withoutCredentials_isRefusedWithItsReasonCodeAtTheFirstAttempt(
      MqttVersion version, int reasonCode) {
    MosquittoBroker broker = closer.keep(secure.startPlain());
    MqttSettings anonymous =
        MqttSettings.builder(MqttUrl.parse(broker.mqttUrl()), id()).version(version).build();

    assertThatThrownBy(() -> connectOnce(anonymous))
        .isInstanceOf(BrokerRefusedException.class)
        .hasMessageContaining("refused the connection: Not authorized")
        .hasMessageContaining("(reason code " + reasonCode + ", no user name given)");
    assertThat(broker.log().lines().filter(line -> line.contains("not authorised"))).hasSize(1);
  }

  @Test
  void login_wrongPassword_isRefusedNamingTheUserAndNeverThePassword() {
    MosquittoBroker broker = closer.keep(secure.startPlain());
    MqttSettings wrong =
        MqttSettings.builder(MqttUrl.parse(broker.mqttUrl()), id())
            .login("feed", "not-the-Pa55word")
            .build();

    assertThatThrownBy(() -> connectOnce(wrong))
        .isInstanceOf(BrokerRefusedException.class)
        .hasMessageContaining("(reason code 135, user \"feed\")")
        .message()
        .doesNotContain("Pa55word");
    assertThat(wrong.toString()).doesNotContain("Pa55word");
  }

  @Test
  void login_inTheUrl_isUsedAndNeverShown() throws Exception {
    MosquittoBroker broker = closer.keep(secure.startPlain());
    String password = SecureMosquitto.PASSWORDS.get("feed");
    MqttUrl url = MqttUrl.parse("mqtt://feed:" + password + "@127.0.0.1:" + broker.port());

    MqttConnection feed = connect(MqttSettings.builder(url, id()).build());

    assertThat(confirmed(feed, "quotes", "quote")).succeedsWithin(SOON);
    assertThat(url).hasToString("mqtt://feed:****@127.0.0.1:" + broker.port());
  }

  @Test
  void publish_outsideTheAclOverMqtt5_failsAsNotAuthorized() throws Exception {
    MosquittoBroker broker = closer.keep(secure.startPlain());
    MqttConnection feed =
        connect(login(MqttUrl.parse(broker.mqttUrl()), "feed", MqttTls.jvmDefault()));

    assertThat(confirmed(feed, "orders", "order"))
        .failsWithin(SOON)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(PublishRefusedException.class)
        .withMessage("the broker refused the publish to orders: not authorized (reason code 135)");
    // mosquitto 2.0.11 with max_queued_messages 0 also drops the connection after that answer:
    // a publish made as it goes fails as lost, and is sent again, as any sender of QoS 1 does
    await("a permitted publish confirmed")
        .atMost(SOON)
        .untilAsserted(() -> assertThat(confirmed(feed, "quotes", "quote")).succeedsWithin(SOON));
  }

  @Test
  void publish_outsideTheAclOverMqtt311_isAcknowledgedButNeverDelivered() throws Exception {
    MosquittoBroker broker = closer.keep(secure.startPlain());
    MqttUrl url = MqttUrl.parse(broker.mqttUrl());
    List<String> received = new CopyOnWriteArrayList<>();
    MqttConnection reader =
        connect(
            login(url, "reader", MqttTls.jvmDefault(), MqttVersion.V3),
            message -> received.add(message.topic()));
    reader.subscribe(List.of("#"));
    await().atMost(SOON).until(() -> broker.log().contains(" 1 #"));
    MqttConnection feed = connect(login(url, "feed", MqttTls.jvmDefault(), MqttVersion.V3));

    assertThat(confirmed(feed, "orders", "order")).succeedsWithin(SOON);
    assertThat(confirmed(feed, "quotes", "quote")).succeedsWithin(SOON);

    await().atMost(SOON).until(() -> received.contains("quotes"));
    assertThat(received).containsExactly("quotes");
  }

  /** A server certificate of the CA for a host the tests never connect to. */
  private static Issued elsewhere() {
    return pki.server("elsewhere-" + UUID.randomUUID(), "elsewhere.example");
  }

  private static MqttUrl tlsUrl(MosquittoBroker broker, String host) {
    return MqttUrl.parse("mqtts://" + host + ":" + broker.port());
  }

  private static MqttSettings login(MqttUrl url, String user, MqttTls tls) {
    return login(url, user, tls, MqttVersion.AUTO);
  }

  private static MqttSettings login(MqttUrl url, String user, MqttTls tls, MqttVersion version) {
    return MqttSettings.builder(url, id())
        .tls(tls)
        .login(user, SecureMosquitto.PASSWORDS.get(user))
        .version(version)
        .build();
  }

  private static String id() {
    return "c-" + UUID.randomUUID();
  }

  /** Connects, failing the test unless it ends within a moment: a refusal must not retry. */
  private boolean connectOnce(MqttSettings settings) {
    MqttConnection connection = closer.keep(MqttConnection.create(settings, message -> {}));
    return assertTimeoutPreemptively(SOON, () -> connection.connect(lifecycle));
  }

  private MqttConnection connect(MqttSettings settings) throws Exception {
    return connect(settings, message -> {});
  }

  private MqttConnection connect(MqttSettings settings, MqttHandler handler) throws Exception {
    MqttConnection connection = closer.keep(MqttConnection.create(settings, handler));
    assertThat(connection.connect(lifecycle)).isTrue();
    return connection;
  }
}
