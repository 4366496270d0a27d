package io.intuition.common.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.common.discovery.Announcer.Answer;
import io.intuition.common.mqtt.LastWill;
import io.intuition.common.mqtt.MqttHandler;
import io.intuition.common.mqtt.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnouncerTest {
  private static final Announcement BIRTH =
      new Announcement(
          "a1",
          "algo",
          Announcement.ONLINE,
          "1.0",
          "tcp://host-1:4242",
          "sma-cross",
          "fixed-fraction",
          List.of(),
          "2026-12-01T10:00:00Z",
          1_796_000_000_000L);

  @Test
  void lastWill_isTheRetainedDeathOfTheSameSeqAtQos1() {
    LastWill will = new Announcer(BIRTH).lastWill();

    assertThat(will.topic()).isEqualTo("services/algo/a1");
    assertThat(will.qos()).isEqualTo(1);
    assertThat(will.retained()).isTrue();
    assertThat(AnnouncementJson.read(will.payload())).isEqualTo(BIRTH.toOffline());
  }

  @Test
  void withHttp_announcesTheEndpointWithTheSameWill() {
    Announcer plain = new Announcer(BIRTH);

    Announcer served = plain.withHttp("http://vm:9101");

    assertThat(served.birth()).isEqualTo(BIRTH.withHttp("http://vm:9101"));
    assertThat(served.lastWill()).isEqualTo(plain.lastWill());
    assertThat(plain.withHttp(null)).isSameAs(plain);
  }

  @Test
  void seq_laterStart_isLarger() {
    Instant first = Instant.parse("2026-12-01T10:00:00Z");

    assertThat(Announcer.seq(first.plusMillis(1))).isGreaterThan(Announcer.seq(first));
  }

  @Test
  void new_withADeath_isRefused() {
    assertThatThrownBy(() -> new Announcer(BIRTH.toOffline()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a birth");
  }

  @Test
  void answer_staleDeathOrBirthOfAnOlderStart_isARebirth() {
    assertThat(Announcer.answer(BIRTH, Announcement.offline("a1", "algo", BIRTH.seq() - 1)))
        .isEqualTo(Answer.REBIRTH);
    assertThat(Announcer.answer(BIRTH, withSeq(BIRTH.seq() - 1))).isEqualTo(Answer.REBIRTH);
  }

  @Test
  void answer_ownWillWhileRunningOrARemoval_isARebirth() {
    assertThat(Announcer.answer(BIRTH, BIRTH.toOffline())).isEqualTo(Answer.REBIRTH);
    assertThat(Announcer.answer(BIRTH, null)).isEqualTo(Answer.REBIRTH);
  }

  @Test
  void answer_ownBirth_isNothing() {
    assertThat(Announcer.answer(BIRTH, BIRTH)).isEqualTo(Answer.NOTHING);
  }

  @Test
  void answer_laterStartOfTheSameName_isAWarningNotAFight() {
    assertThat(Announcer.answer(BIRTH, withSeq(BIRTH.seq() + 1))).isEqualTo(Answer.WARN_OF_NEWER);
    assertThat(Announcer.answer(BIRTH, Announcement.offline("a1", "algo", BIRTH.seq() + 1)))
        .isEqualTo(Answer.WARN_OF_NEWER);
  }

  @Test
  void handler_messagesOfOtherTopics_goToTheServiceHandler() {
    List<String> passed = new ArrayList<>();
    MqttHandler handler = new Announcer(BIRTH).handler(message -> passed.add(message.topic()));

    handler.message(received("quotes", "{}"));
    handler.message(received("services/algo/a1", "{}"));

    assertThat(passed).containsExactly("quotes");
  }

  @Test
  void stop_beforeAnnouncing_publishesNothingAndReturnsAtOnce() throws Exception {
    assertThat(new Announcer(BIRTH).stop(Duration.ofSeconds(2))).isTrue();
  }

  private static Announcement withSeq(long seq) {
    return new Announcement(
        "a1", "algo", Announcement.ONLINE, "1.0", "tcp://h:1", null, null, List.of(), null, seq);
  }

  private static Received received(String topic, String text) {
    return new Received(topic, text.getBytes(StandardCharsets.UTF_8), 1, 1, 0);
  }
}
