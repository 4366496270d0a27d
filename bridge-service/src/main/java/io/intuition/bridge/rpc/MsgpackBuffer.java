package io.intuition.bridge.rpc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * msgpack written into a growing byte array, with containers whose size is known only once they
 * close: {@link #open()} reserves the largest header, {@link #close} writes the smallest one that
 * fits the count and moves the elements up behind it. Values use the smallest format msgpack has
 * for them, as msgpack-core writes them. One thread.
 */
final class MsgpackBuffer {
  private static final int HEADER_ROOM = 5;

  private byte[] bytes;
  private int size;
  private int[] opened = new int[8];
  private int depth;

  MsgpackBuffer(int capacity) {
    bytes = new byte[Math.max(capacity, 32)];
  }

  /** A fixarray of one element: the args of a call with one argument. */
  void arrayOfOne() {
    raw(0x91);
  }

  /** Starts a map or an array; its header is written by {@link #close}. */
  void open() {
    if (depth == opened.length) {
      opened = Arrays.copyOf(opened, depth * 2);
    }
    opened[depth++] = size;
    room(HEADER_ROOM);
    size += HEADER_ROOM;
  }

  /** Ends the container opened last, holding {@code count} elements (pairs, for a map). */
  void close(int count, boolean map) {
    int start = opened[--depth];
    int header = header(count);
    int shift = HEADER_ROOM - header;
    System.arraycopy(bytes, start + HEADER_ROOM, bytes, start + header, size - start - HEADER_ROOM);
    size -= shift;
    if (header == 1) {
      bytes[start] = (byte) ((map ? 0x80 : 0x90) | count);
    } else if (header == 3) {
      bytes[start] = (byte) (map ? 0xde : 0xdc);
      putShort(start + 1, count);
    } else {
      bytes[start] = (byte) (map ? 0xdf : 0xdd);
      putInt(start + 1, count);
    }
  }

  /** A str: UTF-8 of {@code length} chars of {@code chars} from {@code offset}. */
  void string(char[] chars, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (chars[i] >= 0x80) {
        utf8(new String(chars, offset, length).getBytes(StandardCharsets.UTF_8));
        return;
      }
    }
    stringHeader(length);
    room(length);
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) chars[offset + i];
    }
  }

  void integer(long value) {
    if (value >= 0) {
      unsigned(value);
    } else if (value >= -32) {
      raw((int) value & 0xff);
    } else if (value >= Byte.MIN_VALUE) {
      raw(0xd0);
      raw((int) value & 0xff);
    } else if (value >= Short.MIN_VALUE) {
      raw(0xd1);
      room(2);
      putShort(size, (int) value);
      size += 2;
    } else if (value >= Integer.MIN_VALUE) {
      raw(0xd2);
      room(4);
      putInt(size, (int) value);
      size += 4;
    } else {
      raw(0xd3);
      putLong(value);
    }
  }

  /** A uint64 of the 64 bits of {@code bits}, for integers past {@link Long#MAX_VALUE}. */
  void uint64(long bits) {
    raw(0xcf);
    putLong(bits);
  }

  void float64(double value) {
    raw(0xcb);
    putLong(Double.doubleToLongBits(value));
  }

  void raw(int value) {
    room(1);
    bytes[size++] = (byte) value;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void unsigned(long value) {
    if (value < 0x80) {
      raw((int) value);
    } else if (value < 0x100) {
      raw(0xcc);
      raw((int) value);
    } else if (value < 0x10000) {
      raw(0xcd);
      room(2);
      putShort(size, (int) value);
      size += 2;
    } else if (value < 0x1_0000_0000L) {
      raw(0xce);
      room(4);
      putInt(size, (int) value);
      size += 4;
    } else {
      uint64(value);
    }
  }

  private void utf8(byte[] encoded) {
    stringHeader(encoded.length);
    room(encoded.length);
    System.arraycopy(encoded, 0, bytes, size, encoded.length);
    size += encoded.length;
  }

  private void stringHeader(int length) {
    if (length < 32) {
      raw(0xa0 | length);
    } else if (length < 0x100) {
      raw(0xd9);
      raw(length);
    } else if (length < 0x10000) {
      raw(0xda);
      room(2);
      putShort(size, length);
      size += 2;
    } else {
      raw(0xdb);
      room(4);
      putInt(size, length);
      size += 4;
    }
  }

  private static int header(int count) {
    if (count < 16) {
      return 1;
    }
    return count < 0x10000 ? 3 : 5;
  }

  private void putShort(int at, int value) {
    bytes[at] = (byte) (value >>> 8);
    bytes[at + 1] = (byte) value;
  }

  private void putInt(int at, int value) {
    bytes[at] = (byte) (value >>> 24);
    bytes[at + 1] = (byte) (value >>> 16);
    bytes[at + 2] = (byte) (value >>> 8);
    bytes[at + 3] = (byte) value;
  }

  private void putLong(long value) {
    room(8);
    putInt(size, (int) (value >>> 32));
    putInt(size + 4, (int) value);
    size += 8;
  }

  private void room(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
