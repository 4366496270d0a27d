package io.intuition.algo.catalog;

import io.intuition.algo.algorithm.Algorithm;
import io.intuition.algo.algorithm.RandomAlgo;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * The one place where algorithms, each composed with its portfolio, are registered by name. A new
 * algorithm is a class implementing {@link Algorithm} plus one line here.
 */
public final class Catalog {
  private static final Map<String, LongFunction<Algorithm>> ALGORITHMS =
      new TreeMap<>(Map.of("random", RandomAlgo::withRandomPortfolio));

  private Catalog() {}

  /** The registered algorithm names, sorted. */
  public static Set<String> names() {
    return ALGORITHMS.keySet();
  }

  /**
   * A new instance of the algorithm called {@code name}, drawing from {@code seed}.
   *
   * @throws IllegalArgumentException if no algorithm has that name; the message lists the names
   */
  public static Algorithm algorithm(String name, long seed) {
    LongFunction<Algorithm> factory = ALGORITHMS.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "algorithm must be one of " + names() + ", but was \"" + name + "\"");
    }
    return factory.apply(seed);
  }
}
