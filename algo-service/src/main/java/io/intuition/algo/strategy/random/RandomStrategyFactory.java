package io.intuition.algo.strategy.random;

import io.intuition.algo.config.Params;
import io.intuition.algo.strategy.Strategy;
import io.intuition.algo.strategy.StrategyFactory;
import java.util.random.RandomGenerator;

/** Makes the {@code random} strategy, the original algorithm. */
public final class RandomStrategyFactory implements StrategyFactory<RandomConfig> {
  /** The name it is chosen by. */
  public static final String NAME = "random";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Class<RandomConfig> configType() {
    return RandomConfig.class;
  }

  @Override
  public RandomConfig config(Params params) {
    return RandomConfig.from(params);
  }

  @Override
  public Strategy<RandomConfig> create(RandomGenerator draws) {
    return new RandomStrategy(draws);
  }
}
