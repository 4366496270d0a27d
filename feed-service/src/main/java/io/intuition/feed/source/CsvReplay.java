package io.intuition.feed.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the rows of a CSV file with a header, in file order. A malformed row is reported with its
 * line number, such as {@code line 7: close must be a positive number, but was "abc"}, and skipped;
 * blank lines are ignored. Single-threaded.
 */
public final class CsvReplay implements QuoteSource {
  private static final Logger log = LoggerFactory.getLogger(CsvReplay.class);
  private static final String SAMPLE = "/io/intuition/feed/sample-quotes.csv";

  /** Opens the file afresh, for each of the two passes. */
  private interface Input {
    InputStream open() throws IOException;
  }

  private final String name;
  private final BufferedReader reader;
  private final CsvLayout layout;
  private final long rows;
  private final Consumer<String> problems;
  private long line = 1;
  private long skipped;

  private CsvReplay(
      String name, BufferedReader reader, CsvLayout layout, long rows, Consumer<String> problems) {
    this.name = name;
    this.reader = reader;
    this.layout = layout;
    this.rows = rows;
    this.problems = problems;
  }

  /**
   * Opens {@code file} and reads its header; bad rows are logged as warnings.
   *
   * @throws SourceException if the file is missing or unreadable, or its header names no symbol or
   *     no price column
   */
  public static CsvReplay open(Path file) throws SourceException {
    return open(file, log::warn);
  }

  /** As {@link #open(Path)}, reporting bad rows to {@code problems}. */
  static CsvReplay open(Path file, Consumer<String> problems) throws SourceException {
    if (!Files.isRegularFile(file)) {
      String reason = Files.exists(file) ? "not a file" : "no such file";
      throw new SourceException("cannot read " + file + ": " + reason);
    }
    return open(file.toString(), () -> Files.newInputStream(file), problems);
  }

  /** The sample bundled in the jar: 200 daily OHLCV rows of four symbols. */
  public static CsvReplay sample() {
    try {
      return open(
          "sample-quotes.csv", () -> CsvReplay.class.getResourceAsStream(SAMPLE), log::warn);
    } catch (SourceException e) {
      throw new IllegalStateException("the bundled sample is broken: " + e.getMessage(), e);
    }
  }

  private static CsvReplay open(String name, Input input, Consumer<String> problems)
      throws SourceException {
    long rows = countRows(name, input);
    BufferedReader reader = null;
    try {
      reader = reader(input);
      String header = reader.readLine();
      if (header == null) {
        throw new IllegalArgumentException(
            "empty file; expected a header such as date,symbol,open,high,low,close,volume");
      }
      CsvLayout layout = CsvLayout.of(header.replace("\uFEFF", ""));
      return new CsvReplay(name, reader, layout, rows, problems);
    } catch (IOException | IllegalArgumentException e) {
      closeQuietly(reader);
      String prefix = e instanceof IOException ? "cannot read " : "";
      throw new SourceException(prefix + name + ": " + e.getMessage());
    }
  }

  /** The next well-formed row; bad rows on the way are reported and skipped. */
  @Override
  public Tick next() throws SourceException {
    String text;
    while ((text = readLine()) != null) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      try {
        return layout.parse(text);
      } catch (IllegalArgumentException e) {
        skipped++;
        problems.accept("line " + line + ": " + e.getMessage());
      }
    }
    return null;
  }

  /** The number of non-blank rows after the header, bad ones included. */
  @Override
  public OptionalLong size() {
    return OptionalLong.of(rows);
  }

  /** Whether the header names a date column. */
  @Override
  public boolean timed() {
    return layout.time() != null;
  }

  @Override
  public long skipped() {
    return skipped;
  }

  @Override
  public void close() {
    closeQuietly(reader);
  }

  @Override
  public String toString() {
    return name + " (" + rows + " rows)";
  }

  private String readLine() throws SourceException {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new SourceException("cannot read " + name + " after line " + line + ": " + e);
    }
  }

  private static long countRows(String name, Input input) throws SourceException {
    try (BufferedReader reader = reader(input)) {
      return Math.max(0, reader.lines().filter(text -> !text.isBlank()).count() - 1);
    } catch (IOException | UncheckedIOException e) {
      throw new SourceException("cannot read " + name + ": " + e.getMessage());
    }
  }

  /** Decodes UTF-8, replacing malformed bytes: they make their row bad, not the whole file. */
  private static BufferedReader reader(Input input) throws IOException {
    InputStream in = input.open();
    if (in == null) {
      throw new IOException("not found");
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static void closeQuietly(BufferedReader reader) {
    if (reader == null) {
      return;
    }
    try {
      reader.close();
    } catch (IOException e) {
      // nothing was written: there is nothing to lose
    }
  }
}
