package io.intuition.algo.trading;

import io.intuition.algo.portfolio.Position;
import io.intuition.common.quote.Order;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a trader needs to go on after a restart as if it had not stopped.
 *
 * @param strategy the strategy's name
 * @param sizer the sizer's name
 * @param params the params of the last {@code initialize}, as plain values
 * @param draws the random generator's state
 * @param strategyState the strategy's own state, plain values or null
 * @param sizerState the sizer's own state, plain values or null
 * @param book the portfolio
 * @param recent the answers remembered for quotes delivered again, oldest first
 * @param symbols the symbols seen, which count towards the limit of symbols tracked, each with the
 *     newest {@code ts} handled for it (0 for none)
 */
public record TraderState(
    String strategy,
    String sizer,
    Map<String, Object> params,
    long draws,
    Object strategyState,
    Object sizerState,
    Book book,
    List<Answer> recent,
    Map<String, Long> symbols) {

  /** Checks the parts are there and copies the lists. */
  public TraderState {
    Objects.requireNonNull(strategy, "strategy must not be null");
    Objects.requireNonNull(sizer, "sizer must not be null");
    Objects.requireNonNull(params, "params must not be null");
    Objects.requireNonNull(book, "book must not be null");
    recent = List.copyOf(recent);
    symbols = Map.copyOf(symbols);
  }

  /**
   * The portfolio's sums and positions.
   *
   * @param startingCash the cash it started with
   * @param cash the cash left
   * @param realizedPnl the profit realised by sales
   * @param orders the orders filled
   * @param positions the positions by symbol
   */
  public record Book(
      BigDecimal startingCash,
      BigDecimal cash,
      BigDecimal realizedPnl,
      long orders,
      Map<String, Position> positions) {
    /** Copies the positions. */
    public Book {
      positions = Map.copyOf(positions);
    }
  }

  /**
   * The answer given to one quote.
   *
   * @param sid its symbol
   * @param ts its timestamp
   * @param orders the orders it made, often none
   */
  public record Answer(String sid, long ts, List<Order> orders) {
    /** Copies the orders. */
    public Answer {
      orders = List.copyOf(orders);
    }
  }
}
