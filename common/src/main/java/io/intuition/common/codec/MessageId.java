package io.intuition.common.codec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.msgpack.core.MessagePacker;

/**
 * The id of a zerorpc event, kept with the msgpack type it travelled as.
 *
 * <p>Python peers send ids as msgpack bin, Node peers as str, and each only routes a reply whose
 * {@code response_to} has the type it sent; so an id remembers whether it was {@code binary}.
 */
public final class MessageId {
  private final byte[] bytes;
  private final boolean binary;
  private final int hash;

  private MessageId(byte[] bytes, boolean binary) {
    this.bytes = bytes;
    this.binary = binary;
    this.hash = Arrays.hashCode(bytes);
  }

  /** An id sent as msgpack bin, as Python peers and this suite send them. */
  public static MessageId binary(byte[] bytes) {
    return new MessageId(bytes.clone(), true);
  }

  /** An id sent as msgpack str, as Node peers send them. */
  public static MessageId text(String text) {
    return new MessageId(text.getBytes(StandardCharsets.UTF_8), false);
  }

  /** Writes the id with the msgpack type it travelled as. */
  void write(MessagePacker out) throws IOException {
    if (binary) {
      out.packBinaryHeader(bytes.length);
      out.writePayload(bytes);
    } else {
      out.packRawStringHeader(bytes.length);
      out.writePayload(bytes);
    }
  }

  /** The id of a str or bin value of these bytes, which it keeps without copying. */
  static MessageId ofWire(byte[] bytes, boolean binary) {
    return new MessageId(bytes, binary);
  }

  /** Whether this id travels as msgpack bin. */
  public boolean isBinary() {
    return binary;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MessageId that
        && binary == that.binary
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
