package io.intuition.algo.strategy.smacross;

import io.intuition.algo.config.Params;
import io.intuition.algo.strategy.Strategy;
import io.intuition.algo.strategy.StrategyFactory;
import java.util.random.RandomGenerator;

/** Makes the {@code sma-cross} strategy: moving-average crossings, both ways. */
public final class SmaCrossFactory implements StrategyFactory<SmaCrossConfig> {
  /** The name it is chosen by. */
  public static final String NAME = "sma-cross";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Class<SmaCrossConfig> configType() {
    return SmaCrossConfig.class;
  }

  @Override
  public SmaCrossConfig config(Params params) {
    return SmaCrossConfig.from(params);
  }

  @Override
  public Strategy<SmaCrossConfig> create(RandomGenerator draws) {
    return new SmaCross();
  }
}
