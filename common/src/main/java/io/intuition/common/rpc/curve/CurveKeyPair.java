package io.intuition.common.rpc.curve;

import org.zeromq.ZMQ;

/**
 * A CURVE key pair, both keys in Z85. Its {@link #toString()} shows only the public key.
 *
 * @param publicKey the key peers know this side by
 * @param secretKey the key that stays with this side
 */
public record CurveKeyPair(String publicKey, String secretKey) {
  /**
   * A key pair.
   *
   * @throws IllegalArgumentException if a key is not in Z85 or the secret key is not the public
   *     key's
   */
  public CurveKeyPair {
    Z85.check("public key", publicKey);
    Z85.check("secret key", secretKey);
    if (!Z85.publicKeyOf(secretKey).equals(publicKey)) {
      throw new IllegalArgumentException(
          "the secret key does not belong to public key " + publicKey);
    }
  }

  /** A new key pair from a secure random source. */
  public static CurveKeyPair generate() {
    ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
    return new CurveKeyPair(pair.publicKey, pair.secretKey);
  }

  byte[] publicKeyBytes() {
    return Z85.decode(publicKey);
  }

  byte[] secretKeyBytes() {
    return Z85.decode(secretKey);
  }

  @Override
  public String toString() {
    return "CurveKeyPair[publicKey=" + publicKey + ", secretKey=(hidden)]";
  }
}
