package io.intuition.bridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.intuition.common.discovery.Announcement;
import io.intuition.common.discovery.AnnouncementJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AlgoLocatorTest {
  private static final String P1 = "tcp://127.0.0.1:5001";
  private static final String P2 = "tcp://127.0.0.1:5002";

  private final List<String> moves = new CopyOnWriteArrayList<>();
  private final AlgoLocator locator = new AlgoLocator("a1", moves::add);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(AlgoLocator.class);

  @BeforeEach
  void capture() {
    lines.start();
    logger.addAppender(lines);
    logger.setLevel(Level.INFO); // the test configuration logs warnings only
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
    logger.setLevel(null);
  }

  @Test
  void topic_isTheAlgosAnnouncementTopic() {
    assertThat(locator.topic()).isEqualTo("services/algo/a1");
  }

  @Test
  void start_thenAnnouncements_saysItWaitsOnceAndWhereTheAlgoIsOnce() {
    locator.start();
    locator.received(AnnouncementJson.write(Announcement.offline("a1", "algo", 1)));
    locator.received(birth(2, P1));
    locator.received(birth(2, P1));

    assertThat(messages())
        .containsExactly(
            "waiting for algo a1 to announce itself on services/algo/a1", "algo a1 is at " + P1);
    assertThat(moves).containsExactly(P1);
  }

  @Test
  void deathBeforeAnyBirth_movesNowhere() {
    locator.received(AnnouncementJson.write(Announcement.offline("a1", "algo", 3)));

    assertThat(moves).isEmpty();
    assertThat(locator.address()).isNull();
    assertThat(messages()).isEmpty();
  }

  @Test
  void newerBirthAtAnotherAddress_movesThere() {
    locator.received(birth(1, P1));
    locator.received(birth(2, P2));

    assertThat(moves).containsExactly(P1, P2);
    assertThat(locator.address()).isEqualTo(P2);
    assertThat(messages()).last().asString().contains("moved from " + P1 + " to " + P2);
  }

  @Test
  void newerBirthAtTheSameAddress_movesNot() {
    locator.received(birth(1, P1));
    locator.received(birth(2, P1));

    assertThat(moves).containsExactly(P1);
    assertThat(messages()).last().asString().contains("announced itself again at " + P1);
  }

  @Test
  void olderBirthAfterANewerOne_isIgnored() {
    locator.received(birth(2, P2));
    locator.received(birth(1, P1));

    assertThat(moves).containsExactly(P2);
    assertThat(locator.address()).isEqualTo(P2);
  }

  @Test
  void staleDeathOfAnOlderProcess_isIgnored() {
    locator.received(birth(1, P1));
    locator.received(birth(2, P2));
    locator.received(AnnouncementJson.write(Announcement.offline("a1", "algo", 1)));

    assertThat(moves).containsExactly(P1, P2);
    assertThat(messages()).noneMatch(line -> line.contains("offline"));
  }

  @Test
  void deathOfTheCurrentAlgo_isLoggedOnceAndItsAddressKept() {
    locator.received(birth(4, P1));
    byte[] death = AnnouncementJson.write(Announcement.offline("a1", "algo", 4));
    locator.received(death);
    locator.received(death);

    assertThat(locator.address()).isEqualTo(P1);
    assertThat(moves).containsExactly(P1);
    assertThat(messages()).filteredOn(line -> line.contains("offline")).hasSize(1);
  }

  @Test
  void willThenBirthOfTheSameStart_keepsTheAddressAndMovesNot() {
    locator.received(birth(4, P1));
    locator.received(AnnouncementJson.write(Announcement.offline("a1", "algo", 4)));
    locator.received(birth(4, P1));

    assertThat(moves).containsExactly(P1);
    assertThat(messages()).last().asString().contains("announced itself again at " + P1);
  }

  @Test
  void birthAfterTheDeathOfTheCurrentAlgo_movesToItsAddress() {
    locator.received(birth(4, P1));
    locator.received(AnnouncementJson.write(Announcement.offline("a1", "algo", 4)));
    locator.received(birth(5, P2));

    assertThat(moves).containsExactly(P1, P2);
  }

  @Test
  void malformedAnnouncements_areLoggedAndIgnored() {
    locator.received(bytes("not json"));
    locator.received(bytes("{\"name\":\"a1\",\"kind\":\"algo\",\"seq\":1}"));
    locator.received(bytes("{\"name\":\"a2\",\"kind\":\"algo\",\"rpc\":\"" + P2 + "\",\"seq\":9}"));
    locator.received(bytes("{\"name\":\"a1\",\"kind\":\"algo\",\"rpc\":7,\"seq\":9}"));
    locator.received(birth(1, P1));

    assertThat(moves).containsExactly(P1);
    assertThat(messages())
        .filteredOn(line -> line.startsWith("ignored an announcement on services/algo/a1"))
        .hasSize(4)
        .anySatisfy(line -> assertThat(line).contains("without an rpc address"))
        .anySatisfy(line -> assertThat(line).contains("not algo a1"));
  }

  @Test
  void clearedAnnouncement_changesNothing() {
    locator.received(birth(1, P1));
    locator.received(new byte[0]);

    assertThat(locator.address()).isEqualTo(P1);
    assertThat(moves).containsExactly(P1);
  }

  @Test
  void nameThatCannotBeATopicLevel_isRefused() {
    assertThatThrownBy(() -> new AlgoLocator("a/1", moves::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("algo name");
  }

  private static byte[] birth(long seq, String rpc) {
    return AnnouncementJson.write(
        new Announcement(
            "a1",
            "algo",
            Announcement.ONLINE,
            "1.0",
            rpc,
            "random",
            "fixed-fraction",
            List.of(),
            "2024-01-01T00:00:00Z",
            seq));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private List<String> messages() {
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
