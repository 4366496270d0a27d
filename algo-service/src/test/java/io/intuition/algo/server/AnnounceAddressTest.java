package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AnnounceAddressTest {
  @Test
  void of_wildcardBind_isTheHostNameAndTheBoundPort() throws Exception {
    String host = InetAddress.getLocalHost().getHostName();

    assertThat(AnnounceAddress.of(null, "tcp://0.0.0.0:4242")).isEqualTo("tcp://" + host + ":4242");
    assertThat(AnnounceAddress.of(null, "tcp://*:4243")).isEqualTo("tcp://" + host + ":4243");
  }

  @Test
  void of_specificBind_isTheBoundAddress() {
    assertThat(AnnounceAddress.of(null, "tcp://127.0.0.1:4242")).isEqualTo("tcp://127.0.0.1:4242");
  }

  @Test
  void of_givenHostWithoutPort_takesTheBoundPort() {
    assertThat(AnnounceAddress.of("algo-1.example", "tcp://0.0.0.0:4242"))
        .isEqualTo("tcp://algo-1.example:4242");
  }

  @Test
  void of_givenHostAndPort_isThatAddress() {
    assertThat(AnnounceAddress.of("10.0.0.7:5000", "tcp://0.0.0.0:4242"))
        .isEqualTo("tcp://10.0.0.7:5000");
    assertThat(AnnounceAddress.of("tcp://algo:5000", "tcp://0.0.0.0:4242"))
        .isEqualTo("tcp://algo:5000");
  }

  @Test
  void of_malformed_namesTheOptionAndTheValue() {
    assertThatThrownBy(() -> AnnounceAddress.of("host:port", "tcp://0.0.0.0:4242"))
        .hasMessage(
            "--announce-addr must be HOST or HOST:PORT, such as algo-1.example:4242, but was"
                + " \"host:port\"");
    assertThatThrownBy(() -> AnnounceAddress.of("host/x", "tcp://0.0.0.0:4242"))
        .hasMessageStartingWith("--announce-addr must be HOST or HOST:PORT");
  }
}
