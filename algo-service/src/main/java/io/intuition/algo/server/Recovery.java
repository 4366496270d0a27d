package io.intuition.algo.server;

import io.intuition.algo.state.CorruptStateException;
import io.intuition.algo.state.Journal;
import io.intuition.algo.state.StateFile;
import io.intuition.algo.trading.Trader;
import io.intuition.common.quote.Quotes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Brings a trader back to what its files hold: the snapshot, then the journal's calls replayed. */
final class Recovery {
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
