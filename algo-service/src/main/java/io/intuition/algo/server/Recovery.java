package io.intuition.algo.server;

import io.intuition.algo.state.CorruptStateException;
import io.intuition.algo.state.Journal;
import io.intuition.algo.state.StateFile;
import io.intuition.algo.trading.Trader;
import io.intuition.common.quote.Quotes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a trader back to what its files hold, the snapshot and then the journal's calls replayed,
 * and gives the saver that goes on from there.
 */
final class Recovery {
  private static final Logger log = LoggerFactory.getLogger(Recovery.class);

  static final String INITIALIZE = "initialize";
  static final String EVENT = "event";

  private Recovery() {}

  /**
   * Where the files left off.
   *
   * @param seq the last call they hold
   * @param snapshotSeq the last call the snapshot holds
   * @param replayed the calls replayed from the journal
   * @param restored whether there was a state to restore
   */
  record Result(long seq, long snapshotSeq, int replayed, boolean restored) {}

  /**
   * Restores {@code trader} from the state file {@code state} and its journal, when there are any,
   * and opens the journal to go on.
   *
   * @throws CorruptStateException if a file is not whole
   * @throws IllegalArgumentException if the state cannot be restored into this trader
   * @throws IOException if the folder is missing or a file cannot be read or opened
   */
  static Saver open(Trader trader, Path state) throws IOException {
    if (!Files.isDirectory(state.toAbsolutePath().getParent())) {
      throw new IOException("the folder of --state " + state + " does not exist");
    }
    StateFile file = new StateFile(state);
    Result recovered;
    try {
      recovered = restore(trader, file);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "state file " + state + " cannot be restored: " + e.getMessage(), e);
    }
    if (recovered.restored()) {
      log.info(
          "restored the book from {} (and {} calls of its journal): cash {}, equity {}, {}"
              + " positions, {} orders",
          state,
          recovered.replayed(),
          trader.portfolio().cash().toPlainString(),
          trader.portfolio().equity().toPlainString(),
          trader.portfolio().positions().size(),
          trader.portfolio().orders());
    } else {
      log.info("no state in {} yet: the first initialize opens a book", state);
    }
    return new Saver(
        file,
        Journal.open(journalOf(file.path())),
        trader,
        recovered.seq(),
        recovered.snapshotSeq());
  }

  /** The journal beside the state file {@code state}. */
  static Path journalOf(Path state) {
    return state.resolveSibling(state.getFileName() + ".journal");
  }

  /**
   * Restores {@code trader} from {@code file} and the journal beside it.
   *
   * @throws CorruptStateException if a file is not whole, or the journal has calls the snapshot
   *     does not lead to
   * @throws IllegalArgumentException if the state is of another strategy or sizer, or a call cannot
   *     be replayed (the service runs with other limits than the one that wrote them)
   * @throws IOException if a file cannot be read
   */
  static Result restore(Trader trader, StateFile file) throws IOException {
    Path journal = journalOf(file.path());
    Optional<StateFile.Saved> saved = file.read();
    List<Journal.Entry> entries = Journal.read(journal);
    if (saved.isEmpty()) {
      if (!entries.isEmpty()) {
        throw new CorruptStateException(
            "journal "
                + journal
                + " has "
                + entries.size()
                + " calls, but "
                + file.path()
                + " is missing");
      }
      return new Result(0, 0, 0, false);
    }
    trader.restore(saved.get().state());
    long snapshotSeq = saved.get().journalSeq();
    long seq = snapshotSeq;
    int replayed = 0;
    for (Journal.Entry entry : entries) {
      if (entry.seq() <= snapshotSeq) {
        continue; // a snapshot was written and the journal not yet emptied
      }
      if (entry.seq() != seq + 1) {
        throw new CorruptStateException(
            "journal " + journal + " goes from call " + seq + " to " + entry.seq());
      }
      replay(trader, entry);
      seq = entry.seq();
      replayed++;
    }
    return new Result(seq, snapshotSeq, replayed, true);
  }

  private static void replay(Trader trader, Journal.Entry entry) {
    try {
      switch (entry.call()) {
        case INITIALIZE -> trader.initialize(entry.value());
        case EVENT -> trader.onQuotes(Quotes.parse(entry.value()));
        default -> throw new IllegalArgumentException("no such call: " + entry.call());
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "replaying call "
              + entry.seq()
              + " of the journal ("
              + entry.call()
              + ") failed: "
              + e.getMessage(),
          e);
    }
  }
}
