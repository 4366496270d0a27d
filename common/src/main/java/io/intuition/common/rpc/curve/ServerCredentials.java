package io.intuition.common.rpc.curve;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.zeromq.ZMQ;

/**
 * What an RPC server with CURVE is configured with: its own key pair, and the public keys of the
 * clients it answers. A client whose key is not among them gets no answer.
 *
 * @param keyPair the server's key pair; clients are configured with its public key
 * @param clientKeys the public keys, in Z85, of the clients allowed
 * @param clientsSource where the client keys were read from, for log lines
 */
public record ServerCredentials(
    CurveKeyPair keyPair, Set<String> clientKeys, String clientsSource) {
  /**
   * Server credentials.
   *
   * @throws IllegalArgumentException if a client key is not in Z85, or there is none
   */
  public ServerCredentials {
    Objects.requireNonNull(keyPair, "keyPair");
    Objects.requireNonNull(clientsSource, "clientsSource");
    clientKeys = Set.copyOf(clientKeys);
    if (clientKeys.isEmpty()) {
      throw new IllegalArgumentException("at least one client key is needed, but there was none");
    }
    clientKeys.forEach(key -> Z85.check("client key", key));
  }

  /**
   * Reads the server's key pair from {@code secretKeyFile} and the allowed client keys from the
   * {@code *.key} files in {@code clientsFolder}.
   *
   * @throws KeyFileException naming the file or folder that is missing, unreadable or malformed
   */
  public static ServerCredentials load(Path secretKeyFile, Path clientsFolder)
      throws KeyFileException {
    CurveKeyPair keyPair = KeyFiles.readKeyPair(secretKeyFile);
    Set<String> clients = Set.copyOf(KeyFiles.readPublicKeys(clientsFolder).values());
    return new ServerCredentials(keyPair, clients, clientsFolder.toString());
  }

  /** Makes {@code socket} a CURVE server with this key pair; call before it binds. */
  public void applyTo(ZMQ.Socket socket) {
    socket.setCurveServer(true);
    socket.setCurveSecretKey(keyPair.secretKeyBytes());
  }
}
