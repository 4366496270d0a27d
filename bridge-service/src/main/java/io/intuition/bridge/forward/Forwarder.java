package io.intuition.bridge.forward;

import io.intuition.common.rpc.RemoteException;
import io.intuition.common.rpc.UnsendableCallException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards each received message to the algorithm and publishes what it answers, acknowledging
 * messages in arrival order once handled.
 *
 * <p>All state lives on one thread, the one running {@link #run()}: other threads (Paho's, the RPC
 * client's) only post tasks to it. Up to {@code window} messages are in progress at once: calls
 * outstanding plus answers whose publish the broker has not confirmed yet. When the algorithm is
 * unavailable, the messages wait and are sent again, in their original order, with backoff; when it
 * answers {@code NotInitialized} (it restarted), it is initialized again first. Malformed messages
 * and messages the algorithm refuses are rejected: logged, counted, published with their reason,
 * acknowledged.
 */
public final class Forwarder implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Forwarder.class);
  private static final long SUMMARY_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final long MAX_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private enum State {
    INITIALIZING,
    READY,
    OUTAGE,
    /** The algorithm refused initialize: nothing more is sent, the bridge is told to stop. */
    REFUSED
  }

  private final ForwardSettings settings;
  private final Algo algo;
  private final Broker broker;
  private final Consumer<String> fatal;
  private final Payloads payloads;
  private final Outcomes outcomes;
  private final Stats stats = new Stats();
  private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
  private final ArrayDeque<Entry> pipeline = new ArrayDeque<>();
  private final PriorityQueue<Entry> unsent = new PriorityQueue<>();
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));
  private final Handshake handshake;
  private State state = State.INITIALIZING;
  private boolean probing;
  private int outstanding;
  private long sequence;
  private long outageStart;
  private long stopDeadline;
  private boolean stopping;
  private volatile boolean running = true;

  /**
   * A forwarder; {@code fatal} is told, with a reason, when the algorithm refuses to be initialized
   * with the configured parameters.
   */
  public Forwarder(ForwardSettings settings, Algo algo, Broker broker, Consumer<String> fatal) {
    this.settings = settings;
    this.algo = algo;
    this.broker = broker;
    this.fatal = fatal;
    this.payloads = new Payloads(settings.maxPayloadBytes());
    this.outcomes = new Outcomes(settings, broker, payloads, stats, tasks::add);
    this.handshake = new Handshake(settings.initializeParams(), algo, tasks::add, backoff);
  }

  /** The counters. */
  public Stats stats() {
    return stats;
  }

  /** Takes a received message. Any thread; never blocks. */
  public void offer(Inbound message) {
    tasks.add(() -> arrived(message));
  }

  /**
   * Stops: no new calls; calls in flight may finish within {@code drain}; messages not handled by
   * then stay unacknowledged, for the broker to deliver again. Any thread.
   */
  public void stop(Duration drain) {
    tasks.add(
        () -> {
          stopping = true;
          stopDeadline = System.nanoTime() + drain.toNanos();
          unsent.clear();
        });
  }

  /** Whether {@link #run()} has returned. */
  public boolean isRunning() {
    return running;
  }

  @Override
  public void run() {
    long nextSummary = System.nanoTime() + SUMMARY_NANOS;
    try {
      while (!finished()) {
        Runnable task = tasks.poll(MAX_IDLE_NANOS, TimeUnit.NANOSECONDS);
        for (; task != null; task = tasks.poll()) {
          runSafely(task);
        }
        runSafely(() -> pump(System.nanoTime()));
        runSafely(this::acknowledge);
        if (System.nanoTime() - nextSummary >= 0) {
          log.info("{}", stats);
          nextSummary = System.nanoTime() + SUMMARY_NANOS;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      log.info("stopped: {}", stats);
      running = false;
    }
  }

  /** A failing task is a bug to log, never a reason to stop forwarding. */
  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("forwarder task failed", e);
    }
  }

  /** Stopping, and nothing left to finish: no call outstanding, no publish unconfirmed. */
  private boolean finished() {
    if (!stopping) {
      return false;
    }
    boolean publishing = pipeline.stream().anyMatch(e -> e.publishing > 0);
    return outstanding == 0 && !publishing || System.nanoTime() - stopDeadline >= 0;
  }

  private void arrived(Inbound message) {
    if (stopping) {
      return; // handed back: not acknowledged, so the broker delivers it again
    }
    stats.received.incrementAndGet();
    if (log.isDebugEnabled()) {
      log.debug("received on {}: {}", message.topic(), Payloads.excerpt(message.payload()));
    }
    Entry entry = new Entry(sequence++, message);
    pipeline.add(entry);
    stats.inFlight.set(pipeline.size());
    if (settings.isRejectedTopic(message.topic())) {
      entry.answered = true; // our own rejections, seen through a wildcard: never forwarded
      return;
    }
    try {
      entry.data = payloads.read(message.payload());
      unsent.add(entry);
    } catch (Payloads.Rejected e) {
      outcomes.reject(entry, e.getMessage());
    }
  }

  private void pump(long now) {
    switch (state) {
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
    algo.event(entry.data)
        .whenComplete((result, error) -> tasks.add(() -> answered(entry, result, error)));
  }

  private void answered(Entry entry, Object result, Throwable error) {
    outstanding--;
    probing = false;
    if (error == null) {
      if (state == State.OUTAGE) {
        recovered();
      }
      stats.forwarded.incrementAndGet();
      log.debug("algo answered {}", result);
      outcomes.orders(entry, result);
      return;
    }
    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
    if (cause instanceof UnsendableCallException) {
      outcomes.reject(entry, "cannot forward it: " + cause.getMessage());
      return;
    }
    if (cause instanceof RemoteException remote && !remote.errorName().equals("NotInitialized")) {
      stats.forwarded.incrementAndGet();
      outcomes.reject(
          entry, "algo refused it: " + remote.errorName() + ": " + remote.remoteMessage());
      return;
    }
    stats.retried.incrementAndGet();
    if (!stopping) {
      unsent.add(entry);
    }
    if (cause instanceof RemoteException) {
      restarted();
    } else {
      unavailable(cause);
    }
  }

  private void unavailable(Throwable cause) {
    long now = System.nanoTime();
    if (state == State.READY) {
      state = State.OUTAGE;
      outageStart = now;
      log.warn(
          "algo at {} unavailable ({}); holding {} messages, retrying",
          algo.address(),
          cause.getMessage(),
          unsent.size());
    }
    backoff.failed(now);
  }

  private void restarted() {
    if (state != State.INITIALIZING) {
      log.warn("algo at {} has restarted: initializing it again", algo.address());
      state = State.INITIALIZING;
      backoff.succeeded();
    }
  }

  private void recovered() {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outageStart);
    log.info(
        "algo at {} is back after {} ms; resending {} messages",
        algo.address(),
        millis,
        unsent.size());
    state = State.READY;
    backoff.succeeded();
  }

  private void ready(List<String> channels) {
    broker.subscribe(channels);
    state = State.READY;
  }

  private void refused(String reason) {
    state = State.REFUSED;
    fatal.accept(reason);
  }

  /**
   * Acknowledges the handled messages at the head of the pipeline, in arrival order. When stopping,
   * messages that were never answered are handed back instead: left unacknowledged.
   */
  private void acknowledge() {
    while (!pipeline.isEmpty() && (pipeline.peek().isDone() || isHandedBack(pipeline.peek()))) {
      Entry entry = pipeline.poll();
      if (entry.isDone() && !entry.keepUnacknowledged) {
        broker.ack(entry.message);
      }
    }
    stats.inFlight.set(pipeline.size());
  }

  private boolean isHandedBack(Entry entry) {
    return stopping && !entry.answered && outstanding == 0;
  }
}
