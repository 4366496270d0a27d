package io.intuition.algo.state;

import io.intuition.algo.trading.TraderState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The trader's state on disk: written whole to a temporary file, synced, then renamed over the old
 * one, so that a crash at any moment leaves either the old state or the new, never a mix.
 *
 * <p>The first line names the format and carries the length and CRC-32C of the JSON that follows,
 * so a truncated or altered file is refused at start instead of read as a fresh or wrong book.
 */
public final class StateFile {
  private static final String MAGIC = "intuition-algo-state";
  private static final int VERSION = 1;
  // far above what the limits let a state grow to (10^5 answers and symbols make about 15 MB):
  // a larger file is not one of ours, and is not read into memory
  private static final long MAX_BYTES = 64L << 20;

  private final Path path;
  private final Path temporary;

  /** The state file at {@code path}; its folder must exist. */
  public StateFile(Path path) {
    this.path = path.toAbsolutePath();
    this.temporary = this.path.resolveSibling(this.path.getFileName() + ".tmp");
  }

  /**
   * A state as saved.
   *
   * @param state the trader's state
   * @param journalSeq the last journal entry it holds: replaying goes on after it
   */
  public record Saved(TraderState state, long journalSeq) {}

  /** Where it is. */
  public Path path() {
    return path;
  }

  /**
   * The state saved, or empty when there is no file yet.
   *
   * @throws CorruptStateException if the file is truncated, altered or not a state file
   * @throws IOException if it cannot be read
   */
  public Optional<Saved> read() throws IOException {
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        throw corrupt("it holds " + size + " bytes, more than a state can (" + MAX_BYTES + ")");
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return Optional.of(StateJson.read(body(bytes), path));
  }

  /**
   * Saves {@code state}, which holds the journal's entries up to {@code journalSeq}, atomically and
   * durably.
   *
   * @throws IOException if it cannot be written; the file saved before is then unchanged
   */
  public void write(TraderState state, long journalSeq) throws IOException {
    byte[] json = StateJson.write(new Saved(state, journalSeq));
    CRC32C crc = new CRC32C();
    crc.update(json);
    String header =
        MAGIC
            + " "
            + VERSION
            + " bytes="
            + json.length
            + " crc32c="
            + Long.toHexString(crc.getValue())
            + "\n";
    try (FileChannel out =
        FileChannel.open(
            temporary,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      writeFully(out, ByteBuffer.wrap(header.getBytes(StandardCharsets.US_ASCII)));
      writeFully(out, ByteBuffer.wrap(json));
      out.force(true);
    }
    move();
  }

  private void move() throws IOException {
    try {
      Files.move(
          temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot replace " + path + " atomically: " + e.getMessage(), e);
    }
    // the rename itself is durable once the folder is synced
    try (FileChannel folder = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a folder; the rename is still atomic there
    }
  }

  private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  private byte[] body(byte[] bytes) throws CorruptStateException {
    int newline = indexOf(bytes, (byte) '\n');
    String header =
        new String(
            bytes,
            0,
            newline < 0 ? Math.min(bytes.length, 80) : newline,
            StandardCharsets.US_ASCII);
    String[] fields = header.split(" ");
    if (newline < 0 || fields.length != 4 || !fields[0].equals(MAGIC)) {
      throw corrupt("it does not start with a state header (\"" + MAGIC + " ...\")");
    }
    if (!fields[1].equals(String.valueOf(VERSION))) {
      throw corrupt("it is of format " + fields[1] + ", and this version reads " + VERSION);
    }
    long length = number(fields[2], "bytes=", 10);
    long expected = number(fields[3], "crc32c=", 16);
    int bodyLength = bytes.length - newline - 1;
    if (bodyLength != length) {
      throw corrupt(
          "it is truncated or padded: the header says "
              + length
              + " bytes, and "
              + bodyLength
              + " follow");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, newline + 1, bodyLength);
    if (crc.getValue() != expected) {
      throw corrupt("its checksum does not match: it was altered after it was written");
    }
    byte[] body = new byte[bodyLength];
    System.arraycopy(bytes, newline + 1, body, 0, bodyLength);
    return body;
  }

  private long number(String field, String prefix, int radix) throws CorruptStateException {
    try {
      if (field.startsWith(prefix)) {
        return Long.parseLong(field.substring(prefix.length()), radix);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw corrupt("its header has no " + prefix + " field: " + field);
  }

  private CorruptStateException corrupt(String why) {
    return new CorruptStateException("state file " + path + " is corrupt: " + why);
  }

  private static int indexOf(byte[] bytes, byte value) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
