package io.intuition.bench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SoakCommandTest {
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    return new CommandLine(new BenchMain()).setErr(new PrintWriter(err, true)).execute(args);
  }

  @Test
  void soak_zeroMinutes_isACommandLineError() {
    assertThat(execute("soak", "--minutes", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--minutes, --rate and --sample-seconds must be above 0");
  }

  @Test
  void soak_moreQuotesThanItCanRemember_isACommandLineError() {
    assertThat(execute("soak", "--minutes", "600", "--rate", "10000")).isEqualTo(2);
    assertThat(err.toString()).contains("--rate x --minutes must make 1 to 1000000 quotes");
  }

  @Test
  void soak_warmupAsLongAsTheRun_isACommandLineError() {
    assertThat(execute("soak", "--minutes", "1", "--warmup-seconds", "60")).isEqualTo(2);
    assertThat(err.toString()).contains("--warmup-seconds must be 0 or more and less than the run");
  }

  @Test
  void soak_brokerPidWithoutMqtt_isACommandLineError() {
    assertThat(execute("soak", "--broker-pid", "42")).isEqualTo(2);
    assertThat(err.toString()).contains("--broker-pid needs --mqtt");
  }

  @Test
  void soak_help_listsTheExitCodes() {
    StringWriter out = new StringWriter();

    int code =
        new CommandLine(new BenchMain()).setOut(new PrintWriter(out, true)).execute("soak", "-h");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("--minutes", "--rate", "--sample-seconds", "Exit codes:");
  }
}
