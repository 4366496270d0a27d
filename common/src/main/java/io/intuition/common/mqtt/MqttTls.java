package io.intuition.common.mqtt;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * How an {@code mqtts://} connection trusts the broker and proves who it is: the CA certificates
 * that sign the broker's certificate (else the JVM's trust store), an optional client certificate
 * with its key, and whether the broker's certificate must name the host connected to. The files are
 * read once, when made; immutable after.
 */
public final class MqttTls {
  private static final char[] NO_PASSWORD = new char[0];
  private static final MqttTls JVM_DEFAULT = new MqttTls(null, null, null, true, null);

  private final Path caFile;
  private final Path certFile;
  private final Path keyFile;
  private final boolean verifyHostname;
  private final SSLContext context;

  private MqttTls(
      Path caFile, Path certFile, Path keyFile, boolean verifyHostname, SSLContext context) {
    this.caFile = caFile;
    this.certFile = certFile;
    this.keyFile = keyFile;
    this.verifyHostname = verifyHostname;
    this.context = context;
  }

  /** The JVM's trust store and key store ({@code javax.net.ssl.*}), the host name verified. */
  public static MqttTls jvmDefault() {
    return JVM_DEFAULT;
  }

  /**
   * Reads PEM files: X.509 certificates, and a private key in PKCS#8 ({@code BEGIN PRIVATE KEY}) or
   * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}).
   *
   * @param caFile the CA certificates the broker's certificate must chain to, or null for the JVM's
   *     trust store
   * @param certFile the client certificate, then any intermediate CA certificates, or null for none
   * @param keyFile the client certificate's private key, unencrypted, or null for none
   * @param verifyHostname whether the broker's certificate must name the host connected to
   * @throws IllegalArgumentException naming the file and the problem when a file cannot be read,
   *     holds no certificate or key, holds a key in a form not read (saying how to convert it) or a
   *     key not of the certificate; or when only one of {@code certFile} and {@code keyFile} is
   *     given
   */
  public static MqttTls fromPem(Path caFile, Path certFile, Path keyFile, boolean verifyHostname) {
    if ((certFile == null) != (keyFile == null)) {
      throw new IllegalArgumentException(
          "a client certificate needs its key and a key its certificate: give both files or none");
    }
    if (caFile == null && certFile == null) {
      return verifyHostname ? JVM_DEFAULT : new MqttTls(null, null, null, false, null);
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          certFile == null ? null : keyManagers(certFile, keyFile).getKeyManagers(),
          caFile == null ? null : trustManagers(caFile).getTrustManagers(),
          null);
      return new MqttTls(caFile, certFile, keyFile, verifyHostname, context);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The CA file, if not the JVM's trust store. */
  public Optional<Path> caFile() {
    return Optional.ofNullable(caFile);
  }

  /** The client certificate's file, if there is one. */
  public Optional<Path> certFile() {
    return Optional.ofNullable(certFile);
  }

  /** The client key's file, if there is one. */
  public Optional<Path> keyFile() {
    return Optional.ofNullable(keyFile);
  }

  /** Whether the broker's certificate must name the host connected to. */
  public boolean verifyHostname() {
    return verifyHostname;
  }

  /** Whether this is {@link #jvmDefault()}: nothing set beyond what any mqtts:// URL does. */
  public boolean isJvmDefault() {
    return this == JVM_DEFAULT;
  }

  /** The TLS sockets of these settings. */
  SSLSocketFactory socketFactory() {
    return context != null
        ? context.getSocketFactory()
        : (SSLSocketFactory) SSLSocketFactory.getDefault();
  }

  @Override
  public String toString() {
    return "MqttTls[ca="
        + (caFile != null ? caFile : "the JVM's trust store")
        + (certFile != null ? ", cert=" + certFile + ", key=" + keyFile : "")
        + (verifyHostname ? "" : ", host name not verified")
        + "]";
  }

  private static TrustManagerFactory trustManagers(Path caFile) throws GeneralSecurityException {
    KeyStore store = emptyStore();
    List<X509Certificate> certificates = PemFiles.certificates(caFile, "CA file");
    for (int i = 0; i < certificates.size(); i++) {
      store.setCertificateEntry("ca-" + i, certificates.get(i));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }

  private static KeyManagerFactory keyManagers(Path certFile, Path keyFile)
      throws GeneralSecurityException {
    List<X509Certificate> chain = PemFiles.certificates(certFile, "certificate file");
    PrivateKey key = PemFiles.privateKey(keyFile);
    PemFiles.requireMatch(key, chain.get(0), keyFile, certFile);
    KeyStore store = emptyStore();
    store.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, NO_PASSWORD);
    return factory;
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("an empty key store cannot fail to load", e);
    }
    return store;
  }
}
