package io.intuition.common.mqtt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificates and private keys from PEM files, with java.security alone: X.509 certificates, and
 * private keys in PKCS#8 ({@code BEGIN PRIVATE KEY}: RSA, EC or EdDSA) or PKCS#1 ({@code BEGIN RSA
 * PRIVATE KEY}). Every failure is an {@link IllegalArgumentException} naming the file and, for a
 * key it cannot read, how to convert it.
 */
final class PemFiles {
  /** How to turn any unencrypted private key that OpenSSL reads into PKCS#8. */
  static final String TO_PKCS8 = "openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pkcs8.pem";

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA");

  /** DER of PKCS#8's version 0 and the algorithm rsaEncryption, which wrap a PKCS#1 key. */
  private static final byte[] RSA_PKCS8_HEADER = {
    0x02,
    0x01,
    0x00,
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private PemFiles() {}

  /**
   * The certificates in {@code file}, in order.
   *
   * @param what what the file is for, as error messages name it, such as "CA file"
   * @throws IllegalArgumentException if the file cannot be read or holds no certificate
   */
  static List<X509Certificate> certificates(Path file, String what) {
    String text = read(file, what);
    if (!text.contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException(
          what + " " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    try {
      List<X509Certificate> certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)))
              .stream()
              .map(X509Certificate.class::cast)
              .toList();
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(what + " " + file + " holds no certificate");
      }
      return certificates;
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          what + " " + file + " holds a certificate that cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The private key in {@code file}.
   *
   * @throws IllegalArgumentException if the file cannot be read, holds no private key, or holds one
   *     in a form not read here (encrypted, or EC in OpenSSL's own form), saying how to convert it
   */
  static PrivateKey privateKey(Path file) {
    String what = "key file";
    Matcher block = BLOCK.matcher(read(file, what));
    while (block.find()) {
      String label = block.group(1);
      String body = block.group(2);
      switch (label) {
        case "PRIVATE KEY":
          return pkcs8(file, decode(file, body));
        case "RSA PRIVATE KEY":
          if (body.contains("ENCRYPTED")) {
            throw unreadable(file, "is encrypted with a passphrase");
          }
          return pkcs8(file, rsaPkcs8(decode(file, body)));
        case "EC PRIVATE KEY":
          throw unreadable(file, "is an EC key in OpenSSL's own form (BEGIN EC PRIVATE KEY)");
        case "ENCRYPTED PRIVATE KEY":
          throw unreadable(file, "is encrypted with a passphrase");
        default:
          // such as the certificate, when it shares the file: look on
      }
    }
    throw new IllegalArgumentException(
        what + " " + file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
  }

  /**
   * Checks that {@code key} is the private key of {@code certificate}.
   *
   * @throws IllegalArgumentException naming both files if it is not
   */
  static void requireMatch(PrivateKey key, X509Certificate certificate, Path keyFile, Path cert) {
    PublicKey publicKey = certificate.getPublicKey();
    if (!matches(key, publicKey)) {
      throw new IllegalArgumentException(
          "key file " + keyFile + " holds not the private key of certificate file " + cert);
    }
  }

  private static boolean matches(PrivateKey key, PublicKey publicKey) {
    if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
      return false;
    }
    if (key instanceof RSAKey rsa && publicKey instanceof RSAKey rsaPublic) {
      return rsa.getModulus().equals(rsaPublic.getModulus());
    }
    try {
      String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : key.getAlgorithm();
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static PrivateKey pkcs8(Path file, byte[] der) {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // not of this algorithm: try the next
      }
    }
    throw new IllegalArgumentException(
        "key file " + file + " holds a PKCS#8 key that is neither RSA, EC nor EdDSA");
  }

  /** A PKCS#1 RSA key wrapped as PKCS#8: version 0, rsaEncryption, the key as an octet string. */
  private static byte[] rsaPkcs8(byte[] pkcs1) {
    ByteArrayOutputStream info = new ByteArrayOutputStream();
    info.writeBytes(RSA_PKCS8_HEADER);
    info.write(0x04);
    info.writeBytes(derLength(pkcs1.length));
    info.writeBytes(pkcs1);
    ByteArrayOutputStream sequence = new ByteArrayOutputStream();
    sequence.write(0x30);
    sequence.writeBytes(derLength(info.size()));
    sequence.writeBytes(info.toByteArray());
    return sequence.toByteArray();
  }

  private static byte[] derLength(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;
    byte[] encoded = new byte[bytes + 1];
    encoded[0] = (byte) (0x80 | bytes);
    for (int i = 0; i < bytes; i++) {
      encoded[bytes - i] = (byte) (length >>> (8 * i));
    }
    return encoded;
  }

  private static byte[] decode(Path file, String body) {
    try {
      return Base64.getDecoder().decode(body.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "key file " + file + " is not valid PEM: " + e.getMessage());
    }
  }

  private static IllegalArgumentException unreadable(Path file, String problem) {
    return new IllegalArgumentException(
        "key file "
            + file
            + " "
            + problem
            + ": give an unencrypted PKCS#8 key (BEGIN PRIVATE KEY), as made by "
            + TO_PKCS8.replace("KEY", file.toString()));
  }

  private static String read(Path file, String what) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("cannot read " + what + " " + file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(
          "cannot read " + what + " " + file + ": permission denied", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + what + " " + file + ": " + e, e);
    }
  }
}
