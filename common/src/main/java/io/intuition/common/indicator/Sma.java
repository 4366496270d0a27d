package io.intuition.common.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The simple moving average of the last {@code window} prices: a ring buffer of them and their
 * exact running sum, so each price costs one addition and one subtraction.
 *
 * <p>Not thread-safe.
 */
public final class Sma implements Indicator {
  private final BigDecimal[] prices;
  private final BigDecimal length;
  private int count;
  private int next;
  private BigDecimal sum = BigDecimal.ZERO;

  /**
   * An average over {@code window} prices.
   *
   * @throws IllegalArgumentException if {@code window} is less than 1
   */
  public Sma(int window) {
    this.prices = new BigDecimal[Windows.require(window)];
    this.length = BigDecimal.valueOf(window);
  }

  @Override
  public String name() {
    return IndicatorKind.SMA.wireName();
  }

  @Override
  public int window() {
    return prices.length;
  }

  @Override
  public void add(BigDecimal price) {
    Objects.requireNonNull(price, "price must not be null");
    if (count == prices.length) {
      sum = sum.subtract(prices[next]);
    } else {
      count++;
    }
    prices[next] = price;
    sum = sum.add(price);
    next = (next + 1) % prices.length;
  }

  @Override
  public boolean isFull() {
    return count == prices.length;
  }

  @Override
  public BigDecimal value() {
    Windows.requireFull(this);
    return sum.divide(length, MATH);
  }

  /** The exact sum of the prices held: for comparisons that must not round. */
  public BigDecimal sum() {
    return sum;
  }

  /** The prices held, oldest first: at most {@link #window()}. */
  public List<BigDecimal> prices() {
    List<BigDecimal> held = new ArrayList<>(count);
    int start = count == prices.length ? next : 0;
    for (int i = 0; i < count; i++) {
      held.add(prices[(start + i) % prices.length]);
    }
    return held;
  }
}
