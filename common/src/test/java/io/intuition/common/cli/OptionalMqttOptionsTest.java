package io.intuition.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.cli.MqttOptionsTest.Service;
import io.intuition.common.mqtt.MqttUrl;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The MQTT options of a service that uses a broker only when given one. */
class OptionalMqttOptionsTest {
  private final StringWriter out = new StringWriter();

  @Test
  void withoutMqtt_isNotGivenAndHelpSaysNone() {
    Service service = new Service(MqttOptions.optional("OPT", "opt-1"));
    CommandLine commandLine = new CommandLine(service);
    commandLine.parseArgs();

    assertThat(service.mqtt.given()).isFalse();
    commandLine.usage(new PrintWriter(out, true));
    assertThat(out.toString().replaceAll("\\s+", " ")).contains("OPT_MQTT, default none: no MQTT");
  }

  @Test
  void withMqtt_isGivenAndMakesTheSettings() {
    Service service = new Service(MqttOptions.optional("OPT", "opt-1"));
    new CommandLine(service).parseArgs("--mqtt", "mqtt://broker:1883");

    assertThat(service.mqtt.given()).isTrue();
    assertThat(service.mqtt.settings("id").build().url())
        .isEqualTo(MqttUrl.parse("mqtt://broker:1883"));
  }
}
