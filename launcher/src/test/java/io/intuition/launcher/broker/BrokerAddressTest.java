package io.intuition.launcher.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrokerAddressTest {
  @Test
  void parse_withoutPort_takes1883() {
    assertThat(BrokerAddress.parse("mqtt://localhost"))
        .isEqualTo(new BrokerAddress("localhost", 1883));
  }

  @Test
  void parse_tcpWithPort_readsBoth() {
    assertThat(BrokerAddress.parse("tcp://10.0.0.5:11883/"))
        .isEqualTo(new BrokerAddress("10.0.0.5", 11883));
  }

  @Test
  void parse_otherScheme_isRefusedWithTheUrl() {
    assertThatThrownBy(() -> BrokerAddress.parse("ws://localhost:1883"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ws://localhost:1883'");
  }

  @Test
  void isLocal_loopbackAndLocalhost_only() {
    assertThat(new BrokerAddress("localhost", 1).isLocal()).isTrue();
    assertThat(new BrokerAddress("127.0.0.2", 1).isLocal()).isTrue();
    assertThat(new BrokerAddress("mosquitto", 1).isLocal()).isFalse();
  }

  @Test
  void listenHost_localhost_isTheLoopbackAddress() {
    assertThat(new BrokerAddress("localhost", 1883).listenHost()).isEqualTo("127.0.0.1");
  }
}
