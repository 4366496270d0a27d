package io.intuition.algo.strategy.random;

import io.intuition.algo.portfolio.Holdings;
import io.intuition.algo.strategy.Strategy;
import io.intuition.algo.trade.Intent;
import io.intuition.common.quote.Quote;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The original algorithm: for each quote it draws a number in [0, 1) and buys when the draw reaches
 * the threshold, leaving the amount to the sizer.
 *
 * <p>Driven by a single thread (the RPC server's loop); it holds no locks and is not thread-safe.
 */
final class RandomStrategy implements Strategy<RandomConfig> {
  private final RandomGenerator draws;
  private double threshold = RandomConfig.DEFAULT_THRESHOLD;

  RandomStrategy(RandomGenerator draws) {
    this.draws = draws;
  }

  @Override
  public void initialize(RandomConfig config) {
    threshold = config.threshold();
  }

  @Override
  public List<Intent> onQuote(Quote quote, Holdings holdings) {
    // draws lie in [0, 1): threshold 0 always buys and threshold 1 never does
    return draws.nextDouble() < threshold ? List.of() : List.of(Intent.buy(quote.sid()));
  }
}
