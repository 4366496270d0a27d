package io.intuition.algo.trade;

import io.intuition.common.quote.Side;
import java.util.Objects;

/**
 * What a strategy wants done at a quote: buy or sell a symbol, sized as it asks.
 *
 * @param side buy or sell
 * @param sid the symbol; never blank
 * @param sizing who chooses the quantity
 */
public record Intent(Side side, String sid, Sizing sizing) {

  /**
   * Validates the intent.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if {@code sid} is blank
   */
  public Intent {
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(sid, "sid must not be null");
    Objects.requireNonNull(sizing, "sizing must not be null");
    if (sid.isBlank()) {
      throw new IllegalArgumentException("sid must not be blank");
    }
  }

  /** A buy of {@code sid}, as much as the sizer says. */
  public static Intent buy(String sid) {
    return new Intent(Side.BUY, sid, Sizing.BY_SIZER);
  }

  /** A sale of every share of {@code sid} held. */
  public static Intent sellAll(String sid) {
    return new Intent(Side.SELL, sid, Sizing.WHOLE_POSITION);
  }
}
