package io.intuition.algo.trading;

import io.intuition.algo.config.InvalidParamsException;
import io.intuition.algo.config.Params;
import io.intuition.algo.portfolio.Portfolio;
import io.intuition.algo.portfolio.PortfolioConfig;
import io.intuition.algo.random.Draws;
import io.intuition.algo.sizer.Sizer;
import io.intuition.algo.sizer.SizerFactory;
import io.intuition.algo.strategy.Strategy;
import io.intuition.algo.strategy.StrategyFactory;
import io.intuition.algo.trade.Intent;
import io.intuition.common.indicator.IndicatorValue;
import io.intuition.common.quote.Order;
import io.intuition.common.quote.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a strategy, a sizer and a portfolio together: each quote goes to the strategy, each of its
 * intents is sized, filled at the quote's price and booked, and the strategy told of the fill.
 *
 * <p>The first {@code initialize} opens a book; later ones keep it (a bridge that restarts does not
 * wipe it) and only re-configure the strategy and the sizer, unless their params say {@code
 * "reset": true}. A quote with a timestamp that was handled recently gets the answer it got then,
 * without trading again.
 *
 * <p>Driven by a single thread (the RPC server's loop), one call at a time; it holds no locks and
 * is not thread-safe.
 */
public final class Trader {
  static final String CHANNELS = "channels";
  static final String RESET = "reset";
  private static final List<String> DEFAULT_CHANNELS = List.of("quotes");

  private final StrategyFactory<?> strategies;
  private final SizerFactory<?> sizers;
  private final long seed;
  private final Draws draws;
  private final RecentQuotes recent;
  private final Symbols symbols;
  private long stale;
  private long answered;
  private Run run;

  /** The book of a run and the components trading it. */
  private record Run(
      Portfolio portfolio,
      Slot<?, ? extends Strategy<?>> strategy,
      Slot<?, ? extends Sizer<?>> sizer,
      List<String> channels,
      Map<String, Object> params) {}

  /**
   * A trader with no book until {@link #initialize(Object)} or {@link #restore(TraderState)}.
   *
   * @param limits how many quotes it remembers and how many symbols it tracks
   */
  public Trader(StrategyFactory<?> strategy, SizerFactory<?> sizer, long seed, Limits limits) {
    this.strategies = strategy;
    this.sizers = sizer;
    this.seed = seed;
    this.draws = Draws.seeded(seed);
    this.recent = new RecentQuotes(limits.recentQuotes());
    this.symbols = new Symbols(limits.maxSymbols());
  }

  /**
   * Opens a book, or resumes the one held, and configures the strategy and the sizer.
   *
   * @param wire the {@code initialize} params: an object or null
   * @throws InvalidParamsException if a param is malformed or no component takes it; nothing
   *     changes then
   */
  public Started initialize(Object wire) {
    Params params = Params.of(wire);
    boolean fresh = params.flag(RESET, false) || run == null;
    List<String> channels = channels(params);
    PortfolioConfig book = PortfolioConfig.from(params);
    Map<String, Object> plain = Plain.params(wire);
    Run next =
        fresh
            ? new Run(
                new Portfolio(book.startingCash()), slot(strategies), slot(sizers), channels, plain)
            : new Run(run.portfolio(), run.strategy(), run.sizer(), channels, plain);
    Runnable configure = configure(next, params);
    if (fresh) {
      draws.reseed(seed);
      recent.clear();
      symbols.clear();
    }
    run = next;
    configure.run();
    return new Started(channels(), !fresh);
  }

  /**
   * Takes back a saved state, as if this trader had made it.
   *
   * @throws IllegalArgumentException if the state is of another strategy or sizer, or a part of it
   *     is malformed; the message says which
   */
  public void restore(TraderState state) {
    requireSame("algorithm", state.strategy(), strategies.name());
    requireSame("sizer", state.sizer(), sizers.name());
    Params params = Params.of(state.params());
    params.flag(RESET, false);
    List<String> channels = channels(params);
    PortfolioConfig.from(params);
    TraderState.Book book = state.book();
    Portfolio portfolio =
        Portfolio.restored(
            book.startingCash(), book.cash(), book.realizedPnl(), book.orders(), book.positions());
    Run next = new Run(portfolio, slot(strategies), slot(sizers), channels, state.params());
    configure(next, params).run();
    next.strategy().component().restore(state.strategyState());
    next.sizer().component().restore(state.sizerState());
    draws.restore(state.draws());
    recent.restore(state.recent());
    symbols.restore(state.symbols());
    run = next;
  }

  /**
   * What {@link #restore(TraderState)} takes back.
   *
   * @throws IllegalStateException if no book is open
   */
  public TraderState state() {
    Portfolio portfolio = portfolio();
    return new TraderState(
        strategies.name(),
        sizers.name(),
        run.params(),
        draws.state(),
        run.strategy().component().state(),
        run.sizer().component().state(),
        new TraderState.Book(
            portfolio.startingCash(),
            portfolio.cash(),
            portfolio.realizedPnl(),
            portfolio.orders(),
            portfolio.positions()),
        recent.entries(),
        symbols.state());
  }

  private static List<String> channels(Params params) {
    List<String> channels = params.texts(CHANNELS, DEFAULT_CHANNELS);
    if (channels.isEmpty()) {
      throw new InvalidParamsException("channels must not be empty");
    }
    return channels;
  }

  /** Checks every component's params, and returns what applies them all. */
  private static Runnable configure(Run next, Params params) {
    Runnable strategy = next.strategy().configure(params);
    Runnable sizer = next.sizer().configure(params);
    params.requireAllRead();
    return () -> {
      strategy.run();
      sizer.run();
    };
  }

  private static void requireSame(String kind, String saved, String running) {
    if (!saved.equals(running)) {
      throw new IllegalArgumentException(
          "it holds the book of the " + kind + " " + saved + ", but this one runs " + running);
    }
  }

  /**
   * How many quotes were answered without trading since this trader started, for a {@code ts} not
   * after the newest handled for their symbol and no answer remembered for it; each such quote once
   * while its answer is remembered.
   */
  public long staleQuotes() {
    return stale;
  }

  /** How many quotes {@link #onQuotes(List)} answered since this trader started. */
  public long quotesAnswered() {
    return answered;
  }

  /** Whether a book is open: {@link #onQuotes(List)} needs one. */
  public boolean isInitialized() {
    return run != null;
  }

  /**
   * Trades the quotes of one message, in order, all checked before any is traded.
   *
   * @return the orders of each quote, in the quotes' order
   * @throws IllegalStateException if no book is open
   * @throws io.intuition.common.quote.InvalidQuoteException if a quote would make the symbols
   *     tracked too many, or its price is too small for the shares of an order to be told; nothing
   *     changes then
   */
  public List<List<Order>> onQuotes(List<Quote> quotes) {
    if (run == null) {
      throw new IllegalStateException("event called before initialize");
    }
    symbols.admit(quotes, run.portfolio().cash());
    List<List<Order>> answers = new ArrayList<>(quotes.size());
    for (Quote quote : quotes) {
      answers.add(onQuote(quote));
    }
    answered += quotes.size();
    return answers;
  }

  private List<Order> onQuote(Quote quote) {
    Long ts = quote.ts();
    if (ts != null) {
      List<Order> answered = recent.answer(quote.sid(), ts);
      if (answered != null) {
        return answered;
      }
      if (!symbols.isNew(quote)) {
        // handled already and its answer forgotten (delivered again from further back than the
        // answers remembered), or older than a quote handled: either way not to be traded now;
        // remembered, so that the same quote delivered again is not counted stale twice
        stale++;
        recent.remember(quote.sid(), ts, List.of());
        return List.of();
      }
    }
    symbols.handled(quote);
    Portfolio portfolio = run.portfolio();
    portfolio.mark(quote.sid(), quote.price());
    List<Order> orders = trade(run.strategy().component().onQuote(quote, portfolio), quote);
    if (ts != null) {
      recent.remember(quote.sid(), ts, orders);
    }
    return orders;
  }

  /**
   * Hands an indicator value to the strategy, and trades what it decides at the quotes it names. A
   * value delivered again gets the answer it got the first time, while remembered.
   *
   * @return the orders placed, often none
   * @throws IllegalStateException if no book is open
   * @throws io.intuition.common.quote.InvalidQuoteException if the value would make the symbols
   *     tracked too many; nothing changes then
   */
  public List<Order> onIndicator(IndicatorValue value) {
    if (run == null) {
      throw new IllegalStateException("event called before initialize");
    }
    symbols.admit(value.sid());
    // remembered apart from the symbol's quotes: a key no quote of the symbol has
    String key = value.sid() + "/" + value.kind().wireName() + "/" + value.window();
    List<Order> answered = recent.answer(key, value.ts());
    if (answered != null) {
      return answered;
    }
    List<Order> orders =
        trade(run.strategy().component().onIndicator(value, run.portfolio()), null);
    recent.remember(key, value.ts(), orders);
    return orders;
  }

  private List<Order> trade(List<Intent> intents, Quote answering) {
    return Desk.trade(
        intents, answering, run.portfolio(), run.strategy().component(), run.sizer().component());
  }

  /**
   * The book.
   *
   * @throws IllegalStateException if none is open
   */
  public Portfolio portfolio() {
    if (run == null) {
      throw new IllegalStateException("portfolio called before initialize");
    }
    return run.portfolio();
  }

  /**
   * The channels of the run, empty before one is open: the data channels of the params, with those
   * the strategy adds.
   */
  public List<String> channels() {
    return run == null ? List.of() : run.strategy().component().channels(run.channels());
  }

  private <C extends Record> Slot<C, Strategy<C>> slot(StrategyFactory<C> factory) {
    return Slot.create(factory, draws);
  }

  private <C extends Record> Slot<C, Sizer<C>> slot(SizerFactory<C> factory) {
    return Slot.create(factory, draws);
  }
}
