package io.intuition.common.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnouncementJsonTest {
  private static final Announcement BIRTH =
      new Announcement(
          "a1",
          "algo",
          Announcement.ONLINE,
          "1.0",
          "tcp://host-1:4242",
          "sma-cross",
          "fixed",
          List.of("quotes"),
          "2026-12-01T10:00:00Z",
          7);

  @Test
  void write_birth_hasNoStateAndReadsBackEqual() {
    String json = new String(AnnouncementJson.write(BIRTH), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"name\":\"a1\",\"kind\":\"algo\",\"version\":\"1.0\",\"rpc\":\"tcp://host-1:4242\","
                + "\"algo\":\"sma-cross\",\"sizer\":\"fixed\",\"channels\":[\"quotes\"],"
                + "\"started\":\"2026-12-01T10:00:00Z\",\"seq\":7}");
    assertThat(AnnouncementJson.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(BIRTH);
  }

  @Test
  void write_birthWithEndpoint_carriesHttpAndReadsBackEqual() {
    Announcement birth = BIRTH.withHttp("http://host-1:8080");

    String json = new String(AnnouncementJson.write(birth), StandardCharsets.UTF_8);

    assertThat(json).endsWith(",\"seq\":7,\"http\":\"http://host-1:8080\"}");
    assertThat(AnnouncementJson.read(json.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(birth)
        .isNotEqualTo(BIRTH);
  }

  @Test
  void write_death_isNameKindStateAndSeq() {
    String json = new String(AnnouncementJson.write(BIRTH.toOffline()), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo("{\"name\":\"a1\",\"kind\":\"algo\",\"state\":\"offline\",\"seq\":7}");
    assertThat(AnnouncementJson.read(json.getBytes(StandardCharsets.UTF_8)).isOnline()).isFalse();
  }

  @Test
  void supersedes_deathOfOlderStart_isStale() {
    Announcement older = Announcement.offline("a1", "algo", 6);

    assertThat(older.supersedes(BIRTH)).isFalse();
    assertThat(BIRTH.supersedes(older)).isTrue();
    assertThat(BIRTH.toOffline().supersedes(BIRTH)).isTrue();
  }

  @Test
  void supersedes_birthAfterTheWillOfItsOwnStart_isTheReconnect() {
    assertThat(BIRTH.supersedes(BIRTH.toOffline())).isTrue();
    assertThat(BIRTH.supersedes(Announcement.offline("a1", "algo", 8))).isFalse();
  }

  @Test
  void read_badPayloads_sayWhatIsWrong() {
    assertThatThrownBy(() -> read("not json")).hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> read("[1]")).hasMessageStartingWith("not a JSON object");
    assertThatThrownBy(() -> read("{\"name\":\"a1\",\"kind\":\"algo\"}"))
        .hasMessageStartingWith("seq must be a whole number");
    assertThatThrownBy(() -> read("{\"kind\":\"algo\",\"seq\":1}"))
        .hasMessage("name must not be empty");
    assertThatThrownBy(() -> read("{\"name\":\"a/1\",\"kind\":\"algo\",\"seq\":1}"))
        .hasMessageContaining("name must not hold '/'");
    assertThatThrownBy(() -> read("{\"name\":\"a1\",\"kind\":\"algo\",\"rpc\":4,\"seq\":1}"))
        .hasMessageStartingWith("rpc must be a string");
    assertThatThrownBy(() -> read("{\"name\":\"a1\",\"kind\":\"algo\",\"state\":\"x\",\"seq\":1}"))
        .hasMessageStartingWith("state must be online or offline");
  }

  private static Announcement read(String json) {
    return AnnouncementJson.read(json.getBytes(StandardCharsets.UTF_8));
  }
}
