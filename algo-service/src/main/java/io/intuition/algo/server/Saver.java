package io.intuition.algo.server;

import io.intuition.algo.state.StateFile;
import io.intuition.algo.trading.Trader;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the state file in step with the trader: saved before any order is answered, so that a crash
 * never loses an order the caller has seen; the memory of quotes that placed none is saved with the
 * next order, or at most {@link #BATCH_NANOS} later, or at a clean stop.
 *
 * <p>Runs on the RPC server's loop, like the trader. Without a state file it does nothing.
 */
class Saver {
  /** How long the memory of quotes that placed no order may wait to be saved. */
  static final long BATCH_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** The exit code when the state cannot be saved: the file holds the last state saved. */
  static final int CANNOT_SAVE = 5;

  private static final Logger log = LoggerFactory.getLogger(Saver.class);

  private final StateFile file;
  private final Trader trader;
  private final LongSupplier nanoTime;
  private boolean dirty;
  private long savedAt;

  Saver(StateFile file, Trader trader, LongSupplier nanoTime) {
    this.file = file;
    this.trader = trader;
    this.nanoTime = nanoTime;
    this.savedAt = nanoTime.getAsLong();
  }

  /** A saver that saves nothing. */
  static Saver none(Trader trader) {
    return new Saver(null, trader, System::nanoTime);
  }

  /** Saves now. */
  void save() {
    if (file == null || !trader.isInitialized()) {
      return;
    }
    try {
      file.write(trader.state());
    } catch (IOException | RuntimeException e) {
      failed(e);
    }
    dirty = false;
    savedAt = nanoTime.getAsLong();
  }

  /** The trader handled a message: saves now if it filled orders, else within the batch time. */
  void changed(boolean filledOrders) {
    dirty = true;
    if (filledOrders || nanoTime.getAsLong() - savedAt >= BATCH_NANOS) {
      save();
    }
  }

  /** Saves what waits, at a clean stop. */
  void close() {
    if (dirty) {
      save();
    }
  }

  /**
   * The book in memory is ahead of the file and no answer may leave: ends the process, so that a
   * supervisor restarts it from the last state saved and the caller sends the quote again.
   */
  void failed(Exception e) {
    log.error(
        "cannot save the state to {}: {}; stopping with exit code {} (the file keeps the last"
            + " state saved)",
        file.path(),
        e.toString(),
        CANNOT_SAVE);
    Runtime.getRuntime().halt(CANNOT_SAVE);
  }
}
