package io.intuition.common.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MqttUrlTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "mqtt://h, tcp://h:1883, false",
    "tcp://h:1, tcp://h:1, false",
    "mqtts://h, ssl://h:8883, true",
    "ssl://h:9, ssl://h:9, true",
    "MQTT://h, tcp://h:1883, false",
    "Mqtts://broker.example.com:18883/, ssl://broker.example.com:18883, true",
    "' mqtt://127.0.0.1:65535 ', tcp://127.0.0.1:65535, false"
  })
  void parse_supportedUrl_givesThePahoUriAndTls(String url, String paho, boolean tls) {
    MqttUrl parsed = MqttUrl.parse(url);

    assertThat(parsed.pahoUri()).isEqualTo(paho);
    assertThat(parsed.tls()).isEqualTo(tls);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://x", "nonsense", "mqtt://", "mqtt://h:0", "mqtt://h/path"})
  void parse_invalidUrl_failsNamingTheUrl(String url) {
    assertThatThrownBy(() -> MqttUrl.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid MQTT URL \"" + url + "\": ");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"http://x, scheme", "mqtt://h/path, /path", "mqtt://, authority"})
  void parse_invalidUrl_saysWhatIsWrong(String url, String problem) {
    assertThatThrownBy(() -> MqttUrl.parse(url)).hasMessageContaining(problem);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mqtt://h, mqtt://h:1883", "ssl://h, mqtts://h:8883"})
  void toString_showsTheUrlWithItsPort(String url, String shown) {
    assertThat(MqttUrl.parse(url)).hasToString(shown);
  }

  @Test
  void parse_loginInTheUrl_isPercentDecoded() {
    MqttUrl url = MqttUrl.parse("mqtts://tr%40der:p%3Aw%2Fd%25%C3%A9@broker:8884");

    assertThat(url.username()).isEqualTo("tr@der");
    assertThat(url.password()).isEqualTo("p:w/d%\u00e9");
    assertThat(url.withoutLogin()).isEqualTo(new MqttUrl(true, "broker", 8884));
    assertThat(url.pahoUri()).isEqualTo("ssl://broker:8884");
  }

  @Test
  void parse_userWithoutPassword_hasNoPassword() {
    MqttUrl url = MqttUrl.parse("mqtt://bridge@h");

    assertThat(url.username()).isEqualTo("bridge");
    assertThat(url.password()).isNull();
    assertThat(url).hasToString("mqtt://bridge@h:1883");
  }

  @Test
  void parse_withoutLogin_hasNoUserName() {
    assertThat(MqttUrl.parse("mqtt://h").username()).isNull();
  }

  @Test
  void toString_masksThePassword() {
    assertThat(MqttUrl.parse("mqtt://trader:s3cr%3At@h")).hasToString("mqtt://trader:****@h:1883");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "http://trader:s3cret@h",
        "mqtt://trader:s3cret@h:0",
        "mqtt://trader:s3cret@h/path",
        "mqtt://trader:s3c/ret@h",
        "mqtt://trader:s3c ret@h",
        "mqtt://trader:s3c#ret@h",
        "mqtt://trader:s3c@ret@h",
        "mqtt://trader:s3c%zzret@h",
        "mqtt://trader:s3c%ffret@h",
        "mqtt://:s3cret@h",
        "trader:s3cret@h"
      })
  void parse_invalidUrlWithPassword_masksThePasswordInTheMessage(String url) {
    assertThatThrownBy(() -> MqttUrl.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid MQTT URL \"")
        .hasMessageContaining(":****@")
        .message()
        .doesNotContain("s3c");
  }

  @Test
  void parse_passwordWithAnUnencodedSlash_saysHowToEncodeIt() {
    assertThatThrownBy(() -> MqttUrl.parse("mqtt://trader:s3c/ret@h"))
        .hasMessage(
            "invalid MQTT URL \"mqtt://trader:****@h\": no host (in a user name or password,"
                + " write @ : / ? # % as %40 %3A %2F %3F %23 %25)");
  }

  @Test
  void masked_urlWithoutPassword_isUnchanged() {
    assertThat(MqttUrl.masked("mqtt://bridge@h:1883")).isEqualTo("mqtt://bridge@h:1883");
    assertThat(MqttUrl.masked("mqtt://h:1883")).isEqualTo("mqtt://h:1883");
  }
}
