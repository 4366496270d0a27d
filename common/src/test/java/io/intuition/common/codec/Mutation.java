package io.intuition.common.codec;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.msgpack.value.ValueType;

/**
 * One change a fuzzer makes to msgpack bytes. Positions are taken modulo the length, so any
 * mutation applies to any bytes; one that has nothing to change returns them as they are.
 */
public sealed interface Mutation {
  /** The changed bytes; {@code bytes} itself is left alone. */
  byte[] apply(byte[] bytes);

  /** Flips one bit. */
  record FlipBit(int at, int bit) implements Mutation {
    @Override
    public byte[] apply(byte[] bytes) {
      return changed(bytes, at, old -> old ^ (1 << (bit & 7)));
    }
  }

  /** Keeps only the bytes before {@code at}. */
  record Truncate(int at) implements Mutation {
    @Override
    public byte[] apply(byte[] bytes) {
      return Arrays.copyOf(bytes, at % (bytes.length + 1));
    }
  }

  /** Inserts bytes, such as a header claiming gigabytes. */
  record Insert(int at, byte[] inserted) implements Mutation {
    @Override
    public byte[] apply(byte[] bytes) {
      return splice(bytes, at % (bytes.length + 1), 0, inserted);
    }

    @Override
    public String toString() {
      return "Insert[at=" + at + ", inserted=" + HexFormat.of().formatHex(inserted) + "]";
    }
  }

  /** Deletes up to {@code count} bytes. */
  record Delete(int at, int count) implements Mutation {
    @Override
    public byte[] apply(byte[] bytes) {
      if (bytes.length == 0) {
        return bytes;
      }
      int from = at % bytes.length;
      return splice(bytes, from, Math.min(count, bytes.length - from), new byte[0]);
    }
  }

  /** Overwrites one byte with a msgpack type byte, so a value becomes another kind of value. */
  record TypeByte(int at, int type) implements Mutation {
    @Override
    public byte[] apply(byte[] bytes) {
      return changed(bytes, at, old -> type);
    }

    @Override
    public String toString() {
      return "TypeByte[at=" + at + ", type=0x" + Integer.toHexString(type) + "]";
    }
  }

  /** How a rewritten header's length relates to the truth. */
  enum Claim {
    ZERO,
    ONE_LESS,
    ONE_MORE,
    ALL_THAT_IS_LEFT,
    MORE_THAN_IS_LEFT,
    TWO_GIB,
    FOUR_GIB
  }

  /** Rewrites the length or count of the {@code header}th str, bin, ext, array or map header. */
  record Relength(int header, Claim claim) implements Mutation {
    @Override
    public byte[] apply(byte[] bytes) {
      List<WireHeaders.Header> headers = WireHeaders.of(bytes);
      if (headers.isEmpty()) {
        return bytes;
      }
      WireHeaders.Header target = headers.get(header % headers.size());
      long left = bytes.length - (long) target.offset() - target.size();
      byte extType = bytes[target.offset() + target.size() - 1];
      byte[] rewritten = Mutation.header(target.type(), length(target, left), extType);
      return splice(bytes, target.offset(), target.size(), rewritten);
    }

    private long length(WireHeaders.Header target, long left) {
      long perElement = target.type() == ValueType.MAP ? 2 : 1;
      return switch (claim) {
        case ZERO -> 0;
        case ONE_LESS -> Math.max(0, target.declared() - 1);
        case ONE_MORE -> target.declared() + 1;
        case ALL_THAT_IS_LEFT -> left / perElement;
        case MORE_THAN_IS_LEFT -> left / perElement + 1;
        case TWO_GIB -> Integer.MAX_VALUE;
        case FOUR_GIB -> 0xffff_ffffL;
      };
    }
  }

  /** The smallest msgpack header of {@code type} for {@code length}. */
  static byte[] header(ValueType type, long length, byte extType) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (type) {
      case STRING -> sized(out, length, 0xa0, 32, 0xd9, 0xda, 0xdb);
      case BINARY -> sized(out, length, -1, 0, 0xc4, 0xc5, 0xc6);
      case ARRAY -> sized(out, length, 0x90, 16, -1, 0xdc, 0xdd);
      case MAP -> sized(out, length, 0x80, 16, -1, 0xde, 0xdf);
      default -> {
        sized(out, length, -1, 0, 0xc7, 0xc8, 0xc9);
        out.write(extType);
      }
    }
    return out.toByteArray();
  }

  private static void sized(
      ByteArrayOutputStream out, long n, int fix, int fixLimit, int b8, int b16, int b32) {
    if (n < fixLimit) {
      out.write(fix | (int) n);
    } else if (b8 >= 0 && n < 0x100) {
      out.write(b8);
      out.write((int) n);
    } else if (n < 0x10000) {
      out.write(b16);
      out.write((int) (n >>> 8));
      out.write((int) n);
    } else {
      out.write(b32);
      for (int shift = 24; shift >= 0; shift -= 8) {
        out.write((int) (n >>> shift));
      }
    }
  }

  private static byte[] changed(byte[] bytes, int at, IntUnaryOperator change) {
    if (bytes.length == 0) {
      return bytes;
    }
    byte[] out = bytes.clone();
    out[at % out.length] = (byte) change.applyAsInt(out[at % out.length]);
    return out;
  }

  private static byte[] splice(byte[] bytes, int from, int removed, byte[] inserted) {
    byte[] out = new byte[bytes.length - removed + inserted.length];
    System.arraycopy(bytes, 0, out, 0, from);
    System.arraycopy(inserted, 0, out, from, inserted.length);
    int rest = from + removed;
    System.arraycopy(bytes, rest, out, from + inserted.length, bytes.length - rest);
    return out;
  }
}
