package io.intuition.common.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryTest {
  private final List<String> changes = new ArrayList<>();
  private final Directory directory =
      new Directory((before, now) -> changes.add(describe(before) + " -> " + describe(now)));

  @Test
  void take_birthThenItsDeath_holdsTheDeath() {
    take("services/algo/a1", birth("a1", 5));
    take("services/algo/a1", death("a1", 5));

    assertThat(directory.find("algo", "a1")).map(Announcement::isOnline).contains(false);
    assertThat(changes).containsExactly("null -> online 5", "online 5 -> offline 5");
  }

  @Test
  void take_staleDeathAfterANewerBirth_isIgnored() {
    take("services/algo/a1", birth("a1", 6));
    take("services/algo/a1", death("a1", 5));

    assertThat(directory.find("algo", "a1")).map(Announcement::seq).contains(6L);
    assertThat(directory.find("algo", "a1")).map(Announcement::isOnline).contains(true);
  }

  @Test
  void take_birthAfterTheWillOfTheSameStart_isTheReconnectAndAlive() {
    take("services/algo/a1", birth("a1", 5));
    take("services/algo/a1", death("a1", 5));
    take("services/algo/a1", birth("a1", 5));

    assertThat(directory.find("algo", "a1")).map(Announcement::isOnline).contains(true);
  }

  @Test
  void take_emptyPayload_removesTheService() {
    take("services/algo/a1", birth("a1", 5));
    directory.take("services/algo/a1", new byte[0]);

    assertThat(directory.snapshot()).isEmpty();
    assertThat(changes).containsExactly("null -> online 5", "online 5 -> null");
  }

  @Test
  void take_malformedOrMisplaced_isIgnoredAndTheRestKept() {
    take("services/algo/a1", birth("a1", 5));
    take("services/algo/a1", "{not json");
    take("services/algo/a1", "{\"name\":\"a1\",\"kind\":\"algo\"}");
    take("services/algo/a2", birth("a1", 9));
    take("services/algo", birth("a1", 9));
    take("services/algo/a1/extra", birth("a1", 9));

    assertThat(directory.snapshot()).extracting(Announcement::seq).containsExactly(5L);
    assertThat(directory.messages()).isEqualTo(6);
  }

  @Test
  void snapshot_isSortedByKindThenName() {
    take("services/feed/feed", "{\"name\":\"feed\",\"kind\":\"feed\",\"seq\":1}");
    take("services/algo/b", birth("b", 1));
    take("services/algo/a", birth("a", 1));

    assertThat(directory.snapshot())
        .extracting(Announcement::topic)
        .containsExactly("services/algo/a", "services/algo/b", "services/feed/feed");
  }

  @Test
  void take_newServicePastTheLimit_isIgnored_whileKnownOnesStillChange() {
    Directory small = new Directory((before, now) -> {}, 2);
    small.take("services/algo/a", bytes(birth("a", 1)));
    small.take("services/algo/b", bytes(birth("b", 1)));

    small.take("services/algo/c", bytes(birth("c", 1)));
    small.take("services/algo/b", bytes(death("b", 1)));

    assertThat(small.snapshot())
        .extracting(Announcement::name, Announcement::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "online"),
            org.assertj.core.groups.Tuple.tuple("b", "offline"));
    assertThat(small.ignoredPastTheLimit()).isEqualTo(1);
  }

  @Test
  void take_serviceRemoved_makesRoomForANewOne() {
    Directory small = new Directory((before, now) -> {}, 1);
    small.take("services/algo/a", bytes(birth("a", 1)));
    small.take("services/algo/a", new byte[0]);

    small.take("services/algo/b", bytes(birth("b", 1)));

    assertThat(small.snapshot()).extracting(Announcement::name).containsExactly("b");
    assertThat(small.ignoredPastTheLimit()).isZero();
  }

  @Test
  void awaitQuiet_noMessages_returnsOnceQuietLongEnough() throws Exception {
    assertThat(directory.awaitQuiet(Duration.ofMillis(50), Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void awaitQuiet_limitShorterThanTheQuiet_returnsFalse() throws Exception {
    take("services/algo/a1", birth("a1", 5));

    assertThat(directory.awaitQuiet(Duration.ofSeconds(30), Duration.ofMillis(20))).isFalse();
  }

  private void take(String topic, String json) {
    directory.take(topic, bytes(json));
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String birth(String name, long seq) {
    return "{\"name\":\""
        + name
        + "\",\"kind\":\"algo\",\"rpc\":\"tcp://h:1\",\"seq\":"
        + seq
        + "}";
  }

  private static String death(String name, long seq) {
    return "{\"name\":\""
        + name
        + "\",\"kind\":\"algo\",\"state\":\"offline\",\"seq\":"
        + seq
        + "}";
  }

  private static String describe(Announcement announcement) {
    return announcement == null ? "null" : announcement.state() + " " + announcement.seq();
  }
}
