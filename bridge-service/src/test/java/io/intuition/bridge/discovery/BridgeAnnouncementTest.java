package io.intuition.bridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.common.discovery.Announcement;
import io.intuition.common.discovery.AnnouncementJson;
import io.intuition.common.discovery.Announcer;
import io.intuition.common.mqtt.LastWill;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BridgeAnnouncementTest {
  private static final Instant STARTED = Instant.parse("2024-05-01T12:00:00Z");

  private final BridgeAnnouncement self = new BridgeAnnouncement("b1", "a1", "1.2.3", STARTED);

  @Test
  void lastWill_isTheRetainedDeathOfThisStart() {
    LastWill will = self.lastWill();

    assertThat(will.topic()).isEqualTo("services/bridge/b1");
    assertThat(will.retained()).isTrue();
    assertThat(AnnouncementJson.read(will.payload()))
        .isEqualTo(Announcement.offline("b1", "bridge", STARTED.toEpochMilli()));
  }

  @Test
  void subscribed_announcesTheBridgeWithItsAlgoAndChannels() {
    Announcement birth = self.subscribed(List.of("quotes")).map(Announcer::birth).orElseThrow();

    assertThat(birth.kind()).isEqualTo("bridge");
    assertThat(birth.algo()).isEqualTo("a1");
    assertThat(birth.channels()).containsExactly("quotes");
    assertThat(birth.version()).isEqualTo("1.2.3");
    assertThat(birth.seq()).isEqualTo(STARTED.toEpochMilli());
    assertThat(birth.isOnline()).isTrue();
  }

  @Test
  void serving_theBirthSaysWhereTheEndpointAnswers() {
    self.serving("http://bridge:9102");

    Announcement birth = self.subscribed(List.of("quotes")).orElseThrow().birth();

    assertThat(birth.http()).isEqualTo("http://bridge:9102");
  }

  @Test
  void notServing_theBirthNamesNoEndpoint() {
    assertThat(self.subscribed(List.of("quotes")).orElseThrow().birth().http()).isNull();
  }

  @Test
  void subscribedAgainToTheSameChannels_announcesNothingNew() {
    self.subscribed(List.of("quotes"));

    assertThat(self.subscribed(List.of("quotes"))).isEmpty();
  }

  @Test
  void subscribedToMoreChannels_announcesThemAllWithTheSameSeq() {
    long seq = self.subscribed(List.of("quotes")).orElseThrow().birth().seq();

    Announcement birth = self.subscribed(List.of("quotes", "news")).orElseThrow().birth();

    assertThat(birth.channels()).containsExactly("quotes", "news");
    assertThat(birth.seq()).isEqualTo(seq);
  }

  @Test
  void stopBeforeAnyBirth_hasNothingToSay() throws InterruptedException {
    assertThat(self.stop(Duration.ZERO)).isTrue();
  }

  @Test
  void nameThatCannotBeATopicLevel_isRefused() {
    assertThatThrownBy(() -> new BridgeAnnouncement("b/1", "a1", "1", STARTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bridge name");
  }
}
