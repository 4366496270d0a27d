package io.intuition.bridge.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.intuition.common.codec.MalformedEventException;
import io.intuition.common.codec.Msgpack;
import io.intuition.common.codec.Packed;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Turns the algorithm's msgpack answer straight into the JSON of each order, with msgpack-core's
 * unpacker and Jackson's streaming generator: no maps in between. Text is written as JSON strings,
 * bin as base64, numbers as numbers.
 */
final class MsgpackToJson {
  private static final JsonFactory JSON = new JsonFactory();

  private MsgpackToJson() {}

  /**
   * The JSON of each order in an answer: none for nil, each element of an array, else the value.
   *
   * @throws MalformedEventException if the bytes are not one well-formed msgpack value
   */
  static List<byte[]> orders(Packed answer) {
    byte[] bytes = answer.bytes();
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
      ValueType type = in.getNextFormat().getValueType();
      if (type == ValueType.NIL) {
        return List.of();
      }
      if (type != ValueType.ARRAY) {
        return List.of(json(in, bytes.length));
      }
      int count = in.unpackArrayHeader();
      List<byte[]> orders = new ArrayList<>(Math.min(count, bytes.length));
      for (int i = 0; i < count; i++) {
        orders.add(json(in, bytes.length));
      }
      return orders;
    } catch (IOException | RuntimeException e) {
      throw new MalformedEventException("the answer is not valid msgpack: " + e.getMessage(), e);
    }
  }

  private static byte[] json(MessageUnpacker in, int limit) throws IOException {
    try (ByteArrayBuilder out = new ByteArrayBuilder(128);
        JsonGenerator generator = JSON.createGenerator(out)) {
      value(in, generator, limit, 0);
      generator.flush();
      return out.toByteArray();
    }
  }

  private static void value(MessageUnpacker in, JsonGenerator out, int limit, int depth)
      throws IOException {
    if (depth > Msgpack.MAX_DEPTH) {
      throw new MalformedEventException("values nest deeper than " + Msgpack.MAX_DEPTH);
    }
    MessageFormat format = in.getNextFormat();
    switch (format.getValueType()) {
      case NIL -> {
        in.unpackNil();
        out.writeNull();
      }
      case BOOLEAN -> out.writeBoolean(in.unpackBoolean());
      case INTEGER -> integer(in, format, out);
      case FLOAT -> floating(in.unpackDouble(), out);
      case STRING -> out.writeString(text(in, limit));
      case BINARY -> out.writeBinary(payload(in, in.unpackBinaryHeader(), limit));
      case EXTENSION -> {
        ExtensionTypeHeader header = in.unpackExtensionTypeHeader();
        out.writeBinary(payload(in, header.getLength(), limit));
      }
      case ARRAY -> array(in, out, limit, depth);
      case MAP -> map(in, out, limit, depth);
      default -> throw new MalformedEventException("unknown msgpack format " + format);
    }
  }

  /** Writes a double in plain notation: {@code 0.0002}, not Java's {@code 2.0E-4}. */
  private static void floating(double value, JsonGenerator out) throws IOException {
    String text = Double.toString(value);
    if (Double.isFinite(value) && text.indexOf('E') >= 0) {
      out.writeNumber(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    } else {
      out.writeNumber(value);
    }
  }

  private static void integer(MessageUnpacker in, MessageFormat format, JsonGenerator out)
      throws IOException {
    if (format == MessageFormat.UINT64) {
      BigInteger value = in.unpackBigInteger();
      out.writeNumber(value);
    } else {
      out.writeNumber(in.unpackLong());
    }
  }

  private static void array(MessageUnpacker in, JsonGenerator out, int limit, int depth)
      throws IOException {
    int size = in.unpackArrayHeader();
    checkCount(in, size, limit);
    out.writeStartArray();
    for (int i = 0; i < size; i++) {
      value(in, out, limit, depth + 1);
    }
    out.writeEndArray();
  }

  private static void map(MessageUnpacker in, JsonGenerator out, int limit, int depth)
      throws IOException {
    int size = in.unpackMapHeader();
    checkCount(in, size, limit);
    out.writeStartObject();
    for (int i = 0; i < size; i++) {
      out.writeFieldName(key(in, limit));
      value(in, out, limit, depth + 1);
    }
    out.writeEndObject();
  }

  /** A map key as JSON needs it: text as it is, anything else as its msgpack value in words. */
  private static String key(MessageUnpacker in, int limit) throws IOException {
    ValueType type = in.getNextFormat().getValueType();
    if (type == ValueType.STRING) {
      return text(in, limit);
    }
    if (type == ValueType.BINARY) {
      return new String(payload(in, in.unpackBinaryHeader(), limit), StandardCharsets.UTF_8);
    }
    return String.valueOf(Msgpack.read(in, limit));
  }

  private static String text(MessageUnpacker in, int limit) throws IOException {
    return new String(payload(in, in.unpackRawStringHeader(), limit), StandardCharsets.UTF_8);
  }

  private static byte[] payload(MessageUnpacker in, int length, int limit) throws IOException {
    if (length < 0 || length > limit - in.getTotalReadBytes()) {
      throw new MalformedEventException("a value claims more bytes than are left");
    }
    return in.readPayload(length);
  }

  private static void checkCount(MessageUnpacker in, int count, int limit) {
    if (count < 0 || count > limit - in.getTotalReadBytes()) {
      throw new MalformedEventException("a container claims more elements than bytes are left");
    }
  }
}
