package io.intuition.common.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Encodes and decodes zerorpc events as msgpack, streaming with msgpack-core: the header is read
 * field by field, without building a map. Thread-safe: one instance can serve every thread.
 *
 * <p>Decoding accepts text as str or bin and numbers as int or float, as the real peers send them.
 * Encoding always writes {@code v: 3} and writes ids with the msgpack type they arrived as.
 */
public final class EventCodec {
  private static final byte[] MESSAGE_ID = ascii("message_id");
  private static final byte[] VERSION = ascii("v");
  private static final byte[] RESPONSE_TO = ascii("response_to");
  private static final int FIRST_BUFFER_BYTES = 256;
  private static final MessagePack.PackerConfig PACKER =
      new MessagePack.PackerConfig().withBufferSize(FIRST_BUFFER_BYTES);

  /**
   * The msgpack bytes of an event.
   *
   * @throws IllegalArgumentException if a value cannot be written as msgpack
   */
  public byte[] encode(Event event) {
    MessageBufferPacker out = PACKER.newBufferPacker();
    try {
      out.packArrayHeader(3);
      out.packMapHeader(event.responseTo() == null ? 2 : 3);
      out.packRawStringHeader(MESSAGE_ID.length).writePayload(MESSAGE_ID);
      event.id().write(out);
      out.packRawStringHeader(VERSION.length).writePayload(VERSION);
      out.packInt(Protocol.VERSION);
      if (event.responseTo() != null) {
        out.packRawStringHeader(RESPONSE_TO.length).writePayload(RESPONSE_TO);
        event.responseTo().write(out);
      }
      out.packString(event.name());
      Msgpack.write(out, event.args());
      return out.toByteArray();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot encode " + event.name() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
  }

  /**
   * The event in msgpack bytes, its args decoded into Java values (see {@link Msgpack}).
   *
   * @throws MalformedEventException if the bytes are not msgpack or not {@code [header, name,
   *     args]} with a {@code message_id}
   */
  public Event decode(byte[] payload) {
    return decode(payload, false);
  }

  /**
   * The event in msgpack bytes, its args left encoded as a {@link Packed} value, for a caller that
   * reads them itself.
   *
   * @throws MalformedEventException if the bytes are not msgpack or not {@code [header, name,
   *     args]} with a {@code message_id}
   */
  public Event decodePacked(byte[] payload) {
    return decode(payload, true);
  }

  private Event decode(byte[] payload, boolean packed) {
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(payload)) {
      return new Reader(in, payload, packed).event();
    } catch (MessagePackException | IOException e) {
      throw new MalformedEventException("event is not valid msgpack: " + e.getMessage(), e);
    }
  }

  /** One event being read; its fields fill as the header goes by. */
  private static final class Reader {
    private final MessageUnpacker in;
    private final byte[] payload;
    private final boolean packed;
    private MessageId id;
    private MessageId responseTo;

    Reader(MessageUnpacker in, byte[] payload, boolean packed) {
      this.in = in;
      this.payload = payload;
      this.packed = packed;
    }

    Event event() throws IOException {
      if (!in.hasNext() || in.getNextFormat().getValueType() != ValueType.ARRAY) {
        throw notAnEvent();
      }
      int parts = in.unpackArrayHeader();
      if (parts < 3) {
        throw notAnEvent();
      }
      header();
      String name = name();
      return new Event(id, responseTo, name, args(name));
    }

    private Object args(String name) throws IOException {
      if (packed) {
        return packedValue();
      }
      try {
        return Msgpack.read(in, payload.length);
      } catch (MalformedEventException e) {
        throw new MalformedEventException("the args of " + name + ": " + e.getMessage(), id);
      }
    }

    private MalformedEventException notAnEvent() {
      return new MalformedEventException(
          "event must be an array of [header, name, args], but was " + describeAll());
    }

    private String describeAll() {
      try (MessageUnpacker whole = MessagePack.newDefaultUnpacker(payload)) {
        return Values.describe(Msgpack.read(whole, payload.length));
      } catch (IOException | RuntimeException e) {
        return "not msgpack";
      }
    }

    private void header() throws IOException {
      if (in.getNextFormat().getValueType() != ValueType.MAP) {
        throw new MalformedEventException(
            "event header must be a map, but was " + Values.describe(Msgpack.read(in, limit())));
      }
      int fields = in.unpackMapHeader();
      for (int i = 0; i < fields; i++) {
        byte[] key = text(in);
        if (key == null) {
          in.skipValue(); // a key that is not text names no field of ours: skip it and its value
          in.skipValue();
        } else {
          field(key);
        }
      }
      if (id == null) {
        throw new MalformedEventException("event header has no message_id");
      }
    }

    private void field(byte[] key) throws IOException {
      if (Arrays.equals(key, MESSAGE_ID)) {
        id = messageId("message_id");
      } else if (Arrays.equals(key, RESPONSE_TO)) {
        responseTo = in.tryUnpackNil() ? null : messageId("response_to");
      } else {
        in.skipValue();
      }
    }

    private MessageId messageId(String field) throws IOException {
      MessageFormat format = in.getNextFormat();
      boolean binary = format.getValueType() == ValueType.BINARY;
      byte[] bytes = text(in);
      if (bytes == null) {
        throw new MalformedEventException(
            field + " must be str or bin, but was " + Values.describe(Msgpack.read(in, limit())));
      }
      return MessageId.ofWire(bytes, binary);
    }

    private String name() throws IOException {
      byte[] name = text(in);
      if (name == null) {
        throw new MalformedEventException(
            "event name must be str or bin, but was " + Values.describe(Msgpack.read(in, limit())));
      }
      return new String(name, StandardCharsets.UTF_8);
    }

    private Packed packedValue() throws IOException {
      int start = (int) in.getTotalReadBytes();
      in.skipValue();
      return new Packed(Arrays.copyOfRange(payload, start, (int) in.getTotalReadBytes()));
    }

    /** The bytes of the next str or bin value, or null (reading nothing) when it is neither. */
    private byte[] text(MessageUnpacker in) throws IOException {
      ValueType type = in.getNextFormat().getValueType();
      if (type == ValueType.STRING) {
        return Msgpack.payload(in, in.unpackRawStringHeader(), limit());
      }
      if (type == ValueType.BINARY) {
        return Msgpack.payload(in, in.unpackBinaryHeader(), limit());
      }
      return null;
    }

    private long limit() {
      return payload.length;
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
