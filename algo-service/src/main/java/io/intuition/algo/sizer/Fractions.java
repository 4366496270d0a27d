package io.intuition.algo.sizer;

import io.intuition.algo.portfolio.Holdings;
import io.intuition.algo.trade.Intent;
import io.intuition.algo.trade.Quantity;
import io.intuition.common.quote.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A fraction of what the book holds, in the precision it counts: cents of cash, shares to 1e-6. */
final class Fractions {
  private static final int CASH_SCALE = 2;
  private static final int SHARES_SCALE = 6;

  private Fractions() {}

  /** For a buy, {@code fraction} of the cash left; for a sale, of the shares held; rounded down. */
  static Quantity of(BigDecimal fraction, Intent intent, Holdings holdings) {
    if (intent.side() == Side.BUY) {
      return new Quantity.Cash(
          holdings.cash().multiply(fraction).setScale(CASH_SCALE, RoundingMode.DOWN));
    }
    return new Quantity.Shares(
        holdings.shares(intent.sid()).multiply(fraction).setScale(SHARES_SCALE, RoundingMode.DOWN));
  }
}
