package io.intuition.algo.sizer;

import io.intuition.algo.config.Params;
import io.intuition.algo.portfolio.Holdings;
import io.intuition.algo.trade.Intent;
import io.intuition.algo.trade.Quantity;
import io.intuition.common.quote.Quote;
import java.math.BigDecimal;
import java.util.random.RandomGenerator;

/**
 * The original sizing: a random fraction of the cash left for a buy, rounded down to cents, and a
 * random fraction of the shares held for a sale.
 *
 * <p>A fraction is drawn for every intent, even when nothing is left, so a seeded run draws the
 * same sequence whatever the book holds. Driven by a single thread; not thread-safe.
 */
final class RandomFraction implements Sizer<RandomFraction.Config> {
  /** The name it is chosen by. */
  static final String NAME = "random-fraction";

  private final RandomGenerator draws;

  /** It takes no settings. */
  record Config() {}

  RandomFraction(RandomGenerator draws) {
    this.draws = draws;
  }

  @Override
  public void initialize(Config config) {}

  @Override
  public Quantity size(Intent intent, Quote quote, Holdings holdings) {
    return Fractions.of(BigDecimal.valueOf(draws.nextDouble()), intent, holdings);
  }

  /** Makes it. */
  public static final class Factory implements SizerFactory<Config> {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Class<Config> configType() {
      return Config.class;
    }

    @Override
    public Config config(Params params) {
      return new Config();
    }

    @Override
    public Sizer<Config> create(RandomGenerator draws) {
      return new RandomFraction(draws);
    }
  }
}
