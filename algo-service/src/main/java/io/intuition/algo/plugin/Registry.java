package io.intuition.algo.plugin;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The factories of one kind on the class path, by name: each a line in its {@code
 * META-INF/services} file, so adding one needs no change here.
 *
 * @param <F> the kind of factory
 */
public final class Registry<F extends Factory<?, ?>> {
  private final String kind;
  private final Map<String, F> factories;

  private Registry(String kind, Map<String, F> factories) {
    this.kind = kind;
    this.factories = factories;
  }

  /**
   * Finds every factory of {@code type} with {@link ServiceLoader}.
   *
   * @param kind what the factories make, for error messages, such as {@code algorithm}
   * @throws IllegalStateException if two factories have one name
   */
  public static <F extends Factory<?, ?>> Registry<F> load(Class<F> type, String kind) {
    Map<String, F> factories = new TreeMap<>();
    for (F factory : ServiceLoader.load(type, type.getClassLoader())) {
      F before = factories.put(factory.name(), factory);
      if (before != null) {
        throw new IllegalStateException(
            "two "
                + kind
                + "s are called "
                + factory.name()
                + ": "
                + before.getClass().getName()
                + " and "
                + factory.getClass().getName());
      }
    }
    return new Registry<>(kind, Map.copyOf(factories));
  }

  /** The names, sorted. */
  public Set<String> names() {
    return new TreeSet<>(factories.keySet());
  }

  /**
   * The factory called {@code name}.
   *
   * @throws IllegalArgumentException if none has that name; the message lists the names
   */
  public F get(String name) {
    F factory = factories.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          kind + " must be one of " + names() + ", but was \"" + name + "\"");
    }
    return factory;
  }
}
