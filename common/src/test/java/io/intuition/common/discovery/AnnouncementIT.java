package io.intuition.common.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.cli.Lifecycle;
import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.mqtt.MqttUrl;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.ProjectPaths;
import io.intuition.common.testing.ServiceAnnouncements;
import io.intuition.common.testing.StartedProcesses;
import io.intuition.common.testing.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Births, deaths and rebirths of announced services on a real Mosquitto, with real processes. */
class AnnouncementIT {
  private static final Duration SOON = Duration.ofSeconds(20);

  @RegisterExtension final StartedProcesses processes = new StartedProcesses();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final MosquittoBroker broker = keep(MosquittoBroker.start());

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  @Test
  void announce_birthIsRetainedAndFoundByALaterSubscriber() throws Exception {
    Announcement birth = birth("b1", Announcer.seq(Instant.now()));
    announce(birth);

    await("the birth retained")
        .atMost(SOON)
        .until(() -> retained("b1").filter(birth::equals).isPresent());
  }

  @Test
  void stop_publishesTheDeathBeforeTheConnectionCloses() throws Exception {
    Announcement birth = birth("c1", Announcer.seq(Instant.now()));
    Announcer announcer = announce(birth);
    await().atMost(SOON).until(() -> retained("c1").isPresent());

    assertThat(announcer.stop(Duration.ofSeconds(2))).isTrue();

    assertThat(retained("c1")).contains(birth.toOffline());
  }

  @Test
  void processKilled_itsWillReplacesTheBirthWithItsDeath() throws Exception {
    long seq = Announcer.seq(Instant.now());
    ManagedProcess child = child("k1", seq);
    await().atMost(SOON).until(() -> retained("k1").filter(Announcement::isOnline).isPresent());

    child.kill();

    await("the death retained")
        .atMost(SOON)
        .until(() -> retained("k1").filter(a -> !a.isOnline() && a.seq() == seq).isPresent());
  }

  @Test
  void staleDeathAfterANewerBirth_isAnsweredByARebirth() throws Exception {
    long older = Announcer.seq(Instant.now()) - 60_000;
    ManagedProcess old = child("s1", older);
    Announcement newer = birth("s1", Announcer.seq(Instant.now()));
    TopicRecorder topic =
        keep(TopicRecorder.subscribe(broker, settings("rec"), List.of(newer.topic())));
    announce(newer);
    await().atMost(SOON).until(() -> retained("s1").filter(newer::equals).isPresent());
    old.awaitLog("another process announces services/test/s1 with a larger seq", SOON);

    old.kill(); // the broker publishes its will, the stale death, over the newer birth

    String staleDeath =
        new String(AnnouncementJson.write(Announcement.offline("s1", "test", older)));
    String rebirth = new String(AnnouncementJson.write(newer));
    await("the stale death, then the rebirth")
        .atMost(SOON)
        .until(() -> after(topic.texts(newer.topic()), staleDeath).contains(rebirth));
    assertThat(retained("s1")).contains(newer);
  }

  private Announcer announce(Announcement birth) throws Exception {
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

  private ManagedProcess child(String name, long seq) {
    List<String> command =
        List.of(
            ProjectPaths.java(),
            "-cp",
            System.getProperty("java.class.path"),
            AnnouncingChild.class.getName(),
            broker.url(),
            name,
            Long.toString(seq),
            "2");
    ManagedProcess child =
        processes.add(ManagedProcess.start("announcing " + name, new ProcessBuilder(command)));
    return child.awaitOutput("announced", SOON);
  }

  private Optional<Announcement> retained(String name) throws Exception {
    return ServiceAnnouncements.retained(broker.url(), "test", name);
  }

  private MqttSettings settings(String prefix) {
    return MqttSettings.builder(MqttUrl.parse(broker.url()), prefix + "-" + UUID.randomUUID())
        .build();
  }

  private static Announcement birth(String name, long seq) {
    return new Announcement(
        name,
        "test",
        Announcement.ONLINE,
        "1.0",
        "tcp://host:1",
        null,
        null,
        List.of("quotes"),
        Instant.now().toString(),
        seq);
  }

  private static List<String> after(List<String> texts, String first) {
    int at = texts.indexOf(first);
    return at < 0 ? List.of() : texts.subList(at + 1, texts.size());
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    closing.add(closeable);
    return closeable;
  }
}
