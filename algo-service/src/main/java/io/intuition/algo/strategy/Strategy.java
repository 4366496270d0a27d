package io.intuition.algo.strategy;

import io.intuition.algo.plugin.Component;
import io.intuition.algo.portfolio.Holdings;
import io.intuition.algo.trade.Fill;
import io.intuition.algo.trade.Intent;
import io.intuition.common.indicator.IndicatorValue;
import io.intuition.common.quote.Quote;
import java.util.List;

/**
 * Decides what to trade: told every quote and indicator value in order, it answers with intents
 * (side, symbol, how to size them); a sizer chooses the quantities and the portfolio books the
 * fills, each of which it is then told about.
 *
 * <p>Driven by a single thread (the RPC server's loop): {@link #initialize(Record)}, then {@link
 * #onQuote(Quote, Holdings)}, {@link #onIndicator(IndicatorValue, Holdings)} and {@link
 * #onFill(Fill)} one call at a time and in order, so implementations hold no locks and are not
 * thread-safe.
 *
 * @param <C> the config record
 */
public interface Strategy<C extends Record> extends Component<C> {

  /**
   * Considers one quote.
   *
   * @param quote the latest quote, already validated
   * @param holdings the cash and the shares held, before this quote's orders
   * @return what to trade, often nothing; never null
   */
  List<Intent> onQuote(Quote quote, Holdings holdings);

  /**
   * Considers one indicator value, such as one the indicator-service published; by default nothing.
   * Each intent must name the quote it is filled at ({@link Intent#at}).
   *
   * @param value the value, already validated
   * @param holdings the cash and the shares held
   * @return what to trade, often nothing; never null
   */
  default List<Intent> onIndicator(IndicatorValue value, Holdings holdings) {
    return List.of();
  }

  /**
   * The channels to subscribe to, after {@link #initialize(Record)}: by default the data channels
   * the params name ({@code channels}, default {@code quotes}); a strategy that needs more adds
   * them.
   */
  default List<String> channels(List<String> data) {
    return data;
  }

  /** Learns that an intent of its own was filled, and how. */
  default void onFill(Fill fill) {}
}
