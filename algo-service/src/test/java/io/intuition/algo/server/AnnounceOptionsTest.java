package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The options of the algo's announcement on MQTT, refused before anything is bound. */
class AnnounceOptionsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void help_listsTheAnnouncingOptionsAndTheServicesCommand() {
    assertThat(execute("--help")).isZero();

    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("--mqtt=URL", "ALGO_MQTT, default none: no MQTT")
        .contains("--keep-alive=SECONDS", "ALGO_KEEP_ALIVE")
        .contains("--announce-addr=HOST[:PORT]", "ALGO_ANNOUNCE_ADDR")
        .contains("services/algo/NAME", "services ");
  }

  @Test
  void mqttWithANameThatIsNoTopicLevel_printsOneLineAndExitsTwo() {
    assertThat(
            execute("--addr", "tcp://127.0.0.1:*", "--mqtt", "mqtt://localhost:1", "--name", "a/1"))
        .isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly(
            "algo-service: --name must not hold '/', '+', '#' or control characters, but was a/1");
  }

  @Test
  void malformedAnnounceAddress_printsOneLineAndExitsTwo() {
    assertThat(
            execute(
                "--addr",
                "tcp://127.0.0.1:*",
                "--mqtt",
                "mqtt://localhost:1",
                "--announce-addr",
                "h:x"))
        .isEqualTo(2);

    assertThat(err.toString())
        .startsWith("algo-service: --announce-addr must be HOST or HOST:PORT");
  }

  @Test
  void nameThatIsNoTopicLevelWithoutMqtt_isOnlyTheRpcName() {
    AlgoMain app = new AlgoMain();
    new CommandLine(app).parseArgs("--name", "a/1");

    assertThat(app.mqtt.given()).isFalse();
  }

  private int execute(String... args) {
    return new CommandLine(new AlgoMain())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }
}
