package io.intuition.algo.algorithm;

import io.intuition.common.quote.Order;
import io.intuition.common.quote.Quote;
import java.util.List;
import java.util.Optional;

/**
 * A trading algorithm: set up once per run, then told about every quote in order.
 *
 * <p>Implementations are driven by a single thread (the RPC server's worker thread), one call at a
 * time and in order, so they hold no locks and are not thread-safe.
 */
public interface Algorithm {

  /**
   * Starts a new run with the given parameters, forgetting any previous one.
   *
   * @param params the run's parameters
   * @return the data channels the algorithm wants to receive
   * @throws NullPointerException if {@code params} is null
   */
  List<String> initialize(AlgoParams params);

  /**
   * Considers one quote and may decide to buy.
   *
   * @param quote the latest quote
   * @return the order placed, or empty when the algorithm does not buy
   * @throws IllegalStateException if called before {@link #initialize(AlgoParams)}
   * @throws NullPointerException if {@code quote} is null
   */
  Optional<Order> event(Quote quote);
}
