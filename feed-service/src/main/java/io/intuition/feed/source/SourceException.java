package io.intuition.feed.source;

/** A source that cannot be read at all: a missing file, an unusable header, an I/O error. */
public final class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A failure described in one line, such as {@code cannot read x.csv: no such file}. */
  public SourceException(String message) {
    super(message);
  }
}
