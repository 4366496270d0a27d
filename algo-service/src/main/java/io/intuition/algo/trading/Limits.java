package io.intuition.algo.trading;

/**
 * How much a trader may hold.
 *
 * @param recentQuotes the quotes whose answers it remembers, at least 1
 * @param maxSymbols the distinct symbols it trades at most, at least 1
 */
public record Limits(int recentQuotes, int maxSymbols) {
  /**
   * Checks the limits are positive.
   *
   * @throws IllegalArgumentException if one is not
   */
  public Limits {
    if (recentQuotes < 1 || maxSymbols < 1) {
      throw new IllegalArgumentException(
          "limits must be positive, but were " + recentQuotes + " and " + maxSymbols);
    }
  }
}
