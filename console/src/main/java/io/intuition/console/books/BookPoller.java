package io.intuition.console.books;

import io.intuition.common.rpc.RemoteException;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.curve.ClientCredentials;
import io.intuition.common.zmq.EventLoop;
import io.intuition.console.web.EventHub;
import io.intuition.console.web.SseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks each algo for its book ({@code portfolio()} over RPC) every period, on one thread: the calls
 * go out together and each waits at most the timeout, shorter than the period, so one slow algo
 * never holds up the others' next poll. One client per algo, all on one event loop; a client is
 * closed once its algo is gone. Each poll becomes a {@code book} event, its failure in {@code
 * error}.
 */
public final class BookPoller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BookPoller.class);
  private static final int MAX_REPLY_BYTES = 4 * 1024 * 1024;

  private final Supplier<List<Algo>> algos;
  private final Books books;
  private final EventHub hub;
  private final Duration timeout;
  private final ClientCredentials curve;
  private final LongSupplier clock;
  private final Map<String, Link> links = new HashMap<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "console-books");
            thread.setDaemon(true);
            return thread;
          });
  private EventLoop loop;

  private record Link(Algo algo, RpcClient client) {}

  /**
   * A poller of the {@code algos} of the moment, answering within {@code timeout}.
   *
   * @param curve the CURVE credentials of every algo, or null for none
   */
  public BookPoller(
      Supplier<List<Algo>> algos,
      Books books,
      EventHub hub,
      Duration timeout,
      ClientCredentials curve,
      LongSupplier clock) {
    this.algos = algos;
    this.books = books;
    this.hub = hub;
    this.timeout = timeout;
    this.curve = curve;
    this.clock = clock;
  }

  /** Polls every {@code every}, the first time now. */
  public void start(Duration every) {
    loop = EventLoop.start("console-rpc");
    scheduler.scheduleWithFixedDelay(this::poll, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One round: every algo's book, each published as it comes. */
  void poll() {
    try {
      List<Link> round = links(algos.get());
      List<CompletableFuture<Object>> calls = new ArrayList<>(round.size());
      for (Link link : round) {
        calls.add(link.client().call(timeout, "portfolio", List.of()));
      }
      long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(50);
      for (int i = 0; i < round.size(); i++) {
        BookEvent event = outcome(round.get(i).algo(), calls.get(i), deadline);
        hub.publish(
            () -> {
              books.record(event);
              return SseEvent.json("book", event);
            });
      }
    } catch (RuntimeException e) {
      log.error("a round of book polls failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private BookEvent outcome(Algo algo, CompletableFuture<Object> call, long deadline)
      throws InterruptedException {
    try {
      long left = Math.max(0, deadline - System.nanoTime());
      Map<String, Object> book = WireValues.map(call.get(left, TimeUnit.NANOSECONDS));
      long at = clock.getAsLong();
      if (book == null) {
        return new BookEvent(
            algo.name(), algo.rpc(), at, "portfolio() answered no map", null, null);
      }
      Double equity = WireValues.number(book.get("equity"));
      List<Number> point = equity == null ? null : List.of(at, equity);
      return new BookEvent(algo.name(), algo.rpc(), at, null, book, point);
    } catch (ExecutionException e) {
      return failed(algo, describe(e.getCause()));
    } catch (TimeoutException e) {
      call.cancel(false);
      return failed(algo, "no answer within " + timeout.toMillis() + " ms");
    }
  }

  private BookEvent failed(Algo algo, String error) {
    return new BookEvent(algo.name(), algo.rpc(), clock.getAsLong(), error, null, null);
  }

  private static String describe(Throwable cause) {
    if (cause instanceof RemoteException remote) {
      return "answered " + remote.getMessage();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }

  /** The links of {@code now}: new algos get a client, those gone lose theirs and their book. */
  private List<Link> links(List<Algo> now) {
    Map<String, Algo> wanted = new HashMap<>();
    now.forEach(algo -> wanted.putIfAbsent(algo.name(), algo));
    for (Iterator<Link> it = links.values().iterator(); it.hasNext(); ) {
      Link link = it.next();
      if (!link.algo().equals(wanted.get(link.algo().name()))) {
        it.remove();
        link.client().close();
        hub.publish(
            () -> {
              books.forget(link.algo().name());
              return null;
            });
      }
    }
    List<Link> round = new ArrayList<>(wanted.size());
    for (Algo algo : wanted.values()) {
      Link link = links.computeIfAbsent(algo.name(), name -> open(algo));
      if (link != null) {
        round.add(link);
      }
    }
    return round;
  }

  private Link open(Algo algo) {
    try {
      return new Link(
          algo,
          RpcClient.builder(algo.rpc())
              .timeout(timeout)
              .maxMessageBytes(MAX_REPLY_BYTES)
              .eventLoop(loop)
              .curve(curve)
              .build());
    } catch (RuntimeException e) {
      BookEvent event = failed(algo, "cannot connect: " + e.getMessage());
      hub.publish(
          () -> {
            books.record(event);
            return SseEvent.json("book", event);
          });
      return null;
    }
  }

  /** Stops polling and closes every client. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    links.values().forEach(link -> link.client().close());
    links.clear();
    if (loop != null) {
      loop.close();
    }
  }
}
