package io.intuition.algo.sizer;

import io.intuition.algo.config.InvalidParamsException;
import io.intuition.algo.config.Params;
import io.intuition.algo.portfolio.Holdings;
import io.intuition.algo.trade.Intent;
import io.intuition.algo.trade.Quantity;
import io.intuition.common.quote.Quote;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Invests the same fraction of the cash left in every buy, rounded down to cents, and sells that
 * fraction of the shares held. Driven by a single thread; not thread-safe.
 */
final class FixedFraction implements Sizer<FixedFraction.Config> {
  /** The name it is chosen by. */
  static final String NAME = "fixed-fraction";

  private BigDecimal fraction = Config.DEFAULT_FRACTION;

  /**
   * The settings of {@code fixed-fraction}.
   *
   * @param fraction the part of the cash, or of the shares, each order takes; in (0, 1]
   */
  record Config(BigDecimal fraction) {
    static final BigDecimal DEFAULT_FRACTION = new BigDecimal("0.1");
    static final String FRACTION = "fraction";

    /**
     * Validates the settings.
     *
     * @throws InvalidParamsException if {@code fraction} is not above 0 and at most 1
     */
    Config {
      Objects.requireNonNull(fraction, "fraction must not be null");
      if (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
        throw new InvalidParamsException(
            "fraction must be above 0 and at most 1, but was " + fraction.toPlainString());
      }
    }

    static Config from(Params params) {
      return new Config(params.decimal(FRACTION, DEFAULT_FRACTION));
    }
  }

  @Override
  public void initialize(Config config) {
    fraction = config.fraction();
  }

  @Override
  public Quantity size(Intent intent, Quote quote, Holdings holdings) {
    return Fractions.of(fraction, intent, holdings);
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
      return Config.from(params);
    }

    @Override
    public Sizer<Config> create(RandomGenerator draws) {
      return new FixedFraction();
    }
  }
}
