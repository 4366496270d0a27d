package io.intuition.common.indicator;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The exponential moving average over {@code window} prices: seeded by the simple average of the
 * first {@code window} prices, then {@code ema += k * (price - ema)} with {@code k = 2 / (window +
 * 1)}, every step rounded to {@link Indicator#MATH}.
 *
 * <p>Not thread-safe.
 */
public final class Ema implements Indicator {
  private final int window;
  private final BigDecimal k;
  private int count;
  private BigDecimal seedSum = BigDecimal.ZERO;
  private BigDecimal ema;

  /**
   * An average over {@code window} prices.
   *
   * @throws IllegalArgumentException if {@code window} is less than 1
   */
  public Ema(int window) {
    this.window = Windows.require(window);
    this.k = BigDecimal.valueOf(2).divide(BigDecimal.valueOf(window + 1L), MATH);
  }

  @Override
  public String name() {
    return IndicatorKind.EMA.wireName();
  }

  @Override
  public int window() {
    return window;
  }

  @Override
  public void add(BigDecimal price) {
    Objects.requireNonNull(price, "price must not be null");
    if (count < window) {
      count++;
      seedSum = seedSum.add(price);
      if (count == window) {
        ema = seedSum.divide(BigDecimal.valueOf(window), MATH);
      }
      return;
    }
    ema = ema.add(k.multiply(price.subtract(ema, MATH), MATH), MATH);
  }

  @Override
  public boolean isFull() {
    return count == window;
  }

  @Override
  public BigDecimal value() {
    Windows.requireFull(this);
    return ema;
  }
}
