package io.intuition.common.codec;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Bytes under test, shown in a property's report as their length and first bytes in hex rather than
 * as thousands of decimal numbers.
 *
 * @param bytes the bytes; not copied
 */
public record Payload(byte[] bytes) {
  private static final int SHOWN_BYTES = 64;

  @Override
  public String toString() {
    byte[] shown = Arrays.copyOf(bytes, Math.min(bytes.length, SHOWN_BYTES));
    String more = bytes.length > SHOWN_BYTES ? " ..." : "";
    return bytes.length + " bytes: " + HexFormat.ofDelimiter(" ").formatHex(shown) + more;
  }
}
