package io.intuition.algo.server;

import io.intuition.algo.state.StateFile;
import io.intuition.algo.trading.Trader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the state file in step with the trader, a group commit: the replies to the calls of one
 * round of the RPC server's loop wait until the state that holds them is saved, once for them all,
 * so that a crash never loses an order a caller has seen. A round whose calls filled no order saves
 * nothing and replies at once; what such calls changed (a strategy's windows, the answers
 * remembered) is saved with the next fill, or at most {@link #BATCH_NANOS} later, or at a clean
 * stop.
 *
 * <p>Runs on the RPC server's loop, like the trader: {@link #flush} is its round hook. Without a
 * state file it saves nothing and replies at once.
 */
class Saver {
  /** How long what calls that filled no order changed may wait to be saved. */
  static final long BATCH_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** The exit code when the state cannot be saved: the file holds the last state saved. */
  static final int CANNOT_SAVE = 5;

  private static final Logger log = LoggerFactory.getLogger(Saver.class);

  private final StateFile file;
  private final Trader trader;
  private final LongSupplier nanoTime;
  private final List<Pending> pending = new ArrayList<>();
  private boolean dirty;
  private boolean filled;
  private long savedAt;

  /** A reply that waits for the round's save. */
  private record Pending(CompletableFuture<Object> reply, Object value) {}

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

  /**
   * The reply to a call that changed the trader: {@code value} itself without a state file, else a
   * future of it, completed by the {@link #flush} of this round.
   *
   * @param filledOrders whether the call filled orders, which must be saved before it is answered
   */
  Object answer(Object value, boolean filledOrders) {
    if (file == null) {
      return value;
    }
    dirty = true;
    filled |= filledOrders;
    CompletableFuture<Object> reply = new CompletableFuture<>();
    pending.add(new Pending(reply, value));
    return reply;
  }

  /**
   * The round hook: saves once if a call of the round filled an order, or what waits is due, then
   * releases the round's replies in order.
   */
  void flush() {
    if (dirty && (filled || nanoTime.getAsLong() - savedAt >= BATCH_NANOS)) {
      save();
    }
    filled = false;
    if (pending.isEmpty()) {
      return;
    }
    List<Pending> replies = List.copyOf(pending);
    pending.clear();
    replies.forEach(waiting -> waiting.reply().complete(waiting.value()));
  }

  /** Saves what waits, at a clean stop. */
  void close() {
    if (dirty) {
      save();
    }
  }

  /**
   * The book in memory is ahead of the file and no reply may leave: ends the process, so that a
   * supervisor restarts it from the last state saved and the caller sends its calls again.
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
