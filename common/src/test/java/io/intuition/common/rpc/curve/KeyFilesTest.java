package io.intuition.common.rpc.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
  private final CurveKeyPair pair = CurveKeyPair.generate();
  @TempDir Path folder;

  @Test
  void write_thenRead_givesThePairBackAndTheSecretFileIsOwnerOnly() throws IOException {
    KeyFiles.Written written = KeyFiles.write(folder, "algo", pair, false);

    assertThat(written.publicFile()).isEqualTo(folder.resolve("algo.key"));
    assertThat(written.secretFile()).isEqualTo(folder.resolve("algo.key_secret"));
    assertThat(KeyFiles.readKeyPair(written.secretFile())).isEqualTo(pair);
    assertThat(KeyFiles.readPublicKey(written.publicFile())).isEqualTo(pair.publicKey());
    assertThat(Files.readString(written.publicFile())).doesNotContain(pair.secretKey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written.secretFile())))
        .isEqualTo("rw-------");
  }

  @Test
  void write_overExistingFiles_isRefusedUnlessReplacing() throws IOException {
    KeyFiles.write(folder, "algo", pair, false);
    CurveKeyPair other = CurveKeyPair.generate();

    assertThatThrownBy(() -> KeyFiles.write(folder, "algo", other, false))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("algo.key");
    assertThat(KeyFiles.readKeyPair(folder.resolve("algo.key_secret"))).isEqualTo(pair);

    KeyFiles.write(folder, "algo", other, true);
    assertThat(KeyFiles.readKeyPair(folder.resolve("algo.key_secret"))).isEqualTo(other);
  }

  @Test
  void readKeyPair_ofACertificateWrittenByPyzmq_readsBothKeys() throws IOException {
    Path file = folder.resolve("client.key_secret");
    Files.writeString(
        file,
        "#   ****  Generated on 2024-05-01 10:00:00.000000 by pyzmq  ****\n"
            + "#   ZeroMQ CURVE **Secret** Certificate\n"
            + "#   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.\n"
            + "\n"
            + "metadata\n"
            + "curve\n"
            + "    public-key = \""
            + pair.publicKey()
            + "\"\n"
            + "    secret-key = \""
            + pair.secretKey()
            + "\"\n");

    assertThat(KeyFiles.readKeyPair(file)).isEqualTo(pair);
  }

  @Test
  void readKeyPair_ofAPublicKeyFile_saysItIsThePublicOne() throws IOException {
    Path file = KeyFiles.write(folder, "algo", pair, false).publicFile();

    assertRefused(
        () -> KeyFiles.readKeyPair(file),
        file + ": has no curve/secret-key: a public key file, not the .key_secret one?");
  }

  @Test
  void readKeyPair_missingFile_namesIt() {
    Path file = folder.resolve("nowhere.key_secret");

    assertRefused(() -> KeyFiles.readKeyPair(file), file + ": no such file");
  }

  @Test
  void readKeyPair_secretKeyOfAnotherPair_isRefused() throws IOException {
    Path file = folder.resolve("mixed.key_secret");
    Files.writeString(
        file,
        "curve\n    public-key = \""
            + pair.publicKey()
            + "\"\n    secret-key = \""
            + CurveKeyPair.generate().secretKey()
            + "\"\n");

    assertRefused(
        () -> KeyFiles.readKeyPair(file),
        file + ": the secret key does not belong to public key " + pair.publicKey());
  }

  @Test
  void readKeyPair_malformedFile_namesItWithoutShowingItsLines() throws IOException {
    Path file = folder.resolve("broken.key_secret");
    Files.writeString(file, "curve\n  \"secret-key\" " + pair.secretKey() + "\n");

    assertThatThrownBy(() -> KeyFiles.readKeyPair(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessageStartingWith(file + ": not a key file")
        .hasMessageNotContaining(pair.secretKey());
  }

  @Test
  void readKeyPair_keyThatIsNotZ85_namesTheField() throws IOException {
    Path file = folder.resolve("short.key_secret");
    Files.writeString(file, "curve\n    public-key = \"abc\"\n");

    assertRefused(
        () -> KeyFiles.readKeyPair(file),
        file + ": curve/public-key is not a key in Z85 (40 characters)");
  }

  @Test
  void readPublicKeys_readsTheKeyFilesAndNotTheSecretOnes() throws IOException {
    CurveKeyPair other = CurveKeyPair.generate();
    KeyFiles.write(folder, "bridge", pair, false);
    KeyFiles.write(folder, "portfolio", other, false);
    Files.writeString(folder.resolve("README"), "not a key");

    assertThat(KeyFiles.readPublicKeys(folder))
        .containsExactly(
            java.util.Map.entry(folder.resolve("bridge.key"), pair.publicKey()),
            java.util.Map.entry(folder.resolve("portfolio.key"), other.publicKey()));
  }

  @Test
  void readPublicKeys_folderWithoutKeyFiles_saysSo() {
    assertRefused(
        () -> KeyFiles.readPublicKeys(folder), folder + ": has no public key file (*.key)");
  }

  @Test
  void readPublicKeys_missingFolder_namesIt() {
    Path missing = folder.resolve("clients");

    assertRefused(() -> KeyFiles.readPublicKeys(missing), missing + ": no such directory");
  }

  @Test
  void keyPair_toString_showsThePublicKeyOnly() {
    assertThat(pair.toString()).contains(pair.publicKey()).doesNotContain(pair.secretKey());
  }

  @Test
  void serverKey_isTakenAsTextOrFromAKeyFile() throws IOException {
    Path file = KeyFiles.write(folder, "algo", pair, false).publicFile();

    assertThat(ClientCredentials.serverKey(pair.publicKey())).isEqualTo(pair.publicKey());
    assertThat(ClientCredentials.serverKey(file.toString())).isEqualTo(pair.publicKey());
    assertRefused(
        () -> ClientCredentials.serverKey("algo.pub"),
        "algo.pub: neither a key in Z85 (40 characters) nor a key file: no such file");
  }

  private static void assertRefused(ThrowingCallable read, String message) {
    assertThatThrownBy(read).isInstanceOf(KeyFileException.class).hasMessage(message);
  }
}
