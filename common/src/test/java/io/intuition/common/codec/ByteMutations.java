package io.intuition.common.codec;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Arbitraries of any bytes mutated as a fuzzer mutates them, for whatever reads bytes. */
public final class ByteMutations {
  private ByteMutations() {}

  /**
   * {@code originals} changed by one to four mutations: bits flipped, bytes cut off, {@code
   * inserted} inserted, bytes deleted, or any of {@code more}.
   */
  public static Arbitrary<byte[]> mutated(
      Arbitrary<byte[]> originals, Arbitrary<byte[]> inserted, List<Arbitrary<Mutation>> more) {
    Arbitrary<Integer> at = positions();
    List<Arbitrary<Mutation>> mutations = new ArrayList<>(more);
    mutations.add(
        Combinators.combine(at, Arbitraries.integers().between(0, 7)).as(Mutation.FlipBit::new));
    mutations.add(at.map(Mutation.Truncate::new));
    mutations.add(Combinators.combine(at, inserted).as(Mutation.Insert::new));
    mutations.add(
        Combinators.combine(at, Arbitraries.integers().between(1, 8)).as(Mutation.Delete::new));
    return Combinators.combine(
            originals, Arbitraries.oneOf(mutations).list().ofMinSize(1).ofMaxSize(4))
        .as(ByteMutations::apply);
  }

  /** Positions to mutate at, taken modulo the length of the bytes. */
  static Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 100_000);
  }

  private static byte[] apply(byte[] original, List<Mutation> mutations) {
    byte[] bytes = original;
    for (Mutation mutation : mutations) {
      bytes = mutation.apply(bytes);
    }
    return bytes;
  }
}
