package io.intuition.common.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.msgpack.value.ValueType;

/**
 * Fuzzes the event decoder, both ways it reads args: whatever the bytes, decoding returns an event
 * or throws {@link MalformedEventException}, within a deadline, allocating in proportion to the
 * bytes it was given and never to a length or count they claim.
 */
class EventDecoderFuzzTest {
  private static final Duration DEADLINE = Duration.ofSeconds(2);

  /**
   * What a decode may allocate: a few times the input (the decoded values and their copies) plus a
   * fixed amount (the unpacker, an exception and its message), but nothing like a claimed length.
   */
  private static final long ALLOCATION_PER_BYTE = 32;

  private static final long ALLOCATION_BASE = 256 * 1024;

  private final EventCodec codec = new EventCodec();

  @Provide
  Arbitrary<Sample> anyBytes() {
    return EventBytes.anyPayload();
  }

  @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE)
  void decode_anyBytes_givesAnEventOrMalformedEventInTimeAndBoundedMemory(
      @ForAll("anyBytes") Sample sample) {
    Decoding plain = decode(codec::decode, sample.bytes());
    Decoding packed = decode(codec::decodePacked, sample.bytes());

    Statistics.label("decode").collect(sample.kind(), outcome(plain));
    Statistics.label("decodePacked").collect(sample.kind(), outcome(packed));
  }

  @Provide
  Arbitrary<Payload> valid() {
    return EventBytes.events().map(Payload::new);
  }

  @Property(tries = 200)
  void decode_validEvent_givesTheEvent(@ForAll("valid") Payload payload) {
    assertThat(decode(codec::decode, payload.bytes()).failure()).isNull();
    assertThat(decode(codec::decodePacked, payload.bytes()).failure()).isNull();
  }

  @Example
  void decode_strClaimingTwoGibibytes_failsFastWithoutAllocatingThem() {
    // [{"message_id": "id"}, <str32 of 2 GiB>, ...]: a name claiming 2 GiB, with 3 bytes behind it
    byte[] payload = HexFormat.of().parseHex("9381aa6d6573736167655f6964a26964db7fffffff616263");

    Decoding decoding = decode(codec::decode, payload);

    assertThat(decoding.failure())
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("claims 2147483647 bytes");
    assertThat(decoding.allocatedBytes()).isLessThan(ALLOCATION_BASE);
  }

  @Example
  void decode_megabyteOfNestedClaims_allocatesByTheInputNotTheClaims() {
    // the server's largest frame: 64 arrays, each claiming the million bytes that follow it
    byte[] payload = EventBytes.nestedClaims(Msgpack.MAX_DEPTH, 1024 * 1024, ValueType.ARRAY);

    Decoding decoding = decode(codec::decode, payload);

    assertThat(decoding.failure()).isInstanceOf(MalformedEventException.class);
  }

  private static Decoding decode(Function<byte[], Event> decoder, byte[] payload) {
    Decoding decoding = Decoding.of(decoder, payload, DEADLINE);
    if (decoding.failure() != null) {
      assertThat(decoding.failure())
          .as("what decoding %d bytes threw", payload.length)
          .isInstanceOf(MalformedEventException.class);
    }
    assertThat(decoding.allocatedBytes())
        .as("bytes allocated decoding %d bytes", payload.length)
        .isLessThanOrEqualTo(ALLOCATION_PER_BYTE * payload.length + ALLOCATION_BASE);
    return decoding;
  }

  private static String outcome(Decoding decoding) {
    return decoding.failure() == null ? "event" : "malformed";
  }
}
