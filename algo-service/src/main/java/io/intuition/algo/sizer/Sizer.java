package io.intuition.algo.sizer;

import io.intuition.algo.plugin.Component;
import io.intuition.algo.portfolio.Holdings;
import io.intuition.algo.trade.Intent;
import io.intuition.algo.trade.Quantity;
import io.intuition.common.quote.Quote;

/**
 * Chooses how much to trade for an intent, from the cash and the positions it sees. The quantity
 * may exceed what can be traded: the fill is capped at the cash left and the shares held.
 *
 * <p>Driven by a single thread (the RPC server's loop), one call at a time and in order, so
 * implementations hold no locks and are not thread-safe.
 *
 * @param <C> the config record
 */
public interface Sizer<C extends Record> extends Component<C> {

  /**
   * The quantity for {@code intent} at {@code quote}.
   *
   * @return cash to invest or shares to trade; zero trades nothing
   */
  Quantity size(Intent intent, Quote quote, Holdings holdings);
}
