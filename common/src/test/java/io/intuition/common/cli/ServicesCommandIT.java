package io.intuition.common.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.discovery.Announcement;
import io.intuition.common.discovery.Announcer;
import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.mqtt.MqttUrl;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.ProjectPaths;
import io.intuition.common.testing.ServiceAnnouncements;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The services listing against a real Mosquitto, run as its command line runs it. */
class ServicesCommandIT {
  private static final Duration SOON = Duration.ofSeconds(20);

  private final List<AutoCloseable> closing = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  @Test
  void services_listsTheAliveFirstThenTheOffline() throws Exception {
    MosquittoBroker broker = keep(MosquittoBroker.start());
    long seq = Announcer.seq(Instant.now());
    announce(broker, birth("algo", "a1", "tcp://host-1:4242", seq));
    Announcer gone = announce(broker, birth("algo", "a0", "tcp://host-0:4242", seq - 1));
    announce(broker, birth("feed", "feed", null, seq));
    await().atMost(SOON).until(() -> retainedOnline(broker, "feed", "feed"));
    assertThat(gone.stop(Duration.ofSeconds(2))).isTrue();

    int code = execute("--mqtt", broker.url(), "--wait", "300");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString().lines().map(line -> line.split("\\s+")).map(cells -> cells[1]))
        .containsExactly("NAME", "a1", "feed", "a0");
    assertThat(out.toString())
        .containsPattern("algo +a1 +online +tcp://host-1:4242 +- +1\\.0 +\\S+ +" + seq)
        .containsPattern("feed +feed +online +quotes ")
        .containsPattern("algo +a0 +offline +- +- +- +- +" + (seq - 1));
  }

  @Test
  void services_brokerUnreachable_isOneLineAndExitOne() {
    String url = "mqtt://127.0.0.1:" + ProjectPaths.freePort();

    int code = execute("--mqtt", url, "--timeout", "1");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly("services: broker " + url + " unreachable within 1 s");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void services_malformedUrl_exitsTwo() {
    assertThat(execute("--mqtt", "http://nowhere")).isEqualTo(2);

    assertThat(err.toString()).startsWith("services: ");
  }

  private Announcer announce(MosquittoBroker broker, Announcement birth) throws Exception {
    Announcer announcer = new Announcer(birth);
    MqttSettings settings =
        MqttSettings.builder(MqttUrl.parse(broker.url()), "svc-" + UUID.randomUUID())
            .lastWill(announcer.lastWill())
            .build();
    MqttConnection connection =
        keep(MqttConnection.create(settings, announcer.handler(message -> {})));
    assertThat(connection.connect(new Lifecycle(Duration.ofSeconds(1)))).isTrue();
    announcer.announce(connection);
    return announcer;
  }

  private static boolean retainedOnline(MosquittoBroker broker, String kind, String name)
      throws Exception {
    return ServiceAnnouncements.retained(broker.url(), kind, name)
        .filter(Announcement::isOnline)
        .isPresent();
  }

  private static Announcement birth(String kind, String name, String rpc, long seq) {
    return new Announcement(
        name,
        kind,
        Announcement.ONLINE,
        "1.0",
        rpc,
        null,
        null,
        rpc == null ? List.of("quotes") : List.of(),
        Instant.now().toString(),
        seq);
  }

  private int execute(String... args) {
    return new picocli.CommandLine(new ServicesCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    closing.add(closeable);
    return closeable;
  }
}
