package io.intuition.bridge.it;

import static io.intuition.common.testing.Publishes.confirmed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.cli.Lifecycle;
import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.testing.Closer;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.SecureMosquitto;
import io.intuition.common.testing.TestPki;
import io.intuition.common.testing.TestPki.Issued;
import io.intuition.common.testing.TopicRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge-service and algo-service jars as real processes, against a real Mosquitto that takes
 * only TLS clients with a certificate of the test's CA and a login, each user to what its ACL
 * grants, as mosquitto/acl grants them.
 */
class BridgeSecurityIT {
  private static final Duration SOON = Duration.ofSeconds(30);
  private static final String PASSWORD = SecureMosquitto.PASSWORDS.get("bridge");

  @TempDir static Path dir;
  private static SecureMosquitto secure;
  private static Issued client;
  private static Path passwordFile;

  private final Closer closer = new Closer();

  @BeforeAll
  static void makeCertificatesAndPasswordFile() throws Exception {
    secure = SecureMosquitto.create(dir);
    client = secure.pki().client("bridge", TestPki.KeyType.RSA_PKCS1);
    passwordFile = Files.writeString(dir.resolve("bridge-password"), PASSWORD + "\n");
  }

  @AfterEach
  void closeAll() throws Exception {
    closer.closeAll();
  }

  @Test
  void tlsWithClientCertificateAndPasswordFile_forwardsQuotesAndPublishesOrders() throws Exception {
    MosquittoBroker broker = closer.keep(secure.startTls(true));
    TopicRecorder probe =
        closer.keep(
            TopicRecorder.subscribe(
                broker, secure.login(broker, "reader").build(), List.of("orders")));
    ManagedProcess bridge = closer.keep(bridge(broker, fillingAlgo(), "orders"));
    bridge.awaitLog("subscribed to [quotes]", SOON);

    publishQuote(broker);

    await("an order; " + bridge).atMost(SOON).until(() -> !probe.texts("orders").isEmpty());
    assertThat(bridge.stderr()).contains("connected to broker mqtts://localhost:" + broker.port());
    assertThat(bridge.stdout() + bridge.stderr()).doesNotContain(PASSWORD);
  }

  @Test
  void ordersTopicOutsideTheAcl_stopsTheBridgeWithTheRefusedCode() throws Exception {
    MosquittoBroker broker = closer.keep(secure.startTls(true));
    ManagedProcess bridge = closer.keep(bridge(broker, fillingAlgo(), "forbidden"));
    bridge.awaitLog("subscribed to [quotes]", SOON);

    publishQuote(broker);

    assertThat(bridge.awaitExit(SOON)).as("exited; %s", bridge).isTrue();
    assertThat(bridge.exitValue()).as("exit code; %s", bridge).isEqualTo(4);
    assertThat(bridge.stderr())
        .contains(
            "bridge-service: the broker refused the publish to forbidden: not authorized"
                + " (reason code 135)");
  }

  @Test
  void wrongPassword_exitsWithTheRefusedCodeNamingTheReasonCode() throws Exception {
    MosquittoBroker broker = closer.keep(secure.startTls(true));
    Path wrong = Files.writeString(dir.resolve("wrong-password"), "not-" + PASSWORD);

    ManagedProcess bridge =
        closer.keep(
            Suite.bridge(
                "mqtts://localhost:" + broker.port(),
                Suite.freeRpcAddress(),
                tlsOptions("--password-file", wrong.toString())));

    assertThat(bridge.awaitExit(SOON)).as("exited; %s", bridge).isTrue();
    assertThat(bridge.exitValue()).as("exit code; %s", bridge).isEqualTo(4);
    assertThat(bridge.stderr())
        .contains(
            "bridge-service: broker mqtts://localhost:"
                + broker.port()
                + " refused the connection: Not authorized (reason code 135, user \"bridge\")")
        .doesNotContain("retrying", PASSWORD);
  }

  /** An algo-service on which every quote fills an order, as {@link RunningSuite} starts one. */
  private String fillingAlgo() {
    String rpc = Suite.freeRpcAddress();
    closer.keep(Suite.algo(rpc, List.of("--sizer", "fixed-fraction")));
    return rpc;
  }

  private static ManagedProcess bridge(MosquittoBroker broker, String rpc, String ordersTopic) {
    return Suite.bridge(
        "mqtts://localhost:" + broker.port(),
        rpc,
        tlsOptions(
            "--password-file",
            passwordFile.toString(),
            "--orders-topic",
            ordersTopic,
            "--param",
            "threshold=0",
            "--param",
            "fraction=0.001"));
  }

  /** The CA, the client certificate with its RSA key in PKCS#1, and the user bridge. */
  private static String[] tlsOptions(String... more) {
    List<String> options =
        new ArrayList<>(
            List.of(
                "--ca-file",
                secure.pki().caFile().toString(),
                "--cert-file",
                client.cert().toString(),
                "--key-file",
                client.key().toString(),
                "--username",
                "bridge"));
    options.addAll(List.of(more));
    return options.toArray(String[]::new);
  }

  /** Publishes quote 0 as user feed and waits for the broker to confirm it. */
  private void publishQuote(MosquittoBroker broker) throws Exception {
    MqttConnection feed =
        closer.keep(MqttConnection.create(secure.login(broker, "feed").build(), message -> {}));
    assertThat(feed.connect(new Lifecycle(Duration.ofSeconds(1)))).isTrue();

    assertThat(confirmed(feed, "quotes", QuoteFeed.line(0))).succeedsWithin(SOON);
  }
}
