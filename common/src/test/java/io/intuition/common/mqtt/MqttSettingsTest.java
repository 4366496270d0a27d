package io.intuition.common.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MqttSettingsTest {
  private static final MqttUrl WITH_LOGIN = MqttUrl.parse("mqtt://feed:s3cret@broker");

  @Test
  void builder_urlWithLogin_logsInWithItAndKeepsTheUrlWithout() {
    MqttSettings settings = MqttSettings.builder(WITH_LOGIN, "c").build();

    assertThat(settings.username()).isEqualTo("feed");
    assertThat(settings.password()).isEqualTo("s3cret");
    assertThat(settings.url()).isEqualTo(new MqttUrl(false, "broker", 1883));
    assertThat(settings.toString()).contains("username=feed").doesNotContain("s3cret");
  }

  @Test
  void builder_userInTheUrlAndPasswordApart_logsInWithBoth() {
    MqttSettings settings =
        MqttSettings.builder(MqttUrl.parse("mqtt://feed@broker"), "c")
            .login(null, "s3cret")
            .build();

    assertThat(settings.username()).isEqualTo("feed");
    assertThat(settings.password()).isEqualTo("s3cret");
  }

  @Test
  void builder_loginApartUnlikeTheUrls_isRefusedWithoutShowingEither() {
    assertThatThrownBy(() -> MqttSettings.builder(WITH_LOGIN, "c").login("bridge", null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give the user name once");
    assertThatThrownBy(() -> MqttSettings.builder(WITH_LOGIN, "c").login("feed", "Xyz9").build())
        .hasMessageContaining("give the password once")
        .message()
        .doesNotContain("s3cret", "Xyz9");
  }
}
