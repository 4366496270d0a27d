package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.algo.state.Journal;
import io.intuition.algo.state.StateFile;
import io.intuition.algo.trading.Trader;
import io.intuition.algo.trading.TraderTestSupport;
import io.intuition.common.quote.Quote;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaverTest {
  @TempDir Path folder;

  private final Trader trader = TraderTestSupport.trader("random");
  private StateFile file;
  private Path journalPath;
  private Saver saver;

  @BeforeEach
  void open() throws IOException {
    file = new StateFile(folder.resolve("book.state"));
    journalPath = Recovery.journalOf(file.path());
    saver = new Saver(file, Journal.open(journalPath), trader, 0, 0);
    trader.initialize(Map.of("threshold", 0));
    saver.snapshotNow();
  }

  @AfterEach
  void close() {
    saver.close();
  }

  @Test
  void answer_waitsForTheRoundsJournalWriteThenCompletesInOrder() throws IOException {
    Map<String, Object> data = Map.of("sid", "GOOG", "quote", 10, "ts", 1);
    trader.onQuotes(List.of(quote(1)));

    Object first = saver.answer("event", data, "first");
    Object second = saver.answer("event", data, "second");

    assertThat((CompletableFuture<?>) first).isNotDone();
    assertThat(Journal.read(journalPath)).as("before the round ends").isEmpty();
    saver.flush();
    assertThat(Journal.read(journalPath)).extracting(Journal.Entry::seq).containsExactly(1L, 2L);
    assertThat(((CompletableFuture<?>) first).join()).isEqualTo("first");
    assertThat(((CompletableFuture<?>) second).join()).isEqualTo("second");
  }

  @Test
  void snapshotNow_replacesTheJournal() throws IOException {
    saver.answer("event", Map.of(), null);
    saver.flush();

    saver.snapshotNow();

    assertThat(Journal.read(journalPath)).isEmpty();
    assertThat(file.read().orElseThrow().journalSeq()).isEqualTo(1);
  }

  @Test
  void compactEveryEntries_aSnapshotReplacesTheJournal() throws IOException {
    for (int i = 0; i < Saver.COMPACT_EVERY; i++) {
      saver.answer("event", Map.of(), null);
    }

    saver.flush();

    assertThat(Journal.read(journalPath)).isEmpty();
    assertThat(file.read().orElseThrow().journalSeq()).isEqualTo(Saver.COMPACT_EVERY);
  }

  @Test
  void close_snapshotsWhatTheJournalHolds() throws IOException {
    trader.onQuotes(List.of(quote(1)));
    saver.answer("event", Map.of(), null);
    saver.flush();

    saver.close();

    assertThat(file.read().orElseThrow().state().book().orders()).isEqualTo(1);
    assertThat(Journal.read(journalPath)).isEmpty();
  }

  @Test
  void withoutAFile_theAnswerIsTheValue() {
    assertThat(Saver.none(trader).answer("event", Map.of(), "order")).isEqualTo("order");
  }

  private static Quote quote(long ts) {
    return new Quote("GOOG", BigDecimal.TEN, ts);
  }
}
