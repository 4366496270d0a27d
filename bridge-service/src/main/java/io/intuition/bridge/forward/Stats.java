package io.intuition.bridge.forward;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The forwarder's counters; written by its thread, readable from any. They are the source of the
 * bridge's meters: each counter is registered as a Micrometer function counter or gauge reading it,
 * so {@code /metrics} and the periodic summary line never disagree, and counting stays one atomic
 * increment, with no allocation per message.
 */
public final class Stats {
  private static final long SUMMARY_NANOS = TimeUnit.SECONDS.toNanos(10);
  private long nextSummary = System.nanoTime() + SUMMARY_NANOS;

  final AtomicLong received = new AtomicLong();
  final AtomicLong forwarded = new AtomicLong();
  final AtomicLong orders = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();
  final AtomicLong retried = new AtomicLong();
  final AtomicLong rpcErrors = new AtomicLong();
  final AtomicLong inFlight = new AtomicLong();
  final AtomicLong shed = new AtomicLong();
  private final Map<Rejection, AtomicLong> rejectedBy = new EnumMap<>(Rejection.class);
  private final MeterRegistry registry;
  final Timer rpcLatency;
  final Timer quoteToOrder;

  /** Counters whose meters nobody reads, for tests. */
  Stats() {
    this(new SimpleMeterRegistry());
  }

  /** Counters registered as meters in {@code registry}. */
  Stats(MeterRegistry registry) {
    this.registry = registry;
    counter("bridge.quotes.received", received, "Messages taken from the broker");
    counter("bridge.quotes.forwarded", forwarded, "Messages the algorithm answered");
    counter("bridge.orders.published", orders, "Orders published");
    counter("bridge.rpc.retries", retried, "Calls sent again after the algo was unavailable");
    counter("bridge.rpc.errors", rpcErrors, "Calls that failed: timeout, connection lost");
    counter("bridge.quotes.shed", shed, "Messages refused unacknowledged past --max-held");
    for (Rejection reason : Rejection.values()) {
      AtomicLong count = new AtomicLong();
      rejectedBy.put(reason, count);
      FunctionCounter.builder("bridge.quotes.rejected", count, AtomicLong::get)
          .description("Messages rejected, by reason")
          .tag("reason", reason.tag)
          .register(registry);
    }
    Gauge.builder("bridge.quotes.in.flight", inFlight, AtomicLong::get)
        .description("Messages taken and not yet acknowledged")
        .register(registry);
    rpcLatency =
        Timer.builder("bridge.rpc.latency")
            .description("From sending event to the algorithm to its answer")
            .register(registry);
    quoteToOrder =
        Timer.builder("bridge.quote.to.order.latency")
            .description("From taking a message to publishing the orders it led to")
            .register(registry);
  }

  private void counter(String name, AtomicLong count, String description) {
    FunctionCounter.builder(name, count, AtomicLong::get)
        .description(description)
        .register(registry);
  }

  /** Registers the gauge of the messages held, read from {@code held}. */
  void held(Supplier<Number> held) {
    Gauge.builder("bridge.quotes.held", held).description("Messages held").register(registry);
  }

  void rejected(Rejection reason) {
    rejected.incrementAndGet();
    rejectedBy.get(reason).incrementAndGet();
  }

  void timed(Timer timer, long sinceNanos) {
    timer.record(System.nanoTime() - sinceNanos, TimeUnit.NANOSECONDS);
  }

  /** Messages taken from the broker. */
  public long received() {
    return received.get();
  }

  /** Messages the algorithm answered. */
  public long forwarded() {
    return forwarded.get();
  }

  /** Orders published. */
  public long orders() {
    return orders.get();
  }

  /** Messages rejected: malformed, or refused by the algorithm. */
  public long rejected() {
    return rejected.get();
  }

  /** Calls sent again after the algorithm was unavailable or had restarted. */
  public long retried() {
    return retried.get();
  }

  /** Messages refused unacknowledged while the bridge held its limit, for the broker to resend. */
  public long shed() {
    return shed.get();
  }

  /** Messages taken and not yet acknowledged. */
  public long inFlight() {
    return inFlight.get();
  }

  /** Logs this summary to {@code log} once every 10 s; the forwarder's thread. */
  void summarize(long now, Logger log) {
    if (now - nextSummary >= 0) {
      log.info("{}", this);
      nextSummary = now + SUMMARY_NANOS;
    }
  }

  @Override
  public String toString() {
    return "received "
        + received
        + ", forwarded "
        + forwarded
        + ", orders "
        + orders
        + ", rejected "
        + rejected
        + ", retried "
        + retried
        + ", in flight "
        + inFlight
        + (shed.get() > 0 ? ", shed " + shed : "");
  }
}
