package io.intuition.algo.strategy;

import io.intuition.algo.plugin.Factory;
import io.intuition.algo.plugin.Registry;

/**
 * Makes a strategy: {@code algo-service --algo NAME} chooses it. Implementations are listed in
 * {@code META-INF/services/io.intuition.algo.strategy.StrategyFactory}.
 *
 * @param <C> the strategy's config record
 */
public interface StrategyFactory<C extends Record> extends Factory<C, Strategy<C>> {

  /** Every strategy on the class path. */
  static Registry<StrategyFactory<?>> registry() {
    @SuppressWarnings("unchecked")
    Class<StrategyFactory<?>> type = (Class<StrategyFactory<?>>) (Class<?>) StrategyFactory.class;
    return Registry.load(type, "algorithm");
  }
}
