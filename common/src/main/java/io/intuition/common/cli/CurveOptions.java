package io.intuition.common.cli;

import io.intuition.common.rpc.curve.ClientCredentials;
import io.intuition.common.rpc.curve.CurveKeyPair;
import io.intuition.common.rpc.curve.KeyFileException;
import io.intuition.common.rpc.curve.KeyFiles;
import io.intuition.common.rpc.curve.ServerCredentials;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The CURVE options of the command lines, read into credentials: {@code --curve-secret-key-file}
 * with {@code --curve-clients} on a server, with {@code --curve-server-key} on a client; both of a
 * pair or neither.
 */
public final class CurveOptions {
  /** This side's key pair. */
  public static final String SECRET_KEY_FILE = "--curve-secret-key-file";

  /** The server's allowed client keys. */
  public static final String CLIENTS = "--curve-clients";

  /** The server's public key, on a client. */
  public static final String SERVER_KEY = "--curve-server-key";

  private CurveOptions() {}

  /**
   * The server's credentials, or null when neither option is given.
   *
   * @throws IllegalArgumentException naming the option missing, or the option whose file or folder
   *     cannot be used and why
   */
  public static ServerCredentials server(Path secretKeyFile, Path clients) {
    if (bothOrNeither(secretKeyFile, SECRET_KEY_FILE, clients, CLIENTS)) {
      return null;
    }
    CurveKeyPair keyPair = read(SECRET_KEY_FILE, () -> KeyFiles.readKeyPair(secretKeyFile));
    Map<Path, String> keys = read(CLIENTS, () -> KeyFiles.readPublicKeys(clients));
    return new ServerCredentials(keyPair, Set.copyOf(keys.values()), clients.toString());
  }

  /**
   * The client's credentials, or null when neither option is given.
   *
   * @throws IllegalArgumentException naming the option missing, or the option whose key or file
   *     cannot be used and why
   */
  public static ClientCredentials client(String serverKey, Path secretKeyFile) {
    if (bothOrNeither(serverKey, SERVER_KEY, secretKeyFile, SECRET_KEY_FILE)) {
      return null;
    }
    String server = read(SERVER_KEY, () -> ClientCredentials.serverKey(serverKey));
    CurveKeyPair keyPair = read(SECRET_KEY_FILE, () -> KeyFiles.readKeyPair(secretKeyFile));
    return new ClientCredentials(keyPair, server);
  }

  /** Reads a key or keys, failing with a message that starts with the option's name. */
  private static <T> T read(String option, KeyRead<T> read) {
    try {
      return read.read();
    } catch (KeyFileException e) {
      throw new IllegalArgumentException(option + " " + e.getMessage());
    }
  }

  private interface KeyRead<T> {
    T read() throws KeyFileException;
  }

  /** Whether neither is given; fails naming the one missing when only one is. */
  private static boolean bothOrNeither(Object one, String oneName, Object other, String otherName) {
    if ((one == null) != (other == null)) {
      String given = one != null ? oneName : otherName;
      String missing = one != null ? otherName : oneName;
      throw new IllegalArgumentException(missing + " is required with " + given);
    }
    return one == null;
  }
}
