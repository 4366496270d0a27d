package io.intuition.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.mqtt.MqttUrl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --mqtt} naming the brokers of a cluster, comma-separated. */
class FailoverOptionsTest {
  private final Map<String, String> environment = new HashMap<>();

  @Test
  void mqtt_commaSeparated_isEveryBrokerInTheOrderGiven() {
    MqttSettings settings = parse("--mqtt", "mqtt://node2:4002,mqtt://node1:4001");

    assertThat(settings.url()).isEqualTo(MqttUrl.parse("mqtt://node2:4002"));
    assertThat(settings.servers())
        .containsExactly(MqttUrl.parse("mqtt://node2:4002"), MqttUrl.parse("mqtt://node1:4001"));
  }

  @Test
  void variable_commaSeparated_isEveryBroker() {
    environment.put("SVC_MQTT", "mqtt://a:1,mqtt://b:2");

    assertThat(parse().servers()).hasSize(2);
  }

  @Test
  void mqtt_loginOnEachBroker_isOneLogin() {
    MqttSettings settings = parse("--mqtt", "mqtt://feed:pw@a:1,mqtt://feed:pw@b:2");

    assertThat(settings.username()).isEqualTo("feed");
    assertThat(settings.password()).isEqualTo("pw");
    assertThat(settings.servers()).allMatch(url -> url.username() == null);
  }

  @Test
  void mqtt_tlsOnSomeBrokersOnly_exits2() {
    assertThat(execute("--mqtt", "mqtts://a:1,mqtt://b:2")).isEqualTo(2);
  }

  @Test
  void mqtt_loginsDiffer_exits2() {
    assertThat(execute("--mqtt", "mqtt://feed@a:1,mqtt://bridge@b:2")).isEqualTo(2);
  }

  private MqttOptionsTest.Service service() {
    return new MqttOptionsTest.Service(
        new MqttOptions("SVC", "svc-1", "mqtt://localhost:1883", environment::get));
  }

  private MqttSettings parse(String... args) {
    MqttOptionsTest.Service service = service();
    new CommandLine(service).parseArgs(args);
    return service.mqtt.settings("default-id").build();
  }

  private int execute(String... args) {
    StringWriter err = new StringWriter();
    return new CommandLine(service()).setErr(new PrintWriter(err)).execute(args);
  }
}
