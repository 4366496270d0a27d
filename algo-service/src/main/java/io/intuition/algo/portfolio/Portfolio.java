package io.intuition.algo.portfolio;

import io.intuition.common.quote.Order;
import io.intuition.common.quote.Quote;
import java.math.BigDecimal;

/**
 * Decides how much cash to invest in a quote and keeps the books.
 *
 * <p>Implementations are driven by a single thread (the RPC server's worker thread), one call at a
 * time and in order, so they hold no locks and are not thread-safe.
 */
public interface Portfolio {

  /**
   * Forgets every past order and starts again with the given cash.
   *
   * @param startingCash the cash available to invest
   * @throws NullPointerException if {@code startingCash} is null
   * @throws IllegalArgumentException if {@code startingCash} is negative
   */
  void reset(BigDecimal startingCash);

  /**
   * The cash left to invest.
   *
   * @return the cash, never negative
   */
  BigDecimal cash();

  /**
   * Decides how much cash to invest in the quote and books it, so the cash left decreases.
   *
   * @param quote the quote to buy at
   * @return the order, echoing the quote's sid, price and ts; its amount is zero when nothing is
   *     invested, and the cash never goes below zero
   * @throws NullPointerException if {@code quote} is null
   */
  Order optimize(Quote quote);
}
