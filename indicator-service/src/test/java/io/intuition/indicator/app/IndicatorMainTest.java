package io.intuition.indicator.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IndicatorMainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void help_listsEveryOptionTheVariablesAndTheExitCodes() {
    assertThat(execute("--help")).isZero();

    assertThat(out.toString())
        .contains("Usage: indicator-service", "-m, --mqtt", "--channels", "--sma", "--ema")
        .contains("--topic-prefix", "--max-symbols", "--max-held", "--client-id", "--ca-file")
        .contains("INDICATOR_MQTT", "INDICATOR_CHANNELS", "INDICATOR_SMA", "INDICATOR_EMA")
        .contains("INDICATOR_PASSWORD", "Exit codes:", "retained");
    assertThat(out.toString()).containsPattern("(?m)^\\s+4\\s+the broker refused");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void version_printsNameVersionAndDescription() {
    assertThat(execute("--version")).isZero();

    assertThat(out.toString().lines().toList())
        .satisfiesExactly(
            line -> assertThat(line).matches("indicator-service \\d+\\.\\d+\\.\\d+\\S*"),
            line -> assertThat(line).startsWith("Computes moving averages"));
  }

  @Test
  void windowOutOfRange_printsOneLineAndExitsTwo() {
    assertThat(execute("--sma", "5,0")).isEqualTo(2);

    assertThat(err.toString())
        .isEqualTo("indicator-service: --sma windows must be between 1 and 1000, but was 0\n");
  }

  @Test
  void windowNotANumber_exitsTwo() {
    assertThat(execute("--ema", "x")).isEqualTo(2);

    assertThat(err.toString()).contains("--ema windows must be whole numbers, but was \"x\"");
  }

  @Test
  void noWindowAtAll_exitsTwo() {
    assertThat(execute("--sma", "none", "--ema", "none")).isEqualTo(2);

    assertThat(err.toString()).contains("at least one --sma or --ema window is needed");
  }

  @Test
  void malformedMqttUrl_exitsTwo() {
    assertThat(execute("--mqtt", "http://x")).isEqualTo(2);

    assertThat(err.toString()).startsWith("indicator-service: ").doesNotContain("Exception");
  }

  @Test
  void wildcardTopicPrefix_exitsTwo() {
    assertThat(execute("--topic-prefix", "ind/#")).isEqualTo(2);
  }

  @Test
  void defaultClientId_isStable() {
    assertThat(IndicatorMain.defaultClientId())
        .isEqualTo(IndicatorMain.defaultClientId())
        .matches("indicator-[0-9a-f]{8}");
  }

  private int execute(String... args) {
    return new CommandLine(new IndicatorMain())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }
}
