package io.intuition.algo.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The calls that changed the trader since its last snapshot, appended and synced a round at a time
 * before their replies leave: replayed on the snapshot at start, they give back the very state the
 * service had, since the trader is deterministic.
 *
 * <p>A line per entry, {@code <seq> <crc32c> <json>}, the checksum over {@code <seq> <json>}. A
 * crash can cut the last round short: an unreadable last line is dropped, since its reply never
 * left; an unreadable line before a readable one means the file was altered, and is refused.
 */
public final class Journal implements Closeable {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final String KIND = "call";
  private static final String VALUE = "value";

  private final Path path;
  private final FileChannel out;

  /**
   * One call to replay.
   *
   * @param seq its place in the order of calls, from 1
   * @param call {@code initialize} or {@code event}
   * @param value its argument, as plain values
   */
  public record Entry(long seq, String call, Object value) {}

  private Journal(Path path, FileChannel out) {
    this.path = path;
    this.out = out;
  }

  /**
   * Opens the journal at {@code path} for appending, creating it.
   *
   * @throws IOException if it cannot be opened
   */
  public static Journal open(Path path) throws IOException {
    return new Journal(
        path,
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
  }

  /**
   * The entries of the journal at {@code path}, in order; none when there is no file.
   *
   * @throws CorruptStateException if a line other than the last cannot be read
   * @throws IOException if the file cannot be read
   */
  public static List<Entry> read(Path path) throws IOException {
    List<String> lines;
    try {
      // leniently: a crash may have cut the last line inside a character
      String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
      lines = text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    } catch (NoSuchFileException e) {
      return List.of();
    }
    List<Entry> entries = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      Entry entry = lines.get(i).isEmpty() && i == lines.size() - 1 ? null : parse(lines.get(i));
      if (entry == null && i < lines.size() - 1) {
        throw new CorruptStateException(
            "journal " + path + " is corrupt: line " + (i + 1) + " cannot be read");
      }
      if (entry != null) {
        entries.add(entry);
      }
    }
    return entries;
  }

  /**
   * Appends the entries and syncs them to disk.
   *
   * @throws IOException if they cannot be written
   */
  public void append(List<Entry> entries) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Entry entry : entries) {
      text.append(line(entry)).append('\n');
    }
    ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
    out.force(false);
  }

  /**
   * Empties the journal, once a snapshot holds what it held.
   *
   * @throws IOException if it cannot be truncated
   */
  public void clear() throws IOException {
    out.truncate(0);
    out.force(true);
  }

  /** Where it is. */
  public Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private static String line(Entry entry) throws JsonProcessingException {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(KIND, entry.call());
    fields.put(VALUE, plain(entry.value()));
    String json = JSON.writeValueAsString(fields);
    String signed = entry.seq() + " " + json;
    return entry.seq() + " " + Long.toHexString(crc(signed)) + " " + json;
  }

  /** msgpack's bin text as the text it is: JSON would write it as base64. */
  private static Object plain(Object value) {
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof List<?> list) {
      List<Object> values = new ArrayList<>(list.size());
      list.forEach(item -> values.add(plain(item)));
      return values;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> values = new LinkedHashMap<>();
      map.forEach((key, item) -> values.put(String.valueOf(plain(key)), plain(item)));
      return values;
    }
    return value;
  }

  /** The entry on a line, or null when the line is not one this journal wrote whole. */
  private static Entry parse(String line) {
    int first = line.indexOf(' ');
    int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
    if (second < 0) {
      return null;
    }
    try {
      long seq = Long.parseLong(line.substring(0, first));
      long crc = Long.parseLong(line.substring(first + 1, second), 16);
      String json = line.substring(second + 1);
      if (crc(seq + " " + json) != crc) {
        return null;
      }
      Map<?, ?> fields = JSON.readValue(json, Map.class);
      return new Entry(seq, String.valueOf(fields.get(KIND)), fields.get(VALUE));
    } catch (NumberFormatException | IOException e) {
      return null;
    }
  }

  private static long crc(String text) {
    CRC32C crc = new CRC32C();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }
}
