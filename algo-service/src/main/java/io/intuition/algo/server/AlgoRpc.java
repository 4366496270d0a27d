package io.intuition.algo.server;

import io.intuition.algo.algorithm.AlgoParams;
import io.intuition.algo.algorithm.Algorithm;
import io.intuition.common.quote.InvalidQuoteException;
import io.intuition.common.quote.Order;
import io.intuition.common.quote.Quote;
import io.intuition.common.quote.Quotes;
import io.intuition.common.rpc.RpcFault;
import io.intuition.common.rpc.RpcService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers an {@link Algorithm} over RPC as {@code initialize(params)} and {@code event(data)}, the
 * methods the original algorithm served. Runs on the RPC server's single worker thread.
 */
final class AlgoRpc {
  /** The most quotes one message may carry, by default. */
  static final int DEFAULT_MAX_SYMBOLS = 1_000;

  private static final Logger log = LoggerFactory.getLogger(AlgoRpc.class);

  private final Algorithm algorithm;
  private final int maxSymbols;
  private boolean initialized;

  AlgoRpc(Algorithm algorithm) {
    this(algorithm, DEFAULT_MAX_SYMBOLS);
  }

  /**
   * Serves {@code algorithm}, refusing messages of more than {@code maxSymbols} quotes.
   *
   * @throws IllegalArgumentException if {@code maxSymbols} is not positive
   */
  AlgoRpc(Algorithm algorithm, int maxSymbols) {
    if (maxSymbols < 1) {
      throw new IllegalArgumentException("max symbols must be positive, but was " + maxSymbols);
    }
    this.algorithm = algorithm;
    this.maxSymbols = maxSymbols;
  }

  /** The RPC service called {@code name}. */
  RpcService service(String name) {
    return RpcService.builder(name)
        .method(
            "initialize",
            List.of("params"),
            "Starts a run: params threshold, starting_cash (or cash), channels. "
                + "Returns the data channels to subscribe to.",
            args -> initialize(args.get(0)))
        .method(
            "event",
            List.of("data"),
            "Handles a quote {\"sid\": s, \"quote\": p} or {s: p, ...}. "
                + "Returns the order placed, a list of orders for several quotes, or nil.",
            args -> event(args.get(0)))
        .build();
  }

  List<String> initialize(Object params) {
    AlgoParams parsed;
    try {
      parsed = AlgoParams.from(params);
    } catch (IllegalArgumentException e) {
      throw new RpcFault("InvalidParams", e.getMessage());
    }
    List<String> channels = algorithm.initialize(parsed);
    initialized = true;
    log.info(
        "initialized: starting cash {}, threshold {}, channels {}",
        parsed.startingCash(),
        parsed.threshold(),
        channels);
    return channels;
  }

  /** The order, the orders of a multi-quote message, or null when none was placed. */
  Object event(Object data) {
    if (!initialized) {
      throw new RpcFault("NotInitialized", "event called before initialize");
    }
    if (data instanceof Map<?, ?> map && map.size() > maxSymbols + 1) {
      throw new RpcFault(
          "InvalidQuote",
          "data has " + map.size() + " keys, more than the limit of " + maxSymbols + " quotes");
    }
    List<Quote> quotes;
    try {
      quotes = Quotes.parse(data);
    } catch (InvalidQuoteException e) {
      throw new RpcFault("InvalidQuote", e.getMessage());
    }
    List<Map<String, Object>> orders = new ArrayList<>(quotes.size());
    for (Quote quote : quotes) {
      algorithm.event(quote).map(Order::toWire).ifPresent(orders::add);
    }
    if (log.isDebugEnabled()) {
      log.debug("{} -> {}", data, orders);
    }
    if (orders.isEmpty()) {
      return null;
    }
    return quotes.size() == 1 ? orders.get(0) : orders;
  }
}
