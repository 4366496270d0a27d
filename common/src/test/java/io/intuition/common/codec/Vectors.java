package io.intuition.common.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The zerorpc test vectors captured from the real Python and Node peers ({@code
 * zerorpc/vectors.txt}): every msgpack event payload, with the structure the Python peer decoded it
 * to when the capture shows one.
 */
final class Vectors {
  /** One captured payload and, if shown, its Python {@code repr}. */
  record Vector(int line, byte[] payload, String decoded) {
    @Override
    public String toString() {
      return "line " + line;
    }
  }

  private Vectors() {}

  static List<Vector> all() {
    List<String> lines = lines();
    List<Vector> vectors = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      byte[] payload = payload(lines.get(i));
      if (payload != null) {
        vectors.add(new Vector(i + 1, payload, decodedAfter(lines, i)));
      }
    }
    return vectors;
  }

  /** The payload of the block whose title line starts with {@code title}. */
  static byte[] titled(String title) {
    List<String> lines = lines();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(title)) {
        for (int j = i + 1; j < lines.size(); j++) {
          byte[] payload = payload(lines.get(j));
          if (payload != null) {
            return payload;
          }
        }
      }
    }
    throw new IllegalArgumentException("no vector titled " + title);
  }

  private static String decodedAfter(List<String> lines, int from) {
    for (int i = from + 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (payload(line) != null) {
        return null;
      }
      if (line.startsWith("decoded")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return null;
  }

  /** The bytes of a {@code hex:} line holding an event (a msgpack array of 3), else null. */
  private static byte[] payload(String line) {
    int at = line.indexOf("hex: 93 ");
    if (at < 0) {
      return null;
    }
    return HexFormat.of().parseHex(line.substring(at + 5).replace(" ", ""));
  }

  private static List<String> lines() {
    try (InputStream in = Vectors.class.getResourceAsStream("/zerorpc/vectors.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
