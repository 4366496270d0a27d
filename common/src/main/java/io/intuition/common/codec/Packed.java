package io.intuition.common.codec;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A value already encoded as msgpack: written as it is, and read back only by whoever wants it, so
 * a value can cross the RPC layer without being decoded into Java objects and encoded again.
 *
 * @param bytes exactly one msgpack value; not copied, so neither side may change it
 */
public record Packed(byte[] bytes) {

  /** Checks that there are bytes. */
  public Packed {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("a packed value needs at least one byte");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Packed that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Packed[" + HexFormat.ofDelimiter(" ").formatHex(bytes) + "]";
  }
}
