package io.intuition.algo.server;

import io.intuition.algo.config.InvalidParamsException;
import io.intuition.algo.trading.Started;
import io.intuition.algo.trading.Trader;
import io.intuition.common.indicator.IndicatorValue;
import io.intuition.common.indicator.InvalidIndicatorException;
import io.intuition.common.log.Excerpt;
import io.intuition.common.quote.InvalidQuoteException;
import io.intuition.common.quote.Order;
import io.intuition.common.quote.Quote;
import io.intuition.common.quote.Quotes;
import io.intuition.common.rpc.RpcFault;
import io.intuition.common.rpc.RpcService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers a {@link Trader} over RPC as {@code initialize(params)}, {@code event(data)} and {@code
 * portfolio()}: the first two are the methods the original algorithm served, with its wire shapes.
 * Runs on the RPC server's loop, one call at a time.
 */
final class AlgoRpc {
  /** The most quotes one message may carry, by default. */
  static final int DEFAULT_MAX_SYMBOLS = 1_000;

  private static final Logger log = LoggerFactory.getLogger(AlgoRpc.class);

  private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final Trader trader;
  private final int maxSymbols;
  private final Saver saver;
  private long staleReported;
  private long staleReportedAt = System.nanoTime() - REPORT_EVERY_NANOS;

  /**
   * Serves {@code trader}, refusing messages of more than {@code maxSymbols} quotes and saving its
   * state with {@code saver}.
   *
   * @throws IllegalArgumentException if {@code maxSymbols} is not positive
   */
  AlgoRpc(Trader trader, int maxSymbols, Saver saver) {
    if (maxSymbols < 1) {
      throw new IllegalArgumentException("max symbols must be positive, but was " + maxSymbols);
    }
    this.trader = trader;
    this.maxSymbols = maxSymbols;
    this.saver = saver;
  }

  /** The RPC service called {@code name}. */
  RpcService service(String name) {
    return RpcService.builder(name)
        .method(
            "initialize",
            List.of("params"),
            "Opens a book, or resumes the one held (\"reset\": true opens a new one), and sets up"
                + " the strategy and the sizer: params cash (or starting_cash), channels, reset,"
                + " and those of the components. Returns the data channels to subscribe to.",
            args -> initialize(args.get(0)))
        .method(
            "event",
            List.of("data"),
            "Handles a quote {\"sid\": s, \"quote\": p, \"ts\": t} or {s: p, ...}, or an"
                + " indicator value {\"sid\": s, \"indicator\": \"sma\", \"window\": n,"
                + " \"value\": v, \"ts\": t}. Returns the order placed, a list of orders, or nil.",
            args -> event(args.get(0)))
        .method(
            "portfolio",
            List.of(),
            "The book: cash, equity, realized_pnl, unrealized_pnl, positions and orders.",
            args -> portfolio())
        .build();
  }

  /** The channels, or with a state file, when the book was resumed, a future of them. */
  Object initialize(Object params) {
    Started started;
    try {
      started = trader.initialize(params);
    } catch (InvalidParamsException e) {
      throw new RpcFault("InvalidParams", e.getMessage());
    }
    if (started.resumed()) {
      log.info(
          "resumed the book: cash {}, equity {}, {} positions, {} orders; channels {}"
              + " (\"reset\": true opens a new book)",
          trader.portfolio().cash().toPlainString(),
          trader.portfolio().equity().toPlainString(),
          trader.portfolio().positions().size(),
          trader.portfolio().orders(),
          started.channels());
    } else {
      log.info(
          "opened a book: starting cash {}, channels {}",
          trader.portfolio().startingCash().toPlainString(),
          started.channels());
    }
    if (!started.resumed()) {
      // a new book draws from this run's seed: the journal could not replay it alike
      saver.snapshotNow();
      return started.channels();
    }
    return saver.answer(Recovery.INITIALIZE, params, started.channels());
  }

  /**
   * The order, the orders of a multi-quote message, or null when none was placed; with a state
   * file, a future of it, completed once the state that holds it is saved.
   */
  Object event(Object data) {
    if (!trader.isInitialized()) {
      throw new RpcFault("NotInitialized", "event called before initialize");
    }
    if (data instanceof Map<?, ?> map && map.size() > maxSymbols + 1) {
      throw new RpcFault(
          "InvalidQuote",
          "data has " + map.size() + " keys, more than the limit of " + maxSymbols + " quotes");
    }
    List<Map<String, Object>> orders;
    boolean single;
    try {
      if (IndicatorValue.isIndicator(data)) {
        orders = wire(List.of(trader.onIndicator(IndicatorValue.parse(data))));
        single = true;
      } else {
        List<Quote> quotes = Quotes.parse(data);
        orders = wire(trader.onQuotes(quotes));
        single = quotes.size() == 1;
      }
    } catch (InvalidIndicatorException e) {
      throw new RpcFault("InvalidIndicator", e.getMessage());
    } catch (InvalidQuoteException e) {
      throw new RpcFault("InvalidQuote", e.getMessage());
    }
    if (log.isDebugEnabled()) {
      log.debug("{} -> {}", Excerpt.of(String.valueOf(data), 400), orders);
    }
    reportStale();
    Object answer = orders.isEmpty() ? null : single && orders.size() == 1 ? orders.get(0) : orders;
    // on disk before the reply leaves, with a state file
    return saver.answer(Recovery.EVENT, data, answer);
  }

  /** Says, at most every 10 s, how many quotes were answered without trading them, and why. */
  private void reportStale() {
    long stale = trader.staleQuotes();
    long now = System.nanoTime();
    if (stale != staleReported && now - staleReportedAt >= REPORT_EVERY_NANOS) {
      log.info(
          "answered {} quotes in all with nil, untraded: each had a ts not after the newest handled"
              + " for its symbol (delivered again from further back than --recent-quotes, or out"
              + " of order)",
          stale);
      staleReported = stale;
      staleReportedAt = now;
    }
  }

  /**
   * The quotes answered since the service started, and how many of them untraded as stale. Once the
   * loop has stopped, or on it.
   */
  String tally() {
    return "answered "
        + trader.quotesAnswered()
        + " quotes, "
        + trader.staleQuotes()
        + " of them untraded as stale";
  }

  Map<String, Object> portfolio() {
    if (!trader.isInitialized()) {
      throw new RpcFault("NotInitialized", "portfolio called before initialize");
    }
    return PortfolioWire.of(trader.portfolio());
  }

  private static List<Map<String, Object>> wire(List<List<Order>> answers) {
    List<Map<String, Object>> orders = new ArrayList<>(answers.size());
    answers.forEach(answer -> answer.forEach(order -> orders.add(order.toWire())));
    return orders;
  }
}
