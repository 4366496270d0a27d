package io.intuition.common.rpc.curve;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;
import org.zeromq.ZMQ;

/** CURVE keys as Z85 text: checked, decoded, and a public key derived from its secret one. */
final class Z85 {
  /** The length of a 32-byte key in Z85. */
  static final int KEY_CHARS = 40;

  private static final String ALPHABET =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

  /** The base point of Curve25519, whose multiple by a secret key is its public key. */
  private static final BigInteger BASE_POINT = BigInteger.valueOf(9);

  private Z85() {}

  /** Whether {@code text} is a key in Z85: 40 characters of its alphabet. */
  static boolean isKey(String text) {
    if (text == null || text.length() != KEY_CHARS) {
      return false;
    }
    return text.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
  }

  /**
   * Checks a key.
   *
   * @throws IllegalArgumentException naming {@code what} unless it is a key in Z85
   */
  static String check(String what, String key) {
    if (!isKey(key)) {
      throw new IllegalArgumentException(
          what
              + " must be a CURVE key in Z85 ("
              + KEY_CHARS
              + " characters), but was "
              + (key == null ? "missing" : key.length() + " characters"));
    }
    return key;
  }

  static byte[] decode(String key) {
    return ZMQ.Curve.z85Decode(key);
  }

  /** The public key of {@code secretKey}, both in Z85. */
  static String publicKeyOf(String secretKey) {
    try {
      KeyFactory keys = KeyFactory.getInstance("XDH");
      PrivateKey secret =
          keys.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, decode(secretKey)));
      PublicKey base =
          keys.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, BASE_POINT));
      KeyAgreement agreement = KeyAgreement.getInstance("XDH");
      agreement.init(secret);
      agreement.doPhase(base, true);
      return ZMQ.Curve.z85Encode(agreement.generateSecret());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot compute X25519: " + e.getMessage(), e);
    }
  }
}
