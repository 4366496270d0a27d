package io.intuition.common.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PemFilesTest {
  private static final String CONVERT = "openssl pkcs8 -topk8 -nocrypt -in ";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "EC", "Ed25519"})
  void privateKey_pkcs8_isRead(String algorithm) throws Exception {
    PrivateKey key = generate(algorithm);

    PrivateKey read = PemFiles.privateKey(pem("key.pem", "PRIVATE KEY", key.getEncoded()));

    assertThat(read.getEncoded()).isEqualTo(key.getEncoded());
  }

  @Test
  void privateKey_rsaInPkcs1_isRead() throws Exception {
    PrivateKey key = generate("RSA");

    PrivateKey read = PemFiles.privateKey(pem("key.pem", "RSA PRIVATE KEY", pkcs1(key)));

    assertThat(read.getEncoded()).isEqualTo(key.getEncoded());
  }

  @Test
  void privateKey_afterTheCertificateInTheSameFile_isFound() throws Exception {
    PrivateKey key = generate("EC");
    Path file = dir.resolve("both.pem");
    Files.writeString(
        file, block("CERTIFICATE", new byte[] {1, 2, 3}) + block("PRIVATE KEY", key.getEncoded()));

    assertThat(PemFiles.privateKey(file).getEncoded()).isEqualTo(key.getEncoded());
  }

  @Test
  void privateKey_ecInOpenSslsOwnForm_saysHowToConvertIt() throws IOException {
    Path file = pem("ec.pem", "EC PRIVATE KEY", new byte[] {1, 2, 3});

    assertThatThrownBy(() -> PemFiles.privateKey(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("key file " + file + " is an EC key in OpenSSL's own form")
        .hasMessageEndingWith(CONVERT + file + " -out " + file + ".pkcs8.pem");
  }

  @Test
  void privateKey_encryptedPkcs8_saysHowToConvertIt() throws IOException {
    Path file = pem("enc.pem", "ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3});

    assertThatThrownBy(() -> PemFiles.privateKey(file))
        .hasMessageStartingWith("key file " + file + " is encrypted with a passphrase")
        .hasMessageContaining(CONVERT + file);
  }

  @Test
  void privateKey_encryptedPkcs1_saysHowToConvertIt() throws IOException {
    Path file = dir.resolve("enc-rsa.pem");
    Files.writeString(
        file,
        """
        -----BEGIN RSA PRIVATE KEY-----
        Proc-Type: 4,ENCRYPTED
        DEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF

        AAAA
        -----END RSA PRIVATE KEY-----
        """);

    assertThatThrownBy(() -> PemFiles.privateKey(file))
        .hasMessageStartingWith("key file " + file + " is encrypted with a passphrase")
        .hasMessageContaining(CONVERT + file);
  }

  @Test
  void privateKey_missingFile_saysSo() {
    Path missing = dir.resolve("missing.pem");

    assertThatThrownBy(() -> PemFiles.privateKey(missing))
        .hasMessage("cannot read key file " + missing + ": no such file");
  }

  @Test
  void privateKey_onlyACertificate_saysThereIsNoKey() throws IOException {
    Path file = pem("cert.pem", "CERTIFICATE", new byte[] {1, 2, 3});

    assertThatThrownBy(() -> PemFiles.privateKey(file))
        .hasMessage("key file " + file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
  }

  @Test
  void privateKey_garbledBase64_isNotValidPem() throws IOException {
    Path file = dir.resolve("garbled.pem");
    Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n");

    assertThatThrownBy(() -> PemFiles.privateKey(file))
        .hasMessageStartingWith("key file " + file + " is not valid PEM");
  }

  @Test
  void privateKey_pkcs8OfNoKnownAlgorithm_saysWhichAreRead() throws IOException {
    Path file = pem("odd.pem", "PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00});

    assertThatThrownBy(() -> PemFiles.privateKey(file))
        .hasMessage("key file " + file + " holds a PKCS#8 key that is neither RSA, EC nor EdDSA");
  }

  @Test
  void certificates_fileWithoutCertificate_saysSo() throws Exception {
    Path file = pem("key.pem", "PRIVATE KEY", generate("EC").getEncoded());

    assertThatThrownBy(() -> PemFiles.certificates(file, "CA file"))
        .hasMessage("CA file " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
  }

  @Test
  void certificates_garbledCertificate_cannotBeRead() throws IOException {
    Path file = pem("cert.pem", "CERTIFICATE", new byte[] {1, 2, 3});

    assertThatThrownBy(() -> PemFiles.certificates(file, "certificate file"))
        .hasMessageStartingWith(
            "certificate file " + file + " holds a certificate that cannot be read");
  }

  @Test
  void certificates_missingFile_saysSo() {
    Path missing = dir.resolve("ca.pem");

    assertThatThrownBy(() -> PemFiles.certificates(missing, "CA file"))
        .hasMessage("cannot read CA file " + missing + ": no such file");
  }

  @Test
  void fromPem_certificateWithoutKey_needsBoth() {
    assertThatThrownBy(() -> MqttTls.fromPem(null, dir.resolve("cert.pem"), null, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give both files or none");
  }

  @Test
  void fromPem_nothingButNoHostNameVerification_keepsTheJvmTrustStore() {
    MqttTls tls = MqttTls.fromPem(null, null, null, false);

    assertThat(tls.verifyHostname()).isFalse();
    assertThat(tls.caFile()).isEmpty();
    assertThat(tls.isJvmDefault()).isFalse();
    assertThat(MqttTls.fromPem(null, null, null, true).isJvmDefault()).isTrue();
  }

  private Path pem(String name, String label, byte[] der) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, block(label, der), StandardCharsets.US_ASCII);
    return file;
  }

  private static String block(String label, byte[] der) {
    String body =
        new String(
            Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(der), StandardCharsets.US_ASCII);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  private static PrivateKey generate(String algorithm) throws NoSuchAlgorithmException {
    return KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPrivate();
  }

  /** The PKCS#1 key inside a PKCS#8 RSA key: the octet string after the algorithm. */
  private static byte[] pkcs1(PrivateKey key) {
    byte[] der = key.getEncoded();
    int at = 4 + 3 + 15; // outer SEQUENCE with a 2-byte length, version, algorithm
    assertThat(der[at]).as("octet string").isEqualTo((byte) 0x04);
    int lengthBytes = der[at + 1] & 0x7f;
    int start = at + 2 + lengthBytes;
    return Arrays.copyOfRange(der, start, der.length);
  }
}
