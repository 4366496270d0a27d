package io.intuition.common.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

  @Test
  void builder_servers_connectsToTheFirstAndKeepsAllWithoutTheirLogin() {
    MqttSettings settings =
        MqttSettings.builder(
                MqttUrl.parseList("mqtt://feed:s3cret@a:1,mqtt://feed:s3cret@b:2"), "c")
            .build();

    assertThat(settings.url()).isEqualTo(new MqttUrl(false, "a", 1));
    assertThat(settings.servers())
        .containsExactly(new MqttUrl(false, "a", 1), new MqttUrl(false, "b", 2));
    assertThat(settings.username()).isEqualTo("feed");
    assertThat(settings.toString()).contains("servers=").doesNotContain("s3cret");
  }

  @Test
  void builder_oneUrl_isTheOnlyServer() {
    assertThat(MqttSettings.builder(WITH_LOGIN, "c").build().servers())
        .containsExactly(new MqttUrl(false, "broker", 1883));
  }

  @Test
  void builder_serversOfMixedTls_isRefused() {
    List<MqttUrl> mixed = List.of(MqttUrl.parse("mqtts://a"), MqttUrl.parse("mqtt://b"));

    assertThatThrownBy(() -> MqttSettings.builder(mixed, "c").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must use TLS or all not");
  }

  @Test
  void onServer_isTheSameSettingsOnAnotherBroker() {
    MqttSettings settings =
        MqttSettings.builder(MqttUrl.parseList("mqtt://a:1,mqtt://b:2"), "c")
            .persistentSession(true)
            .build();

    MqttSettings second = settings.onServer(1);

    assertThat(second.url()).isEqualTo(new MqttUrl(false, "b", 2));
    assertThat(second.servers()).isEqualTo(settings.servers());
    assertThat(second.persistentSession()).isTrue();
  }
}
