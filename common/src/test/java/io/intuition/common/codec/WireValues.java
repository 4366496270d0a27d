package io.intuition.common.codec;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Arbitraries of the Java values {@link Msgpack} writes: scalars, and lists and maps of them. */
final class WireValues {
  private WireValues() {}

  /** Any value, nested up to three levels. */
  static Arbitrary<Object> values() {
    return Arbitraries.recursive(WireValues::scalars, WireValues::containers, 0, 3);
  }

  private static Arbitrary<Object> scalars() {
    return Arbitraries.<Object>oneOf(
            List.of(
                Arbitraries.of(true, false),
                Arbitraries.longs(),
                Arbitraries.integers(),
                Arbitraries.doubles(),
                Arbitraries.floats(),
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(4),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(12)))
        .injectNull(0.05);
  }

  private static Arbitrary<Object> containers(Arbitrary<Object> inner) {
    return Arbitraries.oneOf(
        inner.list().ofMaxSize(4).map(list -> list),
        Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), inner).ofMaxSize(4).map(map -> map));
  }
}
