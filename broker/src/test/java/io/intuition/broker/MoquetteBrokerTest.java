package io.intuition.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class MoquetteBrokerTest {
  private final Properties settings = MoquetteBroker.settings("127.0.0.1", 1883);

  @Test
  void settings_listenOnTheGivenAddressOnly() {
    assertThat(settings)
        .containsEntry("host", "127.0.0.1")
        .containsEntry("port", "1883")
        .doesNotContainKeys("websocket_port", "ssl_port");
  }

  @Test
  void settings_neverPhoneHomeNorWriteToTheWorkingDirectory() {
    assertThat(settings)
        .containsEntry("telemetry_enabled", "false")
        .containsEntry("persistence_enabled", "false");
  }

  @Test
  void settings_acceptWhatMosquittoAccepts() {
    assertThat(settings)
        .containsEntry("allow_anonymous", "true")
        .containsEntry("allow_zero_byte_client_id", "true")
        .containsEntry("netty.mqtt.message_size", "268435455");
  }
}
