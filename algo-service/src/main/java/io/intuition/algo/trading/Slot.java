package io.intuition.algo.trading;

import io.intuition.algo.config.Params;
import io.intuition.algo.plugin.Component;
import io.intuition.algo.plugin.Factory;
import java.util.random.RandomGenerator;

/**
 * A component with the factory that made it, so that its typed config can be read and applied
 * without the trader knowing the type.
 */
final class Slot<C extends Record, T extends Component<C>> {
  private final Factory<C, T> factory;
  private final T component;

  private Slot(Factory<C, T> factory, T component) {
    this.factory = factory;
    this.component = component;
  }

  static <C extends Record, T extends Component<C>> Slot<C, T> create(
      Factory<C, T> factory, RandomGenerator draws) {
    return new Slot<>(factory, factory.create(draws));
  }

  /**
   * Reads the component's config now, and returns what applies it, so that every component's params
   * are checked before any is applied.
   */
  Runnable configure(Params params) {
    C config = factory.config(params);
    return () -> component.initialize(config);
  }

  String name() {
    return factory.name();
  }

  T component() {
    return component;
  }
}
