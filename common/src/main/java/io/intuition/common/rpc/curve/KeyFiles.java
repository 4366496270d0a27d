package io.intuition.common.rpc.curve;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.zeromq.ZCert;
import org.zeromq.ZConfig;

/**
 * CURVE key files in the ZPL certificate format of czmq, pyzmq's {@code zmq.auth} and JeroMQ's
 * {@code ZCert}: {@code NAME.key} holds {@code curve/public-key}, {@code NAME.key_secret} holds it
 * and {@code curve/secret-key}, each in Z85.
 */
public final class KeyFiles {
  /** The ending of a public key file. */
  public static final String PUBLIC_SUFFIX = ".key";

  /** The ending of a secret key file. */
  public static final String SECRET_SUFFIX = ".key_secret";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private static final long MAX_FILE_BYTES = 64 * 1024;
  private static final String UNREADABLE = ": cannot read it (permission denied)";

  private KeyFiles() {}

  /** The two files {@link #write} wrote. */
  public record Written(Path publicFile, Path secretFile) {}

  /**
   * Reads the public key of a key file, public or secret.
   *
   * @throws KeyFileException naming the file if it is missing, unreadable or holds no valid public
   *     key
   */
  public static String readPublicKey(Path file) throws KeyFileException {
    return key(file, load(file), "public-key");
  }

  /**
   * Reads the key pair of a secret key file.
   *
   * @throws KeyFileException naming the file if it is missing, unreadable, holds no valid key pair,
   *     or is a public key file
   */
  public static CurveKeyPair readKeyPair(Path file) throws KeyFileException {
    ZConfig config = load(file);
    String publicKey = key(file, config, "public-key");
    if (config.getValue("curve/secret-key") == null) {
      throw new KeyFileException(
          file
              + ": has no curve/secret-key: a public key file, not the "
              + SECRET_SUFFIX
              + " one?");
    }
    String secretKey = key(file, config, "secret-key");
    try {
      return new CurveKeyPair(publicKey, secretKey);
    } catch (IllegalArgumentException e) {
      throw new KeyFileException(file + ": " + e.getMessage());
    }
  }

  /**
   * Reads the public keys of the {@code *.key} files in {@code folder}, by file name.
   *
   * @throws KeyFileException naming the folder if it is missing, unreadable or has no {@code *.key}
   *     file, or naming a file that cannot be read
   */
  public static SortedMap<Path, String> readPublicKeys(Path folder) throws KeyFileException {
    if (!Files.isDirectory(folder)) {
      throw new KeyFileException(
          folder + (Files.exists(folder) ? ": not a directory" : ": no such directory"));
    }
    TreeMap<Path, String> keys = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + PUBLIC_SUFFIX)) {
      for (Path file : files) {
        keys.put(file, readPublicKey(file));
      }
    } catch (KeyFileException e) {
      throw e;
    } catch (IOException e) {
      throw new KeyFileException(folder + ": cannot list it (" + reason(e) + ")");
    }
    if (keys.isEmpty()) {
      throw new KeyFileException(folder + ": has no public key file (*" + PUBLIC_SUFFIX + ")");
    }
    return Collections.unmodifiableSortedMap(keys);
  }

  /**
   * Writes {@code name.key} and {@code name.key_secret} into {@code folder}, the secret one
   * readable by its owner only.
   *
   * @throws FileAlreadyExistsException if one exists and {@code replace} is false
   * @throws IOException if a file cannot be written
   */
  public static Written write(Path folder, String name, CurveKeyPair pair, boolean replace)
      throws IOException {
    Path publicFile = folder.resolve(name + PUBLIC_SUFFIX);
    Path secretFile = folder.resolve(name + SECRET_SUFFIX);
    if (!replace) {
      for (Path file : new Path[] {publicFile, secretFile}) {
        if (Files.exists(file)) {
          throw new FileAlreadyExistsException(file.toString());
        }
      }
    }
    ZCert cert = new ZCert(pair.publicKey(), pair.secretKey());
    // the secret file is created owner-only, never readable by others even for a moment
    writeAtomically(secretFile, cert, true);
    writeAtomically(publicFile, cert, false);
    return new Written(publicFile, secretFile);
  }

  private static void writeAtomically(Path file, ZCert cert, boolean secret) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp", ownerOnly(file));
    try {
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        if (secret) {
          cert.saveSecret(out);
        } else {
          cert.savePublic(out);
        }
      }
      if (!secret && isPosix(file)) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path file) {
    return isPosix(file)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }

  private static boolean isPosix(Path file) {
    return file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static ZConfig load(Path file) throws KeyFileException {
    if (!Files.exists(file)) {
      throw new KeyFileException(file + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new KeyFileException(file + ": not a regular file");
    }
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new KeyFileException(file + ": too large for a key file");
      }
      return ZConfig.load(file.toString());
    } catch (IOException e) {
      throw new KeyFileException(
          file + (Files.isReadable(file) ? ": cannot read it (" + reason(e) + ")" : UNREADABLE));
    } catch (RuntimeException e) {
      // the parser's message quotes the line, which may be a secret key's: not shown
      throw new KeyFileException(file + ": not a key file (ZPL): it has a line that is not");
    }
  }

  private static String key(Path file, ZConfig config, String name) throws KeyFileException {
    String key = config.getValue("curve/" + name);
    if (key == null) {
      throw new KeyFileException(file + ": not a CURVE key file: it has no curve/" + name);
    }
    if (!Z85.isKey(key)) {
      throw new KeyFileException(
          file + ": curve/" + name + " is not a key in Z85 (" + Z85.KEY_CHARS + " characters)");
    }
    return key;
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
