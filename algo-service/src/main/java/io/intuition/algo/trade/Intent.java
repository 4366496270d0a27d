package io.intuition.algo.trade;

import io.intuition.common.quote.Quote;
import io.intuition.common.quote.Side;
import java.util.Objects;

/**
 * What a strategy wants done: buy or sell a symbol, sized as it asks, at the quote it is answering
 * or at the quote it names.
 *
 * @param side buy or sell
 * @param sid the symbol; never blank
 * @param sizing who chooses the quantity
 * @param at the quote to fill it at, of the same symbol; null for the quote being answered. A
 *     strategy that decides on something else than a quote, such as an indicator value, names the
 *     quote whose price it decided on.
 */
public record Intent(Side side, String sid, Sizing sizing, Quote at) {

  /**
   * Validates the intent.
   *
   * @throws NullPointerException if a field but {@code at} is null
   * @throws IllegalArgumentException if {@code sid} is blank, or {@code at} quotes another symbol
   */
  public Intent {
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(sid, "sid must not be null");
    Objects.requireNonNull(sizing, "sizing must not be null");
    if (sid.isBlank()) {
      throw new IllegalArgumentException("sid must not be blank");
    }
    if (at != null && !at.sid().equals(sid)) {
      throw new IllegalArgumentException(
          "an intent for " + sid + " must be filled at a quote of it, not of " + at.sid());
    }
  }

  /** An intent filled at the quote being answered. */
  public Intent(Side side, String sid, Sizing sizing) {
    this(side, sid, sizing, null);
  }

  /** A buy of {@code sid}, as much as the sizer says. */
  public static Intent buy(String sid) {
    return new Intent(Side.BUY, sid, Sizing.BY_SIZER);
  }

  /** A sale of every share of {@code sid} held. */
  public static Intent sellAll(String sid) {
    return new Intent(Side.SELL, sid, Sizing.WHOLE_POSITION);
  }

  /**
   * This intent, filled at {@code quote}.
   *
   * @throws IllegalArgumentException if {@code quote} is of another symbol
   */
  public Intent at(Quote quote) {
    return new Intent(side, sid, sizing, quote);
  }
}
