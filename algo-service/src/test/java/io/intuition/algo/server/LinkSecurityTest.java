package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkSecurityTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "tcp://127.0.0.1:4242",
        "tcp://127.0.0.1:*",
        "tcp://localhost:4242",
        "tcp://[::1]:4242",
        "ipc:///tmp/algo",
        "inproc://algo"
      })
  void isLoopback_addressOnlyThisHostReaches_isTrue(String address) {
    assertThat(LinkSecurity.isLoopback(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tcp://0.0.0.0:4242",
        "tcp://*:4242",
        "tcp://[::]:4242",
        "tcp://10.1.2.3:4242",
        "tcp://no-such-host.invalid:4242"
      })
  void isLoopback_addressOthersMayReach_isFalse(String address) {
    assertThat(LinkSecurity.isLoopback(address)).isFalse();
  }
}
