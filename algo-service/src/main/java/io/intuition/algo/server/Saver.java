package io.intuition.algo.server;

import io.intuition.algo.state.Journal;
import io.intuition.algo.state.StateFile;
import io.intuition.algo.trading.Trader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the trader's state durable before any reply leaves, a round at a time: each call that
 * changed it is an entry of the journal, and at the end of a round of the RPC server's loop the
 * round's entries are appended and synced once, then the round's replies are sent. Every {@link
 * #COMPACT_EVERY} entries, at a new book and at a clean stop, a snapshot of the whole state
 * replaces the journal.
 *
 * <p>Runs on the RPC server's loop, like the trader: {@link #flush} is its round hook. Without a
 * state file it writes nothing and replies at once.
 */
class Saver {
  /** Journal entries after which a snapshot replaces them. */
  static final int COMPACT_EVERY = 10_000;

  /** The exit code when the state cannot be saved: the files hold the last state saved. */
  static final int CANNOT_SAVE = 5;

  private static final Logger log = LoggerFactory.getLogger(Saver.class);

  private final StateFile file;
  private final Journal journal;
  private final Trader trader;
  private final List<Journal.Entry> entries = new ArrayList<>();
  private final List<Pending> replies = new ArrayList<>();
  private long seq;
  private long snapshotSeq;

  /** A reply that waits for the round's entries to be on disk. */
  private record Pending(CompletableFuture<Object> reply, Object value) {}

  /**
   * Saves {@code trader}'s state in {@code file} and {@code journal}, whose entries so far end at
   * {@code seq}, of which the snapshot in {@code file} holds those up to {@code snapshotSeq}.
   */
  Saver(StateFile file, Journal journal, Trader trader, long seq, long snapshotSeq) {
    this.file = file;
    this.journal = journal;
    this.trader = trader;
    this.seq = seq;
    this.snapshotSeq = snapshotSeq;
  }

  /** A saver that saves nothing. */
  static Saver none(Trader trader) {
    return new Saver(null, null, trader, 0, 0);
  }

  /**
   * The reply to a call that changed the trader: {@code value} itself without a state file, else a
   * future of it, completed by the {@link #flush} of this round, once the call is on disk.
   *
   * @param call the method, {@code initialize} or {@code event}
   * @param arg its argument, to replay
   */
  Object answer(String call, Object arg, Object value) {
    if (file == null) {
      return value;
    }
    entries.add(new Journal.Entry(++seq, call, arg));
    CompletableFuture<Object> reply = new CompletableFuture<>();
    replies.add(new Pending(reply, value));
    return reply;
  }

  /**
   * Snapshots the whole state now: after a call the journal could not replay alike, such as one
   * that opens a new book (it draws from the seed of the run that made it). The replies waiting are
   * sent at the end of the round as usual.
   */
  void snapshotNow() {
    if (file != null) {
      snapshot();
    }
  }

  /** The round hook: appends and syncs the round's entries once, then sends the round's replies. */
  void flush() {
    if (!entries.isEmpty()) {
      try {
        journal.append(entries);
      } catch (IOException | RuntimeException e) {
        failed(e);
      }
      entries.clear();
      if (seq - snapshotSeq >= COMPACT_EVERY) {
        snapshot();
      }
    }
    if (replies.isEmpty()) {
      return;
    }
    List<Pending> ready = List.copyOf(replies);
    replies.clear();
    ready.forEach(waiting -> waiting.reply().complete(waiting.value()));
  }

  /** Snapshots what the journal holds, at a clean stop, so that the next start replays nothing. */
  void close() {
    if (file == null) {
      return;
    }
    if (seq > snapshotSeq && trader.isInitialized()) {
      snapshot();
    }
    try {
      journal.close();
    } catch (IOException e) {
      log.warn("could not close the journal {}: {}", journal.path(), e.toString());
    }
  }

  /** Writes the whole state, holding every call up to {@code seq}, and empties the journal. */
  private void snapshot() {
    try {
      file.write(trader.state(), seq);
      journal.clear();
    } catch (IOException | RuntimeException e) {
      failed(e);
    }
    entries.clear(); // the snapshot holds them
    snapshotSeq = seq;
  }

  /**
   * The book in memory is ahead of the files and no reply may leave: ends the process, so that a
   * supervisor restarts it from the state saved and the caller sends its calls again.
   */
  private void failed(Exception e) {
    log.error(
        "cannot save the state to {}: {}; stopping with exit code {} (the files keep the last"
            + " state saved)",
        file.path(),
        e.toString(),
        CANNOT_SAVE);
    Runtime.getRuntime().halt(CANNOT_SAVE);
  }
}
