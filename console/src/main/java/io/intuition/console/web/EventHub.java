package io.intuition.console.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The pages listening to {@code /events}: each has a bounded queue of events; a page whose queue is
 * full is cut off and counted (its EventSource reconnects and starts over from a snapshot), so a
 * slow page costs bounded memory and never slows the others.
 *
 * <p>A state change and its event go through {@link #publish} under one lock, as does the snapshot
 * a new page gets first: a page sees each change once, either in its snapshot or as an event after
 * it. Thread-safe.
 */
public final class EventHub {
  private static final SseEvent END = new SseEvent("end", "{}");

  private final int maxClients;
  private final int queueEvents;
  private final long queueBytes;
  private final Supplier<SseEvent> snapshot;
  private final List<Client> clients = new ArrayList<>();
  private final AtomicLong dropped = new AtomicLong();
  private int open;
  private boolean closed;

  /**
   * A hub of at most {@code maxClients} pages, each queueing at most {@code queueEvents} events of
   * {@code queueBytes} in all (the snapshot queued first is not counted). An event is shared by the
   * queues it is in, never copied.
   *
   * @param snapshot the event a page gets first; called under the hub's lock
   */
  public EventHub(int maxClients, int queueEvents, long queueBytes, Supplier<SseEvent> snapshot) {
    this.maxClients = maxClients;
    this.queueEvents = queueEvents;
    this.queueBytes = queueBytes;
    this.snapshot = snapshot;
  }

  /**
   * Runs {@code change} (a state change that returns its event, or null for none) and sends the
   * event to every page. Any thread; {@code change} must be quick.
   */
  public synchronized void publish(Supplier<SseEvent> change) {
    SseEvent event = change.get();
    if (event == null) {
      return;
    }
    for (int i = clients.size() - 1; i >= 0; i--) {
      Client client = clients.get(i);
      if (!client.offer(event)) {
        clients.remove(i);
        client.cut();
        dropped.incrementAndGet();
      }
    }
  }

  /** A new page, its snapshot queued first; null when the hub is full or closed. */
  synchronized Client open() {
    if (closed || open >= maxClients) {
      return null;
    }
    Client client = new Client(new ArrayBlockingQueue<>(queueEvents), queueBytes);
    client.queue.add(snapshot.get());
    clients.add(client);
    open++;
    return client;
  }

  /** The page's stream ended. */
  synchronized void close(Client client) {
    clients.remove(client);
    if (client.counted) {
      client.counted = false;
      open--;
    }
  }

  /** Ends every stream: each page gets no more events. */
  public synchronized void close() {
    closed = true;
    for (Client client : clients) {
      client.cut();
    }
    clients.clear();
  }

  /** Pages whose stream is open now. */
  public synchronized int clients() {
    return open;
  }

  /** Pages cut off so far for not keeping up. */
  public long dropped() {
    return dropped.get();
  }

  /** One page's queue of events. */
  static final class Client {
    private final BlockingQueue<SseEvent> queue;
    private final long budget;
    private final AtomicLong queued = new AtomicLong();
    private boolean counted = true;
    private boolean first = true; // only the page's thread reads and writes it

    private Client(BlockingQueue<SseEvent> queue, long budget) {
      this.queue = queue;
      this.budget = budget;
    }

    /** Queues the event unless the queue is full in count or in bytes. */
    private boolean offer(SseEvent event) {
      long size = event.size();
      if (queued.get() + size > budget || !queue.offer(event)) {
        return false;
      }
      queued.addAndGet(size);
      return true;
    }

    /**
     * The next event, waiting up to {@code idle}: null when none came (time for a keep-alive).
     *
     * @throws CutOffException when the page was cut off or the hub closed
     */
    SseEvent next(Duration idle) throws InterruptedException, CutOffException {
      SseEvent event = queue.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
      if (event == END) {
        throw new CutOffException();
      }
      if (event != null && !first) {
        queued.addAndGet(-event.size());
      } else if (event != null) {
        first = false; // the snapshot, never counted
      }
      return event;
    }

    /** Drops what the page has not taken, so its memory goes at once, and ends its stream. */
    private void cut() {
      queue.clear();
      queue.offer(END);
    }
  }

  /** The page's stream is to end. */
  static final class CutOffException extends Exception {
    private static final long serialVersionUID = 1L;
  }
}
