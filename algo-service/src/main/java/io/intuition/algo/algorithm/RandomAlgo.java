package io.intuition.algo.algorithm;

import io.intuition.algo.portfolio.Portfolio;
import io.intuition.algo.portfolio.RandomPortfolio;
import io.intuition.common.quote.Order;
import io.intuition.common.quote.Quote;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Buys at random: for each quote it draws a number in [0, 1) and buys when the draw reaches the
 * threshold, letting its portfolio decide how much.
 *
 * <p>The draws and the portfolio's own choices come from one generator, re-seeded by every {@link
 * #initialize(AlgoParams)}, so the same seed and quotes always give the same orders.
 *
 * <p>Driven by a single thread (the RPC server's worker thread); it holds no locks and is not
 * thread-safe.
 */
public final class RandomAlgo implements Algorithm {
  // java.util.Random rather than SplittableRandom: its sequence is specified, and it can be
  // re-seeded in place, so the portfolio keeps the very same generator across runs.
  private final Random random;
  private final long seed;
  private final Portfolio portfolio;
  private double threshold;
  private boolean initialized;

  /**
   * Creates the algorithm and its portfolio, which shares the algorithm's seeded generator.
   *
   * @param portfolioFactory builds the portfolio from the shared generator; called once, here
   * @param seed the seed every run starts from
   * @throws NullPointerException if {@code portfolioFactory} is null or returns null
   */
  public RandomAlgo(Function<RandomGenerator, Portfolio> portfolioFactory, long seed) {
    Objects.requireNonNull(portfolioFactory, "portfolioFactory must not be null");
    this.random = new Random(seed);
    this.seed = seed;
    this.portfolio =
        Objects.requireNonNull(
            portfolioFactory.apply(random), "portfolioFactory must not return null");
  }

  /**
   * Creates the algorithm with a {@link RandomPortfolio} sharing its generator.
   *
   * @param seed the seed every run starts from
   * @return the algorithm, to be initialized before use
   */
  public static RandomAlgo withRandomPortfolio(long seed) {
    return new RandomAlgo(RandomPortfolio::new, seed);
  }

  @Override
  public List<String> initialize(AlgoParams params) {
    Objects.requireNonNull(params, "params must not be null");
    portfolio.reset(params.startingCash());
    random.setSeed(seed);
    threshold = params.threshold();
    initialized = true;
    return params.channels();
  }

  @Override
  public Optional<Order> event(Quote quote) {
    if (!initialized) {
      throw new IllegalStateException("event called before initialize");
    }
    Objects.requireNonNull(quote, "quote must not be null");
    // Draws lie in [0, 1): threshold 0 always buys and threshold 1 never does.
    if (random.nextDouble() < threshold) {
      return Optional.empty();
    }
    return Optional.of(portfolio.optimize(quote));
  }

  /**
   * The portfolio's cash left to invest.
   *
   * @return the cash, never negative
   */
  public BigDecimal cash() {
    return portfolio.cash();
  }
}
