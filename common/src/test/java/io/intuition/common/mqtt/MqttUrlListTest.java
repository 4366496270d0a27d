package io.intuition.common.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MqttUrlListTest {

  @Test
  void parseList_oneUrl_isThatUrl() {
    assertThat(MqttUrl.parseList("mqtt://a:1884")).containsExactly(new MqttUrl(false, "a", 1884));
  }

  @Test
  void parseList_commaSeparated_keepsTheOrderWritten() {
    assertThat(MqttUrl.parseList("mqtt://b:2, tcp://a:1,mqtt://c"))
        .containsExactly(
            new MqttUrl(false, "b", 2), new MqttUrl(false, "a", 1), new MqttUrl(false, "c", 1883));
  }

  @Test
  void parseList_sameLoginOnEach_isTaken() {
    assertThat(MqttUrl.parseList("mqtt://feed:p%2Cw@a:1,mqtt://feed:p%2Cw@b:2"))
        .extracting(MqttUrl::password)
        .containsExactly("p,w", "p,w");
  }

  @Test
  void parseList_tlsAndPlainMixed_isRefusedNamingBoth() {
    assertThatThrownBy(() -> MqttUrl.parseList("mqtts://a,mqtt://b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "all broker URLs must use TLS or all not, but mqtts://a:8883 and mqtt://b:1883 differ");
  }

  @Test
  void parseList_loginsDiffer_isRefusedWithoutThePasswords() {
    assertThatThrownBy(() -> MqttUrl.parseList("mqtt://feed:s3cret@a,mqtt://feed:other@b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must carry the same login")
        .hasMessageNotContaining("s3cret")
        .hasMessageNotContaining("other");
  }

  @Test
  void parseList_loginOnOneOnly_isRefused() {
    assertThatThrownBy(() -> MqttUrl.parseList("mqtt://feed@a,mqtt://b"))
        .hasMessageContaining("must carry the same login");
  }

  @Test
  void parseList_emptyEntry_isRefused() {
    assertThatThrownBy(() -> MqttUrl.parseList("mqtt://a,,mqtt://b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an entry is empty");
  }

  @Test
  void parseList_badEntry_namesIt() {
    assertThatThrownBy(() -> MqttUrl.parseList("mqtt://a,http://b"))
        .hasMessageContaining("http://b")
        .hasMessageContaining("the scheme must be");
  }
}
