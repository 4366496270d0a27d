package io.intuition.feed.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.Closer;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.SecureMosquitto;
import io.intuition.common.testing.TestPki;
import io.intuition.common.testing.TestPki.Issued;
import io.intuition.common.testing.TopicRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed-service jar as a real process against a real Mosquitto with a TLS listener, a password
 * file and an ACL, with certificates of a throwaway CA: what it takes to log in, and how a refusal
 * ends it.
 */
class FeedSecurityIT {
  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);

  /** A refusal ends the feed at once: it never waits for a retry. */
  private static final Duration REFUSED_WITHIN = Duration.ofSeconds(15);

  private static final String PASSWORD = SecureMosquitto.PASSWORDS.get("feed");

  @TempDir static Path dir;
  private static SecureMosquitto secure;
  private static Path passwordFile;

  private final Closer closer = new Closer();

  @BeforeAll
  static void makeCertificatesAndPasswordFile() throws IOException {
    secure = SecureMosquitto.create(dir);
    passwordFile = Files.writeString(dir.resolve("feed-password"), PASSWORD + "\n");
  }

  @AfterEach
  void closeAll() throws Exception {
    closer.closeAll();
  }

  @Test
  void tlsWithClientCertificateAndPasswordFile_deliversTheQuotes() throws Exception {
    MosquittoBroker broker = closer.keep(secure.startTls(true));
    TopicRecorder reader = reader(broker);
    Issued client = secure.clientCertificate();

    ManagedProcess feed =
        tlsFeed(
            broker,
            "localhost",
            "--cert-file",
            client.cert().toString(),
            "--key-file",
            client.key().toString(),
            "--count",
            "5",
            "--rate",
            "100");

    FeedProcess.awaitSuccess(feed, RUN_LIMIT);
    await().atMost(RUN_LIMIT).until(() -> reader.texts("quotes").size() == 5);
    assertThat(feed.stderr()).contains("connected to broker mqtts://localhost:" + broker.port());
    assertNoPassword(feed);
  }

  @Test
  void userInTheUrlAndPasswordInTheEnvironment_logInOverTls() throws Exception {
    MosquittoBroker broker = closer.keep(secure.startTls(false));
    TopicRecorder reader = reader(broker);
    Map<String, String> environment =
        Map.of("FEED_PASSWORD", PASSWORD, "FEED_CA_FILE", secure.pki().caFile().toString());

    ManagedProcess feed =
        feed(environment, "--mqtt", "mqtts://feed@127.0.0.1:" + broker.port(), "--count", "3");

    FeedProcess.awaitSuccess(feed, RUN_LIMIT);
    await().atMost(RUN_LIMIT).until(() -> reader.texts("quotes").size() == 3);
    assertNoPassword(feed);
  }

  @Test
  void loginInTheUrl_logsInAndIsNeverPrinted() {
    MosquittoBroker broker = closer.keep(secure.startPlain());
    String url = "mqtt://feed:" + PASSWORD + "@127.0.0.1:" + broker.port();

    ManagedProcess feed = feed(Map.of(), "--mqtt", url, "--count", "3");

    FeedProcess.awaitSuccess(feed, RUN_LIMIT);
    assertThat(feed.stderr())
        .contains("connected to broker mqtt://127.0.0.1:" + broker.port(), "sent 3 quotes");
    assertNoPassword(feed);
  }

  @Test
  void wrongPassword_exitsRefusedWithTheReasonCodeInsteadOfRetrying() throws Exception {
    MosquittoBroker broker = closer.keep(secure.startPlain());
    Path wrong = Files.writeString(dir.resolve("wrong-password"), "not-" + PASSWORD);

    ManagedProcess feed =
        feed(
            Map.of(),
            "--mqtt",
            broker.mqttUrl(),
            "--username",
            "feed",
            "--password-file",
            wrong.toString());

    assertRefused(
        feed,
        "feed-service: broker mqtt://127.0.0.1:"
            + broker.port()
            + " refused the connection: Not authorized (reason code 135, user \"feed\")");
  }

  @Test
  void noLogin_exitsRefusedSayingNoUserNameWasGiven() throws Exception {
    MosquittoBroker broker = closer.keep(secure.startPlain());

    ManagedProcess feed = feed(Map.of(), "--mqtt", broker.mqttUrl(), "--mqtt-version", "3");

    assertRefused(
        feed,
        "refused the connection: Not authorized to connect (reason code 5, no user name given)");
  }

  @Test
  void clientCertificateOfAnotherCa_exitsRefusedByTheBroker() throws Exception {
    MosquittoBroker broker = closer.keep(secure.startTls(true));
    Issued rogue = TestPki.create(dir, "rogue").client("rogue");
    String cert = rogue.cert().toString();

    ManagedProcess feed =
        tlsFeed(broker, "localhost", "--cert-file", cert, "--key-file", rogue.key().toString());

    assertRefused(feed, "the broker ended the TLS handshake (Received fatal alert: unknown_ca)");
  }

  @Test
  void serverCertificateForAnotherHost_exitsRefusedNamingTheHost() throws Exception {
    MosquittoBroker broker = closer.keep(secure.startTls(elsewhere(), false));

    ManagedProcess feed = tlsFeed(broker, "127.0.0.1");

    assertRefused(
        feed,
        "feed-service: TLS to broker mqtts://127.0.0.1:"
            + broker.port()
            + " failed: the broker's certificate is not for this host: No subject alternative"
            + " names matching IP address 127.0.0.1 found");
  }

  @Test
  void serverCertificateForAnotherHost_isTakenWithInsecureWhichWarns() {
    MosquittoBroker broker = closer.keep(secure.startTls(elsewhere(), false));

    ManagedProcess feed = tlsFeed(broker, "127.0.0.1", "--insecure", "--count", "3");

    FeedProcess.awaitSuccess(feed, RUN_LIMIT);
    assertThat(feed.stderr())
        .contains("WARN", "TLS host name verification is off", "sent 3 quotes");
  }

  @Test
  void topicOutsideTheAcl_exitsRefusedNamingTheTopic() throws Exception {
    MosquittoBroker broker = closer.keep(secure.startTls(false));

    ManagedProcess feed = tlsFeed(broker, "localhost", "--topic", "orders", "--rate", "100");

    assertRefused(
        feed,
        "feed-service: the broker refused the publish to orders: not authorized (reason code 135)");
    assertThat(feed.stderr().split("going on without announcing", -1))
        .as("the refused announcement is said once and not asked again; %s", feed)
        .hasSize(2);
  }

  @Test
  void malformedUrl_exitsTwoWithThePasswordMasked() throws Exception {
    ManagedProcess feed = feed(Map.of(), "--mqtt", "mqtt://feed:" + PASSWORD + "@broker:0");

    assertThat(feed.awaitExit(RUN_LIMIT)).isTrue();
    assertThat(feed.exitValue()).as("%s", feed).isEqualTo(2);
    assertThat(feed.stderr())
        .contains("invalid MQTT URL \"mqtt://feed:****@broker:0\": the port must be in 1..65535");
    assertNoPassword(feed);
  }

  /** A server certificate of the CA for a host the tests never connect to. */
  private static Issued elsewhere() {
    return secure.pki().server("elsewhere", "elsewhere.example");
  }

  /** The feed to {@code broker} over TLS at {@code host}, as user feed, with extra options. */
  private ManagedProcess tlsFeed(MosquittoBroker broker, String host, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--mqtt",
                "mqtts://" + host + ":" + broker.port(),
                "--ca-file",
                secure.pki().caFile().toString(),
                "--username",
                "feed",
                "--password-file",
                passwordFile.toString()));
    args.addAll(List.of(options));
    return feed(Map.of(), args.toArray(String[]::new));
  }

  private ManagedProcess feed(Map<String, String> environment, String... args) {
    return closer.keep(FeedProcess.start(environment, args));
  }

  /**
   * Checks that the feed exits with the refused code at once, without a retry, printing {@code
   * message}.
   */
  private static void assertRefused(ManagedProcess feed, String message)
      throws InterruptedException {
    assertThat(feed.awaitExit(REFUSED_WITHIN)).as("exited; %s", feed).isTrue();
    assertThat(feed.exitValue()).as("exit code; %s", feed).isEqualTo(4);
    assertThat(feed.stderr()).contains(message).doesNotContain("retrying");
    assertNoPassword(feed);
  }

  private static void assertNoPassword(ManagedProcess feed) {
    assertThat(feed.stdout() + feed.stderr()).doesNotContain(PASSWORD);
  }

  /** A subscriber to the quotes as user reader, with the client certificate. */
  private TopicRecorder reader(MosquittoBroker broker) throws Exception {
    return closer.keep(
        TopicRecorder.subscribe(broker, secure.login(broker, "reader").build(), List.of("quotes")));
  }
}
