package io.intuition.common.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServersTest {
  private static final List<MqttUrl> THREE = MqttUrl.parseList("mqtt://a:1,mqtt://b:2,mqtt://c:3");

  @Test
  void current_atFirst_isTheFirstBroker() {
    Servers servers = new Servers(MqttSettings.builder(THREE, "c").build());

    assertThat(servers.current().url()).isEqualTo(THREE.get(0));
  }

  @Test
  void advance_movesInTurnAndComesRoundToTheFirst() {
    Servers servers = new Servers(MqttSettings.builder(THREE, "c").build());
    List<String> visited = new ArrayList<>();
    List<Boolean> roundDone = new ArrayList<>();

    for (int i = 0; i < 4; i++) {
      roundDone.add(servers.advance());
      visited.add(servers.current().url().host());
    }

    assertThat(visited).containsExactly("b", "c", "a", "b");
    assertThat(roundDone).containsExactly(false, false, true, false);
  }

  @Test
  void advance_oneBroker_staysAndEndsEachRound() {
    Servers servers = new Servers(MqttSettings.builder(THREE.get(1), "c").build());

    assertThat(servers.advance()).isTrue();
    assertThat(servers.current().url()).isEqualTo(THREE.get(1));
  }

  @Test
  void current_keepsTheLoginAndClientIdOnEveryBroker() {
    MqttSettings settings =
        MqttSettings.builder(MqttUrl.parseList("mqtt://feed:pw@a,mqtt://feed:pw@b"), "feed-1")
            .build();
    Servers servers = new Servers(settings);

    servers.advance();

    assertThat(servers.current().url()).isEqualTo(new MqttUrl(false, "b", 1883));
    assertThat(servers.current().username()).isEqualTo("feed");
    assertThat(servers.current().password()).isEqualTo("pw");
    assertThat(servers.current().clientId()).isEqualTo("feed-1");
  }
}
