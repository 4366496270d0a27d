package io.intuition.common.codec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Finds the headers in msgpack bytes that declare a length (str, bin, ext) or a count (array, map),
 * so that a mutation can rewrite exactly the number a decoder must not trust.
 */
final class WireHeaders {
  /**
   * One header.
   *
   * @param offset where it starts
   * @param size how many bytes it takes, type byte included
   * @param type what kind of value it opens
   * @param declared the length or count it declares (pairs, for a map)
   */
  record Header(int offset, int size, ValueType type, long declared) {}

  private WireHeaders() {}

  /** The headers of the well-formed values at the start of {@code bytes}, in wire order. */
  static List<Header> of(byte[] bytes) {
    List<Header> headers = new ArrayList<>();
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
      long values = 1;
      while (values-- > 0 && in.hasNext()) {
        values += next(in, headers, bytes.length);
      }
    } catch (IOException | MessagePackException e) {
      // bytes already mutated: the headers found so far are the ones there are
    }
    return headers;
  }

  /** Reads the next value's header, skipping its payload; returns how many values it contains. */
  private static long next(MessageUnpacker in, List<Header> headers, int length)
      throws IOException {
    int offset = (int) in.getTotalReadBytes();
    ValueType type = in.getNextFormat().getValueType();
    int declared;
    switch (type) {
      case STRING -> declared = in.unpackRawStringHeader();
      case BINARY -> declared = in.unpackBinaryHeader();
      case EXTENSION -> declared = in.unpackExtensionTypeHeader().getLength();
      case ARRAY -> declared = in.unpackArrayHeader();
      case MAP -> declared = in.unpackMapHeader();
      default -> {
        in.skipValue();
        return 0;
      }
    }
    headers.add(new Header(offset, (int) in.getTotalReadBytes() - offset, type, declared));
    return switch (type) {
      case ARRAY -> declared;
      case MAP -> 2L * declared;
      default -> {
        if (declared > length - in.getTotalReadBytes()) {
          throw new IOException("a claim past the end: no headers behind it");
        }
        in.readPayloadAsReference(declared);
        yield 0;
      }
    };
  }
}
