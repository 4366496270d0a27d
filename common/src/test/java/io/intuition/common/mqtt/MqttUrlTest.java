package io.intuition.common.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
