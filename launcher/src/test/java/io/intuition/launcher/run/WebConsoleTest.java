package io.intuition.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class WebConsoleTest {
  @Test
  void port_noneAskedFor_is8080WhenFree() {
    assertThat(WebConsole.port(null, port -> true)).isEqualTo(8080);
  }

  @Test
  void port_noneAskedFor8080Taken_isAnotherFreePort() {
    int port = WebConsole.port(null, taken -> false);

    assertThat(port).isPositive().isNotEqualTo(8080);
  }

  @Test
  void port_askedFor_isThatOneEvenWhenTaken() {
    assertThat(WebConsole.port(9999, port -> false)).isEqualTo(9999);
  }

  @Test
  void port_zero_isAFreePortFoundHere() {
    assertThat(WebConsole.port(0, port -> true)).isPositive().isNotEqualTo(8080);
  }

  @Test
  void isFree_portListenedOn_isFalse() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(WebConsole.isFree(socket.getLocalPort())).isFalse();
    }
  }
}
