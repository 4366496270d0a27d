package io.intuition.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A throwaway certificate authority for tests, made with {@code openssl} in a directory of the
 * test's: its CA certificate, and server and client certificates it signs, valid for two days. Keys
 * are unencrypted PEM: EC P-256 in PKCS#8 ({@code BEGIN PRIVATE KEY}) unless asked for RSA in
 * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}).
 */
public final class TestPki {
  private static final long OPENSSL_TIMEOUT_S = 60;

  /** How a key is made and written. */
  public enum KeyType {
    /** EC P-256 in PKCS#8, as OpenSSL 3 writes every new key. */
    EC_PKCS8,
    /** RSA 2048 in PKCS#1, as OpenSSL 1.x wrote RSA keys. */
    RSA_PKCS1
  }

  /**
   * A certificate and its private key.
   *
   * @param cert the certificate, PEM
   * @param key its private key, PEM
   */
  public record Issued(Path cert, Path key) {}

  private final Path directory;
  private final String name;

  private TestPki(Path directory, String name) {
    this.directory = directory;
    this.name = name;
  }

  /**
   * Makes a CA called {@code name} in {@code directory}: {@code name-ca.pem} and its key.
   *
   * @throws AssertionError with openssl's output if openssl fails
   */
  public static TestPki create(Path directory, String name) {
    TestPki pki = new TestPki(directory, name);
    pki.openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        pki.caKey().toString(),
        "-out",
        pki.caFile().toString(),
        "-days",
        "2",
        "-subj",
        "/CN=" + name + " test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign");
    return pki;
  }

  /** The CA's certificate, PEM: what clients and brokers trust. */
  public Path caFile() {
    return directory.resolve(name + "-ca.pem");
  }

  /**
   * A server certificate for {@code hosts}: host names, or IP addresses such as {@code 127.0.0.1}.
   */
  public Issued server(String certName, String... hosts) {
    String names =
        Stream.of(hosts)
            .map(host -> (host.matches("[0-9.]+|.*:.*") ? "IP:" : "DNS:") + host)
            .collect(Collectors.joining(","));
    return issue(certName, KeyType.EC_PKCS8, "subjectAltName=" + names, "serverAuth");
  }

  /** A client certificate for {@code certName}, its key EC in PKCS#8. */
  public Issued client(String certName) {
    return client(certName, KeyType.EC_PKCS8);
  }

  /** A client certificate for {@code certName}, its key of {@code keyType}. */
  public Issued client(String certName, KeyType keyType) {
    return issue(certName, keyType, "subjectAltName=DNS:" + certName, "clientAuth");
  }

  private Issued issue(String certName, KeyType keyType, String altNames, String usage) {
    Path key = directory.resolve(name + "-" + certName + ".key");
    Path request = directory.resolve(name + "-" + certName + ".csr");
    Path extensions = directory.resolve(name + "-" + certName + ".ext");
    Path cert = directory.resolve(name + "-" + certName + ".pem");
    if (keyType == KeyType.RSA_PKCS1) {
      openssl("genrsa", "-traditional", "-out", key.toString(), "2048");
    } else {
      openssl(
          "genpkey",
          "-algorithm",
          "EC",
          "-pkeyopt",
          "ec_paramgen_curve:prime256v1",
          "-out",
          key.toString());
    }
    openssl(
        "req",
        "-new",
        "-key",
        key.toString(),
        "-out",
        request.toString(),
        "-subj",
        "/CN=" + certName);
    write(extensions, altNames + "\nextendedKeyUsage=" + usage + "\n");
    openssl(
        "x509",
        "-req",
        "-in",
        request.toString(),
        "-CA",
        caFile().toString(),
        "-CAkey",
        caKey().toString(),
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        extensions.toString(),
        "-out",
        cert.toString());
    return new Issued(cert, key);
  }

  private Path caKey() {
    return directory.resolve(name + "-ca.key");
  }

  private void openssl(String... args) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    try {
      Path output = Files.createTempFile(directory, "openssl-", ".out");
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(OPENSSL_TIMEOUT_S, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish in time");
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            command + " exited " + process.exitValue() + ":\n" + Files.readString(output));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
