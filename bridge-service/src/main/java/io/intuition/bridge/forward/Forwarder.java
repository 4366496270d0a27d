package io.intuition.bridge.forward;

import io.intuition.common.log.Excerpt;
import io.intuition.common.ops.Status;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards each received message to the algorithm and publishes what it answers, acknowledging
 * messages in arrival order once handled.
 *
 * <p>All state lives on one thread, the forwarder's {@code thread} executor: {@link #start}, {@link
 * #tick} and {@link #stop} are called on it, {@link #offer} from any thread, and answers and
 * publish confirmations are handed back to it. Up to {@code window} messages are in progress at
 * once: calls outstanding plus answers whose publish the broker has not confirmed yet. When the
 * algorithm is unavailable, the messages wait and are sent again, in their original order, with
 * backoff; when it answers {@code NotInitialized} (it restarted), it is initialized again first;
 * when it moved to another address, the calls that went to the old one are sent to the new one.
 * Malformed messages and messages the algorithm refuses are rejected: logged, counted, published
 * with their reason, acknowledged. Past {@code maxHeld} messages held, new ones are refused
 * unacknowledged, and asked for again from the broker once the ones held are done.
 */
public final class Forwarder {
  private static final Logger log = LoggerFactory.getLogger(Forwarder.class);

  private final ForwardSettings settings;
  private final Algo algo;
  private final Executor thread;
  private final Broker broker;
  private final Consumer<String> fatal;
  private final Payloads payloads;
  private final Outcomes outcomes;
  private final Stats stats;
  private final Intake intake;
  private final Redelivery redelivery;
  private final Pipeline pipeline;
  private final PriorityQueue<Entry> unsent = new PriorityQueue<>();
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));
  private final Handshake handshake;
  private final AlgoHealth health;
  private final IdleProbe idle;
  private boolean started;
  private boolean probing;
  private boolean flushing;
  private int outstanding;
  private long stopDeadline;
  private boolean stopping;
  private Runnable stopped;

  /**
   * A forwarder whose state lives on {@code thread}; {@code fatal} is told, with a reason, when the
   * algorithm refuses to be initialized with the configured parameters; its counters are meters of
   * {@code registry}.
   */
  public Forwarder(
      ForwardSettings settings,
      Algo algo,
      Broker broker,
      Executor thread,
      Consumer<String> fatal,
      MeterRegistry registry) {
    this.stats = new Stats(registry);
    this.settings = settings;
    this.algo = algo;
    this.broker = broker;
    this.thread = thread;
    this.fatal = fatal;
    this.payloads = new Payloads(settings.maxPayloadBytes());
    this.intake = new Intake(settings.maxHeld(), settings.maxHeldBytes(), stats.shed);
    this.pipeline = new Pipeline(intake, broker, stats);
    this.redelivery = new Redelivery(intake, broker, stats, settings.maxHeld(), this::onThread);
    this.outcomes = new Outcomes(settings, broker, payloads, stats, this::onThread);
    this.handshake = new Handshake(settings.initializeParams(), algo, this::onThread, backoff);
    this.health = new AlgoHealth(algo::address, backoff);
    this.idle = new IdleProbe(algo, health, thread);
    stats.held(intake::held);
  }

  /** The counters. */
  public Stats stats() {
    return stats;
  }

  /** Whether the algorithm answers, for the bridge's health; any thread. */
  public Status algoStatus() {
    return health.status();
  }

  /**
   * Starts: initializes the algorithm, then forwards what arrives. Until then, messages offered are
   * held, unacknowledged, and nothing is sent to the algorithm. Forwarder thread.
   */
  public void start() {
    started = true;
    schedule();
  }

  /**
   * Takes a received message. Any thread; never blocks. Past the held limit the message is refused
   * unacknowledged: the broker delivers it again when asked.
   */
  public void offer(Inbound message) {
    if (intake.tryTake(message.payload().length)) {
      thread.execute(() -> arrived(message));
    }
  }

  /** Does what is due: retries after a backoff, the periodic summary. Forwarder thread. */
  public void tick() {
    long now = System.nanoTime();
    stats.summarize(now, log);
    idle.tick(now, started && !stopping && pipeline.isEmpty() && unsent.isEmpty());
    flush();
  }

  /**
   * Stops: no new calls; calls in flight may finish within {@code drain}; messages not handled by
   * then stay unacknowledged, for the broker to deliver again. {@code done} runs on the forwarder's
   * thread once nothing is left to finish. Forwarder thread.
   */
  public void stop(Duration drain, Runnable done) {
    stopping = true;
    stopped = done;
    stopDeadline = System.nanoTime() + drain.toNanos();
    unsent.clear();
    flush();
  }

  /** Runs a task on the forwarder's thread, then acts on what it changed. */
  private void onThread(Runnable task) {
    thread.execute(
        () -> {
          task.run();
          schedule();
        });
  }

  /** Flushes once after the tasks queued now, so a batch of answers is acted on at once. */
  private void schedule() {
    if (!flushing) {
      flushing = true;
      thread.execute(this::flush);
    }
  }

  private void flush() {
    flushing = false;
    pump(System.nanoTime());
    // when stopping with no call outstanding, the messages never answered are handed back
    pipeline.acknowledge(stopping && outstanding == 0);
    redelivery.check(stopping);
    if (stopped != null && finished()) {
      Runnable done = stopped;
      stopped = null;
      log.info("stopped: {}", stats);
      done.run();
    }
  }

  /** Stopping, and nothing left to finish: no call outstanding, no publish unconfirmed. */
  private boolean finished() {
    return outstanding == 0 && !pipeline.isPublishing() || System.nanoTime() - stopDeadline >= 0;
  }

  private void arrived(Inbound message) {
    if (stopping) {
      intake.release(message.payload().length); // handed back: the broker delivers it again
      return;
    }
    stats.received.incrementAndGet();
    if (log.isDebugEnabled()) {
      log.debug(
          "received on {}: {}", Excerpt.of(message.topic()), Payloads.excerpt(message.payload()));
    }
    Entry entry = pipeline.add(message);
    if (settings.isRejectedTopic(message.topic())) {
      entry.answered = true; // our own rejections, seen through a wildcard: never forwarded
    } else {
      String problem = payloads.check(message.payload());
      if (problem == null) {
        unsent.add(entry);
      } else {
        outcomes.reject(
            entry, problem, message.payload().length == 0 ? Rejection.EMPTY : Rejection.TOO_LARGE);
      }
    }
    schedule();
  }

  private void pump(long now) {
    if (!started) {
      return;
    }
    switch (health.state()) {
      case INITIALIZING -> {
        if (!handshake.isPending() && outstanding == 0 && backoff.isDue(now) && !stopping) {
          handshake.start(this::ready, this::refused);
        }
      }
      case READY -> {
        while (outstanding + outcomes.unconfirmed() < settings.window() && !unsent.isEmpty()) {
          send(unsent.poll());
        }
      }
      case REFUSED -> {
        // the fatal listener stops the bridge
      }
      case OUTAGE -> {
        if (!probing && outstanding == 0 && backoff.isDue(now) && !unsent.isEmpty()) {
          probing = true;
          send(unsent.poll());
        }
      }
    }
  }

  private void send(Entry entry) {
    outstanding++;
    long sent = System.nanoTime();
    algo.event(entry.message.payload())
        .whenComplete((answer, error) -> onThread(() -> answered(entry, answer, error, sent)));
  }

  private void answered(Entry entry, Answer answer, Throwable error, long sent) {
    outstanding--;
    probing = false;
    stats.timed(stats.rpcLatency, sent);
    if (error != null) {
      answer = new Answer.Unavailable(String.valueOf(error.getMessage()));
    }
    if (answer instanceof Answer.Orders orders) {
      forwarded(entry, orders.orders());
    } else if (answer instanceof Answer.Refused refused) {
      stats.forwarded.incrementAndGet();
      outcomes.reject(entry, "algo refused it: " + refused.reason(), Rejection.REFUSED);
    } else if (answer instanceof Answer.Malformed malformed) {
      outcomes.reject(entry, malformed.reason(), Rejection.MALFORMED);
    } else if (answer instanceof Answer.Moved) {
      retry(entry, health::moved);
    } else if (answer instanceof Answer.NotInitialized) {
      retry(entry, health::restarted);
    } else if (answer instanceof Answer.Unavailable unavailable) {
      stats.rpcErrors.incrementAndGet();
      retry(
          entry, () -> health.unavailable(unavailable.reason(), unsent.size(), System.nanoTime()));
    } else {
      outcomes.reject(entry, "algo answered event with " + answer, Rejection.UNEXPECTED);
    }
  }

  private void forwarded(Entry entry, List<byte[]> orders) {
    health.answered(unsent.size());
    stats.forwarded.incrementAndGet();
    outcomes.orders(entry, orders);
  }

  private void retry(Entry entry, Runnable because) {
    stats.retried.incrementAndGet();
    if (!stopping) {
      unsent.add(entry);
    }
    because.run();
  }

  private void ready(List<String> channels) {
    broker.subscribe(channels);
    health.ready();
  }

  private void refused(String reason) {
    health.refused();
    fatal.accept(reason);
  }
}
