package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.rpc.curve.CurveKeyPair;
import io.intuition.common.rpc.curve.KeyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The CURVE options and the keygen command, through the command line. */
class CurveCommandLineTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path folder;

  @Test
  void help_listsTheCurveOptionsAndKeygen() {
    assertThat(execute("--help")).isZero();

    assertThat(out.toString()).contains("--curve-secret-key-file", "--curve-clients", "keygen");
  }

  @ParameterizedTest
  @CsvSource({
    "--curve-secret-key-file, --curve-clients",
    "--curve-clients, --curve-secret-key-file"
  })
  void oneCurveOptionWithoutTheOther_namesTheMissingOneAndExitsTwo(String given, String missing) {
    assertThat(execute("--addr", "tcp://127.0.0.1:*", given, folder.toString())).isEqualTo(2);

    assertThat(err.toString())
        .isEqualTo("algo-service: " + missing + " is required with " + given + "\n");
  }

  @Test
  void missingSecretKeyFile_namesTheOptionAndThePathAndExitsTwo() {
    Path missing = folder.resolve("algo.key_secret");

    assertThat(
            execute(
                "--addr",
                "tcp://127.0.0.1:*",
                "--curve-secret-key-file",
                missing.toString(),
                "--curve-clients",
                folder.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("algo-service: --curve-secret-key-file " + missing + ": no such file\n");
  }

  @Test
  void clientsFolderWithoutKeys_namesTheOptionAndTheFolderAndExitsTwo() throws IOException {
    Path secret = KeyFiles.write(folder, "algo", CurveKeyPair.generate(), false).secretFile();
    Path clients = Files.createDirectory(folder.resolve("clients"));

    assertThat(
            execute(
                "--addr",
                "tcp://127.0.0.1:*",
                "--curve-secret-key-file",
                secret.toString(),
                "--curve-clients",
                clients.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "algo-service: --curve-clients " + clients + ": has no public key file (*.key)\n");
  }

  @Test
  void keygen_writesAKeyPairAndPrintsThePublicKey() throws IOException {
    assertThat(execute("keygen", "--out", folder.toString(), "bridge")).isZero();

    CurveKeyPair pair = KeyFiles.readKeyPair(folder.resolve("bridge.key_secret"));
    assertThat(KeyFiles.readPublicKey(folder.resolve("bridge.key"))).isEqualTo(pair.publicKey());
    assertThat(out.toString())
        .startsWith("public key " + pair.publicKey() + "\n")
        .contains(folder.resolve("bridge.key").toString())
        .doesNotContain(pair.secretKey());
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve("bridge.key_secret"))))
        .isEqualTo("rw-------");
  }

  @Test
  void keygen_overExistingFiles_refusesUnlessForced() throws IOException {
    assertThat(execute("keygen", "--out", folder.toString(), "algo")).isZero();
    String first = Files.readString(folder.resolve("algo.key_secret"));

    assertThat(execute("keygen", "--out", folder.toString(), "algo")).isEqualTo(1);
    assertThat(err.toString()).contains("algo.key", "exists: pass --force to replace it");
    assertThat(Files.readString(folder.resolve("algo.key_secret"))).isEqualTo(first);

    assertThat(execute("keygen", "--out", folder.toString(), "--force", "algo")).isZero();
    assertThat(Files.readString(folder.resolve("algo.key_secret"))).isNotEqualTo(first);
  }

  @Test
  void keygen_nameWithASlash_isRefusedWithExitTwo() {
    assertThat(execute("keygen", "--out", folder.toString(), "../algo")).isEqualTo(2);

    assertThat(err.toString()).startsWith("keygen: NAME must be");
  }

  @Test
  void portfolio_serverKeyWithoutSecretKeyFile_namesTheMissingOptionAndExitsTwo() {
    String key = CurveKeyPair.generate().publicKey();

    assertThat(execute("portfolio", "tcp://127.0.0.1:1", "--curve-server-key", key)).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("portfolio: --curve-secret-key-file is required with --curve-server-key\n");
  }

  private int execute(String... args) {
    return new CommandLine(new AlgoMain())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }
}
