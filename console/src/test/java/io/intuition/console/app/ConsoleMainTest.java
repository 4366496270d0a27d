package io.intuition.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConsoleMainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    return new CommandLine(new ConsoleMain())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void help_listsTheOptionsTheirVariablesAndTheExitCodes() {
    assertThat(execute("--help")).isZero();

    assertThat(out.toString())
        .contains("Usage: console", "-m, --mqtt", "--http-port", "--http-addr", "--orders-topic")
        .contains("--indicators-prefix", "--algo-rpc", "--metrics", "--book-every")
        .contains("--scrape-every", "--max-orders", "--curve-server-key")
        .contains("--curve-secret-key-file", "--client-id", "Exit codes:")
        .contains("CONSOLE_MQTT", "CONSOLE_HTTP_PORT", "CONSOLE_ALGO_RPC", "default 8080")
        .contains("default 127.0.0.1", "default 500");
  }

  @Test
  void version_printsTheNameAndVersion() {
    assertThat(execute("--version")).isZero();

    assertThat(out.toString()).startsWith("console ");
  }

  @Test
  void unknownOption_exitsTwo() {
    assertThat(execute("--no-such-option")).isEqualTo(2);

    assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
  }

  @Test
  void portOutOfRange_printsOneLineAndExitsTwo() {
    assertThat(execute("--http-port", "70000")).isEqualTo(2);

    assertThat(err.toString())
        .isEqualTo("console: --http-port must be 0 to 65535, but was 70000\n");
  }

  @Test
  void portNotANumber_exitsTwo() {
    assertThat(execute("--http-port", "x")).isEqualTo(2);

    assertThat(err.toString()).contains("--http-port");
  }

  @Test
  void maxOrdersZero_exitsTwo() {
    assertThat(execute("--max-orders", "0")).isEqualTo(2);

    assertThat(err.toString()).isEqualTo("console: --max-orders must be positive, but was 0\n");
  }

  @Test
  void algoRpcWithoutTcp_exitsTwo() {
    assertThat(execute("--algo-rpc", "localhost:4242")).isEqualTo(2);

    assertThat(err.toString()).contains("--algo-rpc addresses must start with tcp://");
  }

  @Test
  void curveServerKeyAlone_exitsTwoNamingTheOptionMissing() {
    assertThat(execute("--curve-server-key", "abc")).isEqualTo(2);

    assertThat(err.toString()).contains("--curve-secret-key-file is required");
  }
}
