package io.intuition.common.codec;

import net.jqwik.api.Arbitrary;

/**
 * Bytes under test with the kind of generator that made them, so that a property's statistics say
 * how each kind fared and its report names the kind of a failing sample.
 *
 * @param kind such as {@code mutated} or {@code random}
 * @param payload the bytes
 */
public record Sample(String kind, Payload payload) {
  /** The bytes of {@code payloads} as samples of {@code kind}. */
  public static Arbitrary<Sample> of(String kind, Arbitrary<byte[]> payloads) {
    return payloads.map(bytes -> new Sample(kind, new Payload(bytes)));
  }

  /** The bytes. */
  public byte[] bytes() {
    return payload.bytes();
  }
}
