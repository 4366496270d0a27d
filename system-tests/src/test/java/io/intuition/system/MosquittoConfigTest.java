package io.intuition.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.system.Acl.Grant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The broker's configurations and acl, as mosquitto/README.md documents them. */
class MosquittoConfigTest {
  private static final Acl ACL = Acl.read("mosquitto/acl");

  @Test
  void acl_grantsExactlyTheDocumentedPermissions() {
    assertThat(ACL.grants()).containsOnlyKeys("bridge", "feed", "indicators", "algo", "console");
    assertThat(ACL.grants().get("bridge"))
        .containsExactlyInAnyOrder(
            new Grant("read", "quotes"),
            new Grant("write", "orders"),
            new Grant("write", "quotes/rejected"),
            new Grant("read", "indicators/#"),
            new Grant("read", "services/algo/+"),
            new Grant("readwrite", "services/bridge/+"));
    assertThat(ACL.grants().get("feed"))
        .containsExactly(new Grant("write", "quotes"), new Grant("readwrite", "services/feed/+"));
    assertThat(ACL.grants().get("indicators"))
        .containsExactlyInAnyOrder(
            new Grant("read", "quotes"),
            new Grant("write", "indicators/#"),
            new Grant("readwrite", "services/indicator/+"));
    assertThat(ACL.grants().get("algo")).containsExactly(new Grant("readwrite", "services/algo/+"));
    assertThat(ACL.grants().get("console"))
        .containsExactlyInAnyOrder(
            new Grant("read", "services/#"),
            new Grant("read", "orders"),
            new Grant("read", "indicators/#"));
  }

  @Test
  void acl_grantsTheTopicsTheServicesUseAsComposeConfiguresThem() {
    ComposeFile compose = ComposeFile.read("docker-compose.yml");
    String quotes = ServiceCli.FEED.value("--topic", compose.service("feed")).orElseThrow();
    ComposeService bridge = compose.service("bridge");
    String orders = ServiceCli.BRIDGE.value("--orders-topic", bridge).orElseThrow();
    String rejected = quotes + ServiceCli.BRIDGE.value("--rejected-suffix", bridge).orElseThrow();

    assertThat(ACL.grants().get("feed")).contains(new Grant("write", quotes));
    ComposeService indicators = compose.service("indicators");
    assertThat(ACL.grants().get("indicators"))
        .contains(
            new Grant("read", ServiceCli.INDICATORS.value("--channels", indicators).orElseThrow()),
            new Grant(
                "write",
                ServiceCli.INDICATORS.value("--topic-prefix", indicators).orElseThrow() + "/#"));
    assertThat(ACL.grants().get("bridge"))
        .contains(
            new Grant("read", quotes), new Grant("write", orders), new Grant("write", rejected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mosquitto/mosquitto.conf", "mosquitto/secure.conf"})
  void config_listensEverywhereAndKeepsEveryQueuedQuote(String file) {
    MosquittoConf conf = MosquittoConf.read(file);

    // a bind address such as 127.0.0.1 would shut out the other containers
    assertThat(conf.value("listener")).matches("\\d+");
    assertThat(conf.value("persistence")).isEqualTo("true");
    assertThat(conf.value("persistence_location")).isEqualTo("/mosquitto/data/");
    assertThat(conf.value("max_queued_messages")).isEqualTo("0");
    assertThat(conf.value("max_inflight_messages")).isEqualTo("1000");
    assertThat(conf.value("set_tcp_nodelay")).isEqualTo("true");
    assertThat(conf.value("log_dest")).isEqualTo("stdout");
  }

  @Test
  void secureConf_isMosquittoConfWithTlsOnlyLoginsAndAnAcl() {
    Map<String, List<String>> plain =
        new LinkedHashMap<>(MosquittoConf.read("mosquitto/mosquitto.conf").settings());
    Map<String, List<String>> secure =
        new LinkedHashMap<>(MosquittoConf.read("mosquitto/secure.conf").settings());

    assertThat(plain.remove("allow_anonymous")).containsExactly("true");
    assertThat(secure.remove("allow_anonymous")).containsExactly("false");
    assertThat(secure.remove("password_file")).containsExactly("/mosquitto/config/passwords");
    assertThat(secure.remove("acl_file")).containsExactly("/mosquitto/config/acl");
    assertThat(plain.remove("listener")).containsExactly("1883");
    assertThat(secure.remove("listener")).containsExactly("8883");
    assertThat(secure.remove("cafile")).containsExactly("/mosquitto/config/tls/ca.crt");
    assertThat(secure.remove("certfile")).containsExactly("/mosquitto/config/tls/broker.crt");
    assertThat(secure.remove("keyfile")).containsExactly("/mosquitto/config/tls/broker.key");
    assertThat(secure).isEqualTo(plain);
  }
}
