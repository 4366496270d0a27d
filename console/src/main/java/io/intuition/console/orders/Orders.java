package io.intuition.console.orders;

import io.intuition.common.quote.Order;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The orders received, the latest {@code limit} of them kept: a ring, so memory stays bounded at
 * any order rate. The orders since the last {@link #drain()} wait to be pushed; a snapshot shows
 * only those drained, so a page that takes a snapshot and then the pushes sees each order once.
 *
 * <p>Thread-safe: orders come on the MQTT thread, drains and snapshots on others.
 */
public final class Orders {
  private final int limit;
  private final ArrayDeque<ConsoleOrder> kept = new ArrayDeque<>();
  private long total;
  private long drained;

  /**
   * Orders keeping at most {@code limit}.
   *
   * @throws IllegalArgumentException if {@code limit} is not positive
   */
  public Orders(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the orders kept must be at least 1, but was " + limit);
    }
    this.limit = limit;
  }

  /** Takes an order that came on {@code topic} at {@code at} (epoch ms); returns it numbered. */
  public synchronized ConsoleOrder add(Order order, String topic, long at) {
    ConsoleOrder numbered =
        new ConsoleOrder(
            ++total,
            order.side().wireName(),
            order.sid(),
            order.quote(),
            order.amount(),
            order.shares(),
            order.cash(),
            order.ts(),
            at,
            topic);
    kept.addLast(numbered);
    if (kept.size() > limit) {
      kept.removeFirst();
    }
    return numbered;
  }

  /**
   * The orders added since the last drain and still kept, newest first; they count as pushed from
   * now on.
   */
  public synchronized Batch drain() {
    List<ConsoleOrder> fresh = newestFirst(total - drained);
    drained = total;
    return new Batch(total, fresh);
  }

  /** The orders pushed so far and still kept, newest first, with their count. */
  public synchronized Batch snapshot() {
    List<ConsoleOrder> recent = new ArrayList<>(kept.size());
    for (Iterator<ConsoleOrder> it = kept.descendingIterator(); it.hasNext(); ) {
      ConsoleOrder order = it.next();
      if (order.n() <= drained) {
        recent.add(order);
      }
    }
    return new Batch(drained, recent);
  }

  /** Every order ever received. */
  public synchronized long total() {
    return total;
  }

  /** How many orders are held in memory; at most the limit. */
  public synchronized int kept() {
    return kept.size();
  }

  /** The most orders kept. */
  public int limit() {
    return limit;
  }

  private List<ConsoleOrder> newestFirst(long count) {
    List<ConsoleOrder> newest = new ArrayList<>((int) Math.min(count, kept.size()));
    Iterator<ConsoleOrder> it = kept.descendingIterator();
    while (it.hasNext() && newest.size() < count) {
      newest.add(it.next());
    }
    return newest;
  }

  /**
   * Orders and the count of all received up to them.
   *
   * @param total the orders received up to these
   * @param orders newest first
   */
  public record Batch(long total, List<ConsoleOrder> orders) {
    /** Copies the list. */
    public Batch {
      orders = List.copyOf(orders);
    }
  }
}
