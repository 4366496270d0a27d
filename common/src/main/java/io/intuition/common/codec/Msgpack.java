package io.intuition.common.codec;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * Plain Java values to and from msgpack, with msgpack-core's streaming packer and unpacker.
 *
 * <p>Reading gives {@code null}, {@link Boolean}, {@link Integer} (or {@link Long}, or {@link
 * BigInteger} beyond 64 bits), {@link Double} (or {@link Float} for float32), {@link String} for
 * str, {@code byte[]} for bin, {@link List} for arrays and {@link Map} (in wire order) for maps, as
 * the zerorpc peers send them. Reading never trusts a length on the wire beyond the bytes that are
 * left, sizes no list or map for more than 256 elements before they arrive, and stops at a nesting
 * depth of {@value #MAX_DEPTH}, so hostile input fails fast and what reading it allocates grows
 * with its bytes, not with what they claim.
 */
public final class Msgpack {
  /** How deeply arrays and maps may nest. */
  public static final int MAX_DEPTH = 64;

  /**
   * The most elements a list or map is sized for before they arrive. A count may be as large as the
   * bytes left, and every nested container can claim the same bytes: sized by its claim, each of 64
   * levels would allocate a reference per byte left, 256 MB for a 1 MiB frame.
   */
  private static final int MAX_PRESIZED_ELEMENTS = 256;

  private Msgpack() {}

  /**
   * Writes a value made of maps, lists, text, numbers, booleans, bytes and nulls.
   *
   * @throws IllegalArgumentException if the value holds anything else, or an integer beyond 64 bits
   */
  public static void write(MessagePacker out, Object value) throws IOException {
    if (value == null) {
      out.packNil();
    } else if (value instanceof String text) {
      out.packString(text);
    } else if (value instanceof Packed packed) {
      out.writePayload(packed.bytes());
    } else if (value instanceof Map<?, ?> map) {
      out.packMapHeader(map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        write(out, entry.getKey());
        write(out, entry.getValue());
      }
    } else if (value instanceof List<?> list) {
      out.packArrayHeader(list.size());
      for (Object item : list) {
        write(out, item);
      }
    } else {
      writeScalar(out, value);
    }
  }

  private static void writeScalar(MessagePacker out, Object value) throws IOException {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      out.packLong(((Number) value).longValue());
    } else if (value instanceof Double number) {
      out.packDouble(number);
    } else if (value instanceof Float number) {
      out.packFloat(number);
    } else if (value instanceof Boolean flag) {
      out.packBoolean(flag);
    } else if (value instanceof byte[] bytes) {
      out.packBinaryHeader(bytes.length);
      out.writePayload(bytes);
    } else if (value instanceof BigInteger integer) {
      if (integer.bitLength() > 64 || integer.signum() < 0 && integer.bitLength() > 63) {
        throw new IllegalArgumentException("integer " + integer + " is beyond 64 bits");
      }
      out.packBigInteger(integer);
    } else if (value instanceof BigDecimal decimal) {
      out.packDouble(decimal.doubleValue());
    } else if (value instanceof Byte number) {
      out.packLong(number);
    } else {
      throw new IllegalArgumentException(
          "cannot write a " + value.getClass().getSimpleName() + " as msgpack");
    }
  }

  /**
   * Reads the next value.
   *
   * @param limit the offset where the input ends, to check the lengths the wire claims
   * @throws MalformedEventException if the bytes are not one well-formed msgpack value
   */
  public static Object read(MessageUnpacker in, long limit) throws IOException {
    return read(in, limit, 0);
  }

  private static Object read(MessageUnpacker in, long limit, int depth) throws IOException {
    MessageFormat format = in.getNextFormat();
    switch (format.getValueType()) {
      case NIL:
        in.unpackNil();
        return null;
      case BOOLEAN:
        return in.unpackBoolean();
      case INTEGER:
        return integer(in, format);
      case FLOAT:
        return format == MessageFormat.FLOAT32 ? (Object) in.unpackFloat() : in.unpackDouble();
      case STRING:
        return new String(payload(in, in.unpackRawStringHeader(), limit), StandardCharsets.UTF_8);
      case BINARY:
        return payload(in, in.unpackBinaryHeader(), limit);
      case ARRAY:
        return array(in, limit, depth);
      case MAP:
        return map(in, limit, depth);
      case EXTENSION:
        ExtensionTypeHeader header = in.unpackExtensionTypeHeader();
        return payload(in, header.getLength(), limit);
      default:
        throw new MalformedEventException("not msgpack: format byte " + format);
    }
  }

  private static Object integer(MessageUnpacker in, MessageFormat format) throws IOException {
    return switch (format) {
      case UINT64 -> {
        BigInteger value = in.unpackBigInteger();
        yield value.bitLength() < 64 ? (Object) value.longValue() : value;
      }
      case UINT32, INT64 -> {
        long value = in.unpackLong();
        yield value == (int) value ? (Object) (int) value : value;
      }
      default -> in.unpackInt();
    };
  }

  private static List<Object> array(MessageUnpacker in, long limit, int depth) throws IOException {
    int size = in.unpackArrayHeader();
    checkCount(in, size, 1, limit, depth);
    List<Object> list = new ArrayList<>(Math.min(size, MAX_PRESIZED_ELEMENTS));
    for (int i = 0; i < size; i++) {
      list.add(read(in, limit, depth + 1));
    }
    return list;
  }

  private static Map<Object, Object> map(MessageUnpacker in, long limit, int depth)
      throws IOException {
    int size = in.unpackMapHeader();
    checkCount(in, size, 2, limit, depth);
    Map<Object, Object> map =
        new LinkedHashMap<>(Math.min(size, MAX_PRESIZED_ELEMENTS) * 4 / 3 + 1);
    for (int i = 0; i < size; i++) {
      Object read = read(in, limit, depth + 1);
      Object key = read instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : read;
      map.put(key, read(in, limit, depth + 1));
      if (map.size() != i + 1) {
        // peers that keep the first or the last value would each read another message
        throw new MalformedEventException("a map has the key " + Values.describe(key) + " twice");
      }
    }
    return map;
  }

  /** The bytes of a str, bin or ext payload, once the wire's length is known to fit. */
  static byte[] payload(MessageUnpacker in, int length, long limit) throws IOException {
    if (length < 0 || length > limit - in.getTotalReadBytes()) {
      throw new MalformedEventException(
          "a value claims " + Integer.toUnsignedString(length) + " bytes, more than are left");
    }
    return in.readPayload(length);
  }

  private static void checkCount(
      MessageUnpacker in, int count, int minBytesEach, long limit, int depth) {
    if (depth >= MAX_DEPTH) {
      throw new MalformedEventException("values nest deeper than " + MAX_DEPTH + " levels");
    }
    long left = limit - in.getTotalReadBytes();
    if (count < 0 || (long) count * minBytesEach > left) {
      throw new MalformedEventException(
          "a container claims "
              + Integer.toUnsignedString(count)
              + " elements, more than the "
              + left
              + " bytes left can hold");
    }
  }
}
