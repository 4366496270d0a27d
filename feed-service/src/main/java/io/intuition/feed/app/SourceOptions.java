package io.intuition.feed.app;

import io.intuition.feed.pace.Schedule;
import io.intuition.feed.source.CsvReplay;
import io.intuition.feed.source.QuoteSource;
import io.intuition.feed.source.RandomWalk;
import io.intuition.feed.source.SourceException;
import io.intuition.feed.source.jdbc.JdbcReplay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the quotes come from and how a replay is paced, as a picocli mixin: synthetic prices, a CSV
 * file, the bundled sample or a database query, by {@code --rate} or by their times.
 */
final class SourceOptions {
  private static final List<String> DEFAULT_SYMBOLS = List.of("GOOG", "AAPL", "MSFT");

  @Option(
      names = "--symbols",
      split = ",",
      defaultValue = "${env:FEED_SYMBOLS}",
      paramLabel = "SID",
      description =
          "Synthetic prices for these symbols, comma-separated (env FEED_SYMBOLS, default"
              + " GOOG,AAPL,MSFT when no --csv, --sample or --jdbc).")
  List<String> symbols;

  @Option(
      names = "--seed",
      defaultValue = "${env:FEED_SEED}",
      description = "Seed of the synthetic prices (env FEED_SEED, default: random, and logged).")
  Long seed;

  @Option(
      names = "--csv",
      defaultValue = "${env:FEED_CSV}",
      paramLabel = "FILE",
      description = "Replay this CSV file instead of synthetic prices (env FEED_CSV).")
  Path csv;

  @Option(
      names = "--sample",
      defaultValue = "${env:FEED_SAMPLE:-false}",
      description =
          "Replay the bundled sample: 200 daily OHLCV rows of 4 symbols (env FEED_SAMPLE=true).")
  boolean sample;

  @Mixin(name = "jdbc")
  JdbcOptions jdbc = new JdbcOptions();

  @Option(
      names = "--speed",
      defaultValue = "${env:FEED_SPEED}",
      paramLabel = "X",
      description =
          "Replay by the quotes' times, X times faster, instead of at --rate (env FEED_SPEED).")
  Double speed;

  @Option(
      names = "--max-gap",
      defaultValue = "${env:FEED_MAX_GAP}",
      paramLabel = "SECONDS",
      description =
          "With --speed: wait at most this long between two quotes, however far apart their"
              + " times, such as 0.2 for daily data (env FEED_MAX_GAP, default: no limit).")
  Double maxGap;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /**
   * Checks that the options name one source and pace it in a way it allows.
   *
   * @throws IllegalArgumentException naming the options that do not go together, or the bad value
   */
  void check() {
    List<String> replays = new ArrayList<>();
    addIf(replays, csv != null, "--csv");
    addIf(replays, sample, "--sample");
    addIf(replays, jdbc.given(), "--jdbc");
    if (replays.size() > 1) {
      throw new IllegalArgumentException(String.join(" and ", replays) + " cannot be combined");
    }
    boolean replay = !replays.isEmpty();
    if (replay && command.commandLine().getParseResult().hasMatchedOption("--symbols")) {
      throw new IllegalArgumentException(
          "--symbols cannot be combined with " + replays.get(0) + ": it names synthetic prices");
    }
    if (jdbc.query != null && !jdbc.given()) {
      throw new IllegalArgumentException("--query needs --jdbc, the database to run it on");
    }
    if (speed != null) {
      positive("--speed", speed);
      if (!replay) {
        throw new IllegalArgumentException(
            "--speed replays by time: it needs --csv, --sample or --jdbc");
      }
    }
    if (maxGap != null && speed == null) {
      throw new IllegalArgumentException(
          "--max-gap cuts the waits of a replay by time: it needs --speed");
    }
  }

  /** By the quotes' times with {@code --speed}, else {@code rate} quotes a second. */
  Schedule schedule(double rate) {
    return speed != null ? Schedule.byTimestamps(speed, maxGap()) : Schedule.fixedRate(rate);
  }

  /**
   * Opens the source the options name.
   *
   * @throws SourceException if the file or the database cannot be used
   * @throws IllegalArgumentException if the options are bad, or {@code --speed} is given for a file
   *     without dates
   */
  QuoteSource open() throws SourceException {
    QuoteSource source = openSource();
    if (speed != null && !source.timed()) {
      source.close();
      throw new IllegalArgumentException(
          "--speed needs a date column, but " + source + " has none");
    }
    return source;
  }

  private QuoteSource openSource() throws SourceException {
    if (csv != null) {
      return CsvReplay.open(csv);
    }
    if (sample) {
      return CsvReplay.sample();
    }
    if (jdbc.given()) {
      return JdbcReplay.open(jdbc.settings());
    }
    List<String> names =
        symbols == null ? DEFAULT_SYMBOLS : symbols.stream().map(String::trim).toList();
    return new RandomWalk(names, seed != null ? seed : ThreadLocalRandom.current().nextLong());
  }

  private Duration maxGap() {
    if (maxGap == null) {
      return null;
    }
    if (!(maxGap >= 0) || Double.isInfinite(maxGap)) {
      throw new IllegalArgumentException(
          "--max-gap must be zero or more seconds, but was " + maxGap);
    }
    return Duration.ofNanos(Math.round(maxGap * 1e9));
  }

  static void positive(String option, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(option + " must be a positive number, but was " + value);
    }
  }

  private static void addIf(List<String> list, boolean condition, String item) {
    if (condition) {
      list.add(item);
    }
  }
}
