package io.intuition.common.rpc.curve;

import io.intuition.common.log.Excerpt;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import org.zeromq.ZMQ;

/**
 * What an RPC client with CURVE is configured with: its own key pair, whose public key the server
 * must allow, and the server's public key, which authenticates the server.
 *
 * @param keyPair the client's key pair
 * @param serverKey the server's public key, in Z85
 */
public record ClientCredentials(CurveKeyPair keyPair, String serverKey) {
  /**
   * Client credentials.
   *
   * @throws IllegalArgumentException if the server key is not in Z85
   */
  public ClientCredentials {
    Objects.requireNonNull(keyPair, "keyPair");
    Z85.check("server key", serverKey);
  }

  /**
   * Reads the client's key pair from {@code secretKeyFile}, with the server's public key given as
   * {@code serverKey}: the key in Z85, or the path of a key file that holds it.
   *
   * @throws KeyFileException naming the file that is missing, unreadable or malformed, or when
   *     {@code serverKey} is neither a key nor a file
   */
  public static ClientCredentials load(String serverKey, Path secretKeyFile)
      throws KeyFileException {
    return new ClientCredentials(KeyFiles.readKeyPair(secretKeyFile), serverKey(serverKey));
  }

  /**
   * A server's public key given as the key in Z85 or as the path of a key file.
   *
   * @throws KeyFileException if it is neither
   */
  public static String serverKey(String keyOrFile) throws KeyFileException {
    Path file = path(keyOrFile);
    if (file != null && Files.exists(file)) {
      return KeyFiles.readPublicKey(file);
    }
    if (Z85.isKey(keyOrFile)) {
      return keyOrFile;
    }
    throw new KeyFileException(
        Excerpt.of(keyOrFile)
            + ": neither a key in Z85 ("
            + Z85.KEY_CHARS
            + " characters) nor a key file: no such file");
  }

  private static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** Makes {@code socket} a CURVE client with these keys; call before it connects. */
  public void applyTo(ZMQ.Socket socket) {
    socket.setCurveServerKey(Z85.decode(serverKey));
    socket.setCurvePublicKey(keyPair.publicKeyBytes());
    socket.setCurveSecretKey(keyPair.secretKeyBytes());
  }
}
