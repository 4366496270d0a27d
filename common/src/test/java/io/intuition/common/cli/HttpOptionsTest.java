package io.intuition.common.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class HttpOptionsTest {
  @Command(name = "svc", mixinStandardHelpOptions = true)
  static final class Service implements Callable<Integer> {
    @Mixin HttpOptions http;

    Service(Map<String, String> environment) {
      http = new HttpOptions("SVC", environment::get);
    }

    @Override
    public Integer call() {
      return 0;
    }
  }

  private static Service parse(Map<String, String> environment, String... args) {
    Service service = new Service(environment);
    new CommandLine(service).parseArgs(args);
    return service;
  }

  @Test
  void noPort_isOff_onTheLoopback() {
    Service service = parse(Map.of());

    assertThat(service.http.given()).isFalse();
    assertThat(service.http.addr).isEqualTo("127.0.0.1");
  }

  @Test
  void portAndAddress_fromThePrefixedVariables() {
    Service service = parse(Map.of("SVC_HTTP_PORT", "9100", "SVC_HTTP_ADDR", "0.0.0.0"));

    assertThat(service.http.port).isEqualTo(9100);
    assertThat(service.http.addr).isEqualTo("0.0.0.0");
  }

  @Test
  void option_overridesTheVariable() {
    Service service = parse(Map.of("SVC_HTTP_PORT", "9100"), "--http-port", "0");

    assertThat(service.http.port).isZero();
    assertThat(service.http.given()).isTrue();
  }

  @Test
  void portOutOfRange_isRefusedNamingTheOption() {
    Service service = parse(Map.of(), "--http-port", "70000");

    assertThatThrownBy(service.http::check)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--http-port must be 0 to 65535, but was 70000");
  }

  @Test
  void help_namesThePrefixedVariables() {
    StringWriter out = new StringWriter();
    int code =
        new CommandLine(new Service(Map.of())).setOut(new PrintWriter(out)).execute("--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("env SVC_HTTP_PORT")
        .contains("env SVC_HTTP_ADDR, default 127.0.0.1")
        .contains("SVC_HTTP_ADVERTISE");
  }

  @Test
  void advertised_noAdvertiseOnAnInterface_isThatInterfaceWithTheBoundPort() {
    assertThat(HttpOptions.advertised(null, "127.0.0.1", 9101, () -> "vm"))
        .isEqualTo("http://127.0.0.1:9101");
  }

  @Test
  void advertised_noAdvertiseOnAWildcard_isTheHostName() {
    assertThat(HttpOptions.advertised(null, "0.0.0.0", 9101, () -> "vm"))
        .isEqualTo("http://vm:9101");
    assertThat(HttpOptions.advertised(null, "::", 9101, () -> "vm")).isEqualTo("http://vm:9101");
  }

  @Test
  void advertised_givenHost_winsOverTheInterface() {
    assertThat(HttpOptions.advertised("bridge", "0.0.0.0", 9102, () -> "vm"))
        .isEqualTo("http://bridge:9102");
  }

  @Test
  void advertised_ipv6Literal_isBracketed() {
    assertThat(HttpOptions.advertised(null, "::1", 9101, () -> "vm"))
        .isEqualTo("http://[::1]:9101");
  }

  @Test
  void advertised_endpointOff_isNull() {
    assertThat(parse(Map.of()).http.advertised(null)).isNull();
  }

  @Test
  void advertised_boundEndpoint_carriesTheBoundPort() {
    Service service = parse(Map.of("SVC_HTTP_ADVERTISE", "svc-1"), "--http-port", "0");

    try (var ops = service.http.bind()) {
      assertThat(service.http.advertised(ops))
          .isEqualTo("http://svc-1:" + ops.address().getPort())
          .doesNotEndWith(":0");
    }
  }

  @Test
  void advertiseNotAHost_isRefusedNamingTheOption() {
    Service service = parse(Map.of(), "--http-advertise", "http://x/");

    assertThatThrownBy(service.http::check)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--http-advertise must be a host name or address");
  }
}
