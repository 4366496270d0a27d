package io.intuition.algo.server;

import io.intuition.algo.trading.Limits;
import picocli.CommandLine.Option;

/** The limits of what the service takes and remembers, as a picocli mixin. */
final class LimitOptions {
  @Option(
      names = "--recent-quotes",
      defaultValue = "${env:ALGO_RECENT_QUOTES:-10000}",
      description =
          "Quotes (by sid and ts) whose answers are remembered, so one delivered again is"
              + " answered alike and not traded twice; at least the bridge's --max-held, which"
              + " bounds what a broker sends again (env ALGO_RECENT_QUOTES, default"
              + " ${DEFAULT-VALUE}).")
  int recentQuotes;

  @Option(
      names = "--max-tracked-symbols",
      defaultValue = "${env:ALGO_MAX_TRACKED_SYMBOLS:-1000}",
      description =
          "Distinct symbols traded at most; a quote for one more is an InvalidQuote error"
              + " (env ALGO_MAX_TRACKED_SYMBOLS, default ${DEFAULT-VALUE}).")
  int maxTrackedSymbols;

  @Option(
      names = "--max-message",
      defaultValue = "${env:ALGO_MAX_MESSAGE:-1048576}",
      description =
          "Largest request frame in bytes: a larger one drops its connection unread, and a larger"
              + " reply is an ERR (env ALGO_MAX_MESSAGE, default ${DEFAULT-VALUE}).")
  int maxMessage;

  @Option(
      names = "--max-symbols",
      defaultValue = "${env:ALGO_MAX_SYMBOLS:-" + AlgoRpc.DEFAULT_MAX_SYMBOLS + "}",
      description =
          "Most quotes one event message may carry; more is an InvalidQuote error"
              + " (env ALGO_MAX_SYMBOLS, default ${DEFAULT-VALUE}).")
  int maxSymbols;

  /**
   * Checks the limits before anything is bound.
   *
   * @throws IllegalArgumentException naming the first option that is not positive, and its value
   */
  void check() {
    positive("--max-message", maxMessage);
    positive("--max-symbols", maxSymbols);
    positive("--recent-quotes", recentQuotes);
    positive("--max-tracked-symbols", maxTrackedSymbols);
  }

  /** The trader's limits: the quotes it remembers and the symbols it tracks. */
  Limits trading() {
    return new Limits(recentQuotes, maxTrackedSymbols);
  }

  private static void positive(String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be positive, but was " + value);
    }
  }
}
