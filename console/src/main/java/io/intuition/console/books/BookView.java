package io.intuition.console.books;

import java.util.List;
import java.util.Map;

/**
 * An algo's book in the snapshot: its latest poll and its equity curve.
 *
 * @param curve {@code [ms, equity]} points, oldest first
 */
public record BookView(
    String algo,
    String rpc,
    long at,
    String error,
    Map<String, Object> book,
    List<Number> point,
    List<List<Number>> curve) {

  /** Copies the curve. */
  public BookView {
    curve = List.copyOf(curve);
  }
}
