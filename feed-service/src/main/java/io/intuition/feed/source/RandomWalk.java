package io.intuition.feed.source;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Endless synthetic prices: a geometric random walk per symbol, the symbols taking turns, all drawn
 * from one seeded generator so that a seed always gives the same sequence. Single-threaded.
 */
public final class RandomWalk implements QuoteSource {
  /** Standard deviation of one step's log return: about 0.2 % per tick. */
  static final double VOLATILITY = 0.002;

  private static final double MIN_START = 20;
  private static final double MAX_START = 500;
  private static final double MIN_PRICE = 0.01;

  private final List<String> symbols;
  private final long seed;
  private final double volatility;
  private final Random random;
  private final double[] prices;
  private int turn;

  /**
   * A walk over {@code symbols} drawn from {@code seed}.
   *
   * @throws IllegalArgumentException if there is no symbol or one is blank
   */
  public RandomWalk(List<String> symbols, long seed) {
    this(symbols, seed, VOLATILITY);
  }

  RandomWalk(List<String> symbols, long seed, double volatility) {
    if (symbols.isEmpty() || symbols.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException(
          "symbols must be a non-empty list of names, but was \""
              + String.join(",", symbols)
              + "\"");
    }
    this.symbols = List.copyOf(symbols);
    this.seed = seed;
    this.volatility = volatility;
    this.random = new Random(seed);
    this.prices = new double[symbols.size()];
    for (int i = 0; i < prices.length; i++) {
      prices[i] = MIN_START + random.nextDouble() * (MAX_START - MIN_START);
    }
  }

  /** The next symbol's next price, rounded to cents. */
  @Override
  public Tick next() {
    int i = turn;
    turn = (turn + 1) % prices.length;
    prices[i] = Math.max(MIN_PRICE, prices[i] * Math.exp(volatility * random.nextGaussian()));
    BigDecimal price = BigDecimal.valueOf(prices[i]).setScale(2, RoundingMode.HALF_EVEN);
    return new Tick(symbols.get(i), price.max(BigDecimal.valueOf(MIN_PRICE)), null);
  }

  @Override
  public OptionalLong size() {
    return OptionalLong.empty();
  }

  @Override
  public boolean timed() {
    return false;
  }

  @Override
  public String toString() {
    return "random walk over " + String.join(",", symbols) + " (seed " + seed + ")";
  }
}
