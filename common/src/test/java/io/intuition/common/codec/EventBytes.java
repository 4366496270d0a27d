package io.intuition.common.codec;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.msgpack.value.ValueType;

/**
 * Arbitraries of bytes for whatever reads zerorpc events: valid events (the captured Python and
 * Node vectors and generated ones), the same mutated as a fuzzer mutates them, random bytes, and
 * nested containers whose counts claim every byte that follows, to find allocation sized by what
 * the wire claims rather than by what it holds.
 */
public final class EventBytes {
  /** Names that reach every path of a server: methods, built-ins, replies and unknown names. */
  private static final List<String> NAMES =
      List.of(
          "event",
          "initialize",
          "add",
          "echo",
          "boom",
          "no_such_method",
          "_zerorpc_ping",
          "_zerorpc_inspect",
          "_zerorpc_list",
          "_zerorpc_name",
          "_zerorpc_help",
          "_zerorpc_args",
          "_zerorpc_bogus",
          Protocol.OK,
          Protocol.ERR,
          Protocol.HEARTBEAT,
          Protocol.STREAM,
          Protocol.MORE,
          "");

  /** Type bytes that turn a value into another kind: every format, fix forms at their bounds. */
  private static final int[] TYPE_BYTES = {
    0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7,
    0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7,
    0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xe0, 0xff
  };

  /** Headers that claim far more than any message holds. */
  private static final List<byte[]> HUGE_HEADERS =
      List.of(
          hex("db7fffffff"), // str32 of 2 GiB
          hex("dbffffffff"), // str32 of 4 GiB
          hex("c67fffffff"), // bin32
          hex("c9ffffffff01"), // ext32
          hex("dd7fffffff"), // array32
          hex("ddffffffff"),
          hex("df7fffffff"), // map32
          hex("dfffffffff"));

  private static final EventCodec CODEC = new EventCodec();

  private EventBytes() {}

  /** Well-formed events: every captured vector, and generated requests and replies. */
  public static Arbitrary<byte[]> events() {
    List<byte[]> captured = Vectors.all().stream().map(Vectors.Vector::payload).toList();
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(captured).map(byte[]::clone)),
        Tuple.of(2, generatedEvents().map(CODEC::encode)));
  }

  /** Valid events changed by one to four mutations. */
  public static Arbitrary<byte[]> mutatedEvents() {
    Arbitrary<Integer> at = ByteMutations.positions();
    Arbitrary<byte[]> inserted =
        Arbitraries.oneOf(
            Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8),
            Arbitraries.of(HUGE_HEADERS));
    return ByteMutations.mutated(
        events(),
        inserted,
        List.of(
            Combinators.combine(at, Arbitraries.of(Arrays.stream(TYPE_BYTES).boxed().toList()))
                .as(Mutation.TypeByte::new),
            Combinators.combine(at, Arbitraries.of(Mutation.Claim.class))
                .as(Mutation.Relength::new)));
  }

  /** Random bytes, some behind the array(3) byte every event starts with to get further in. */
  public static Arbitrary<byte[]> randomBytes() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    Arbitrary<byte[]> typeBytes =
        Arbitraries.of(Arrays.stream(TYPE_BYTES).boxed().toList())
            .list()
            .ofMaxSize(40)
            .map(EventBytes::bytesOf);
    return Arbitraries.oneOf(random, random.map(bytes -> concat(hex("93"), bytes)), typeBytes);
  }

  /**
   * An event whose args are {@code depth} nested arrays or maps, each claiming as many elements as
   * the bytes after it could hold, around {@code padding} nils: every claim passes a check against
   * the bytes left, so a reader that sizes containers by the claim allocates depth times the input.
   */
  public static Arbitrary<byte[]> nestedClaims() {
    return nestedClaims(Arbitraries.integers().between(1, 128 * 1024));
  }

  /**
   * Payloads of 64 to 512 KiB: random bytes, a valid {@code echo} of a large bin, and nested
   * claims; made from a seed rather than byte by byte, so that they are quick to make.
   */
  public static Arbitrary<byte[]> large() {
    Arbitrary<Integer> sizes =
        Arbitraries.integers()
            .between(64 * 1024, 512 * 1024)
            .withDistribution(RandomDistribution.uniform());
    Arbitrary<byte[]> noise = Combinators.combine(sizes, Arbitraries.longs()).as(EventBytes::noise);
    Arbitrary<byte[]> echo =
        Combinators.combine(messageIds(), noise)
            .as((id, bytes) -> CODEC.encode(Event.request(id, "echo", List.of(bytes))));
    return Arbitraries.oneOf(noise, echo, nestedClaims(sizes));
  }

  /** Everything above but the large, mutated events twice as often: bytes to survive. */
  public static Arbitrary<Sample> anyPayload() {
    Arbitrary<Sample> mutated = Sample.of("mutated", mutatedEvents());
    return Arbitraries.oneOf(
        List.of(
            Sample.of("valid", events()),
            mutated,
            mutated,
            Sample.of("random", randomBytes()),
            Sample.of("nested claims", nestedClaims())));
  }

  /** Generated requests and replies with arbitrary ids, names and args. */
  public static Arbitrary<Event> generatedEvents() {
    Arbitrary<MessageId> ids = messageIds();
    Arbitrary<Event> requests =
        Combinators.combine(ids, Arbitraries.of(NAMES), WireValues.values().list().ofMaxSize(3))
            .as(Event::request);
    Arbitrary<Event> oks = Combinators.combine(ids, ids, WireValues.values()).as(Event::ok);
    Arbitrary<Event> errs =
        Combinators.combine(ids, ids, Arbitraries.strings().ofMaxLength(20))
            .as((id, to, message) -> Event.err(id, to, "ValueError", message, ""));
    Arbitrary<Event> heartbeats = Combinators.combine(ids, ids).as(Event::heartbeat);
    return Arbitraries.frequencyOf(
        Tuple.of(6, requests), Tuple.of(2, oks), Tuple.of(1, errs), Tuple.of(1, heartbeats));
  }

  /** Ids as Python sends them (bin) and as Node does (str), of any length. */
  public static Arbitrary<MessageId> messageIds() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(MessageId::binary),
        Arbitraries.strings().ofMaxLength(40).map(MessageId::text));
  }

  private static Arbitrary<byte[]> nestedClaims(Arbitrary<Integer> paddings) {
    return Combinators.combine(
            Arbitraries.integers().between(1, Msgpack.MAX_DEPTH + 2),
            paddings,
            Arbitraries.of(ValueType.ARRAY, ValueType.MAP))
        .as(EventBytes::nestedClaims);
  }

  /** One of {@link #nestedClaims()}: {@code depth} arrays or maps around {@code padding} nils. */
  public static byte[] nestedClaims(int depth, int padding, ValueType type) {
    byte[] head = CODEC.encode(Event.request(MessageId.text("id"), "echo", null));
    byte[] prefix = Arrays.copyOf(head, head.length - 1); // without the nil args
    byte[] nils = new byte[padding];
    Arrays.fill(nils, (byte) 0xc0);
    byte[] rest = nils;
    for (int i = 0; i < depth; i++) {
      long claim = type == ValueType.MAP ? rest.length / 2 : rest.length;
      rest = concat(Mutation.header(type, claim, (byte) 0), rest);
    }
    return concat(prefix, rest);
  }

  private static byte[] noise(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static byte[] bytesOf(List<Integer> values) {
    byte[] bytes = new byte[values.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (int) values.get(i);
    }
    return bytes;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] out = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
