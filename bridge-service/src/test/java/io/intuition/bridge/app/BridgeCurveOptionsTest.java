package io.intuition.bridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The bridge's CURVE options, through the command line. */
class BridgeCurveOptionsTest {
  private static final String SERVER_KEY = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";

  private static final Path NO_FILE = Path.of("target", "no-such-folder", "bridge.key_secret");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void serverKeyWithoutSecretKeyFile_namesTheMissingOptionAndExitsTwo() {
    assertThat(execute("--curve-server-key", SERVER_KEY)).isEqualTo(2);

    assertThat(err.toString())
        .isEqualTo("bridge-service: --curve-secret-key-file is required with --curve-server-key\n");
  }

  @Test
  void serverKeyThatIsNeitherAKeyNorAFile_isNamedAndExitsTwo() {
    assertThat(
            execute(
                "--curve-server-key", "algo.pub", "--curve-secret-key-file", NO_FILE.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "bridge-service: --curve-server-key algo.pub: neither a key in Z85 (40 characters)"
                + " nor a key file: no such file\n");
  }

  @Test
  void missingSecretKeyFile_namesItAndExitsTwo() {
    assertThat(
            execute(
                "--curve-server-key", SERVER_KEY, "--curve-secret-key-file", NO_FILE.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("bridge-service: --curve-secret-key-file " + NO_FILE + ": no such file\n");
  }

  @Test
  void help_listsTheCurveOptionsWithTheirEnvironmentVariables() {
    assertThat(execute("--help")).isZero();

    assertThat(out.toString())
        .contains("--curve-server-key=KEY", "BRIDGE_CURVE_SERVER_KEY")
        .contains("--curve-secret-key-file=FILE", "BRIDGE_CURVE_SECRET_KEY_FILE");
  }

  private int execute(String... args) {
    return new CommandLine(new BridgeMain())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }
}
