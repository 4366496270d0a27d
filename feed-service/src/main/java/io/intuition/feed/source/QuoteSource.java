package io.intuition.feed.source;

import java.util.OptionalLong;

/** Where the ticks come from, one at a time, in the order they are to be sent. */
public interface QuoteSource extends AutoCloseable {

  /**
   * The next tick, or null once the source has no more.
   *
   * @throws SourceException if the source can no longer be read
   */
  Tick next() throws SourceException;

  /** How many ticks the source holds at most, or empty when it never ends. */
  OptionalLong size();

  /** Whether every tick carries its time, as replaying by timestamps needs. */
  boolean timed();

  /** How many malformed entries were skipped so far. */
  default long skipped() {
    return 0;
  }

  /** Releases what the source reads from. */
  @Override
  default void close() {}
}
