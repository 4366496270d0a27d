package io.intuition.algo.trading;

import io.intuition.algo.sizer.SizerFactory;
import io.intuition.algo.strategy.StrategyFactory;
import java.util.Map;

/** Traders for tests of other packages. */
public final class TraderTestSupport {
  private TraderTestSupport() {}

  /** A trader of {@code strategy} with the default sizer, seed 42 and no book. */
  public static Trader trader(String strategy) {
    return new Trader(
        StrategyFactory.registry().get(strategy),
        SizerFactory.registry().get("random-fraction"),
        42,
        new Limits(1_000, 1_000));
  }

  /** A trader of {@code strategy} with a book opened by default params. */
  public static Trader initialized(String strategy) {
    Trader trader = trader(strategy);
    trader.initialize(Map.of());
    return trader;
  }
}
