package io.intuition.console.books;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest poll of each algo's book and its equity curve: a ring of the last {@code curvePoints}
 * points per algo. Thread-safe.
 */
public final class Books {
  private final int curvePoints;
  private final Map<String, Entry> books = new LinkedHashMap<>();

  private static final class Entry {
    private BookEvent last;
    private final ArrayDeque<List<Number>> curve = new ArrayDeque<>();
  }

  /** Books keeping {@code curvePoints} points of each curve. */
  public Books(int curvePoints) {
    this.curvePoints = curvePoints;
  }

  /** Takes a poll: the latest of its algo, its point (if any) the curve's newest. */
  public synchronized void record(BookEvent poll) {
    Entry entry = books.computeIfAbsent(poll.algo(), name -> new Entry());
    entry.last = poll;
    if (poll.point() != null) {
      entry.curve.addLast(poll.point());
      if (entry.curve.size() > curvePoints) {
        entry.curve.removeFirst();
      }
    }
  }

  /** Forgets the algo, gone offline or away. */
  public synchronized void forget(String algo) {
    books.remove(algo);
  }

  /** Every algo's latest poll and curve, in the order first polled. */
  public synchronized List<BookView> snapshot() {
    List<BookView> views = new ArrayList<>(books.size());
    for (Entry entry : books.values()) {
      BookEvent last = entry.last;
      views.add(
          new BookView(
              last.algo(),
              last.rpc(),
              last.at(),
              last.error(),
              last.book(),
              last.point(),
              new ArrayList<>(entry.curve)));
    }
    return views;
  }
}
