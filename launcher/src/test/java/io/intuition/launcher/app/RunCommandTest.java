package io.intuition.launcher.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void help_listsEveryOptionAndTheEnvironment() {
    int status = execute("--help");

    assertThat(status).isZero();
    assertThat(out.toString())
        .contains("--mqtt=URL", "--algo=NAME", "--duration=SECONDS", "--rate=N", "--run-dir=DIR")
        .contains("--console-port=PORT", "console")
        .contains("INTUITION_JAVA_OPTS", "INTUITION_NO_MOSQUITTO")
        .contains("mqtt://localhost:1883");
  }

  @Test
  void algo_unknown_isAUsageError() {
    int status = execute("--algo", "momentum");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("run.sh: --algo must be sma-cross or random, but was 'momentum'")
        .contains("Usage:");
  }

  @Test
  void duration_zero_isAUsageError() {
    int status = execute("--duration", "0");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("--duration must be a whole number of seconds above 0, but was '0'");
  }

  @Test
  void rate_zero_isAUsageError() {
    int status = execute("--rate", "0.0");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--rate must be a number above 0, but was '0.0'");
  }

  @Test
  void mqtt_notAnMqttUrl_isAUsageError() {
    int status = execute("--mqtt", "http://localhost");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("--mqtt must be mqtt://host[:port] or tcp://host[:port], but was");
  }

  @Test
  void mqtt_portOutOfRange_isAUsageError() {
    int status = execute("--mqtt", "mqtt://localhost:70000");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("the port in --mqtt must be between 1 and 65535, but was 70000");
  }

  @Test
  void consolePort_outOfRange_isAUsageError() {
    int status = execute("--console-port", "70000");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--console-port must be 0 to 65535, but was 70000");
  }

  @Test
  void unknownArgument_isAUsageError() {
    int status = execute("--colour");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--colour'");
  }

  @Test
  void run_remoteBrokerNotListening_failsWithoutStartingAnything(@TempDir Path temp)
      throws IOException {
    Path runDir = temp.resolve("run");
    String mqtt = "mqtt://0.0.0.0:" + freePort();

    int status = execute("--mqtt", mqtt, "--run-dir", runDir.toString(), "--root", temp.toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("run.sh: nothing listens at 0.0.0.0:");
    assertThat(out.toString()).contains("run.sh: logs are in " + runDir.toRealPath());
    assertThat(Files.readString(runDir.resolve("pids"))).isEmpty();
  }

  @Test
  void launcher_withoutACommand_listsRun() {
    StringWriter help = new StringWriter();
    int status =
        new CommandLine(new LauncherMain()).setOut(new PrintWriter(help)).execute("--help");

    assertThat(status).isZero();
    assertThat(help.toString()).contains("run");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private int execute(String... args) {
    RunCommand command = new RunCommand(Map.of("INTUITION_LAUNCHED_AS", "run.sh"));
    return new CommandLine(command)
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }
}
