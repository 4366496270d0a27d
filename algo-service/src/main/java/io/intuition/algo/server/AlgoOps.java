package io.intuition.algo.server;

import io.intuition.algo.portfolio.Portfolio;
import io.intuition.algo.trading.Trader;
import io.intuition.common.cli.HttpOptions;
import io.intuition.common.ops.Health;
import io.intuition.common.ops.OpsServer;
import io.intuition.common.ops.Status;
import io.intuition.common.rpc.server.RpcServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The algo-service's {@code /metrics} and {@code /health}: the book's cash, equity and orders as
 * gauges, the quotes answered and those of them answered untraded as stale as counters, and an
 * {@code rpc} check that is up while the server's loop, where the algorithm runs, runs a no-op
 * within {@link #PING_LIMIT}. Both ask the loop, so they never race the algorithm.
 */
final class AlgoOps implements AutoCloseable {
  /** How long the loop may take to run the health check's no-op before the service is down. */
  static final Duration PING_LIMIT = Duration.ofSeconds(1);

  private final OpsServer server;
  private final String advertised;

  private AlgoOps(OpsServer server, String advertised) {
    this.server = server;
    this.advertised = advertised;
  }

  /**
   * Starts the endpoint when {@code http} gives a port; else nothing.
   *
   * @throws java.io.UncheckedIOException if its address cannot be bound
   */
  static AlgoOps start(HttpOptions http, RpcServer rpc, Trader trader) {
    if (!http.given()) {
      return new AlgoOps(null, null);
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    gauge(registry, "algo.portfolio.cash", "Cash in the book", rpc, trader, Portfolio::cash);
    gauge(
        registry,
        "algo.portfolio.equity",
        "Cash and positions at the last prices",
        rpc,
        trader,
        Portfolio::equity);
    gauge(
        registry,
        "algo.portfolio.orders",
        "Orders the book has filled",
        rpc,
        trader,
        book -> book.orders());
    counter(
        registry,
        "algo.quotes.answered",
        "Quotes the algorithm answered",
        rpc,
        trader,
        Trader::quotesAnswered);
    counter(
        registry,
        "algo.quotes.stale",
        "Quotes answered untraded: their ts was not after the newest handled for their symbol",
        rpc,
        trader,
        Trader::staleQuotes);
    OpsServer server = http.start(registry, health(rpc));
    return new AlgoOps(server, http.advertised(server));
  }

  /** Where others reach the endpoint, {@code http://HOST:PORT}, or null when it is off. */
  String advertised() {
    return advertised;
  }

  /** The service's health: its RPC loop answers a ping. */
  static Health health(RpcServer rpc) {
    return new Health()
        .add(
            "rpc",
            () ->
                Status.of(
                    rpc.ping(PING_LIMIT),
                    "the rpc loop answers",
                    "the rpc loop did not run a task within " + PING_LIMIT.toMillis() + " ms"));
  }

  private static void gauge(
      PrometheusMeterRegistry registry,
      String name,
      String description,
      RpcServer rpc,
      Trader trader,
      Function<Portfolio, Number> value) {
    Gauge.builder(name, () -> read(rpc, trader, value)).description(description).register(registry);
  }

  /**
   * A count of the trader's, read on the loop; the last value read while the loop is stuck, so the
   * counter never goes down.
   */
  private static void counter(
      PrometheusMeterRegistry registry,
      String name,
      String description,
      RpcServer rpc,
      Trader trader,
      ToLongFunction<Trader> count) {
    // the meter holds its object weakly: the trader lives as long as the service, the count it
    // last read lives in the function
    AtomicLong last = new AtomicLong();
    FunctionCounter.builder(
            name,
            trader,
            running -> {
              try {
                last.set(rpc.call(() -> count.applyAsLong(running), PING_LIMIT));
              } catch (IllegalStateException e) {
                // the loop did not answer in time: keep the last count
              }
              return last.get();
            })
        .description(description)
        .register(registry);
  }

  /**
   * The value on the loop, the algorithm's thread; NaN before initialize or if the loop is stuck.
   */
  private static double read(RpcServer rpc, Trader trader, Function<Portfolio, Number> value) {
    try {
      return rpc.call(
          () -> trader.isInitialized() ? value.apply(trader.portfolio()).doubleValue() : Double.NaN,
          PING_LIMIT);
    } catch (IllegalStateException e) {
      return Double.NaN;
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
