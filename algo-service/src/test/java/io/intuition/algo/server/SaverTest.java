package io.intuition.algo.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaverTest {
  @TempDir Path folder;

  private final AtomicLong now = new AtomicLong();
  private final Trader trader = TraderTestSupport.trader("random");
  private StateFile file;
  private Saver saver;

  @BeforeEach
  void open() {
    file = new StateFile(folder.resolve("book.state"));
    saver = new Saver(file, trader, now::get);
    trader.initialize(Map.of("threshold", 1));
    saver.save();
  }

  @Test
  void answerOfAFill_waitsForTheRoundsSaveThenCompletes() throws IOException {
    trader.initialize(Map.of("threshold", 0));
    trader.onQuotes(List.of(quote(1)));

    Object first = saver.answer("first", true);
    Object second = saver.answer("second", false);

    assertThat(first).isInstanceOf(CompletableFuture.class);
    assertThat((CompletableFuture<?>) first).isNotDone();
    assertThat(file.read().orElseThrow().book().orders()).as("before the round ends").isZero();
    saver.flush();
    assertThat(file.read().orElseThrow().book().orders()).isEqualTo(1);
    assertThat(((CompletableFuture<?>) first).join()).isEqualTo("first");
    assertThat(((CompletableFuture<?>) second).join()).isEqualTo("second");
  }

  @Test
  void roundWithoutAFill_repliesAtOnceAndSavesWithinTheBatch() throws IOException {
    trader.onQuotes(List.of(quote(1)));

    Object reply = saver.answer(null, false);
    saver.flush();

    assertThat((CompletableFuture<?>) reply).isDone();
    assertThat(((CompletableFuture<?>) reply).join()).isNull();
    assertThat(file.read().orElseThrow().recent()).isEmpty();

    now.addAndGet(Saver.BATCH_NANOS);
    saver.flush();
    assertThat(file.read().orElseThrow().recent()).hasSize(1);
  }

  @Test
  void close_savesWhatWaits() throws IOException {
    trader.onQuotes(List.of(quote(1)));
    saver.answer(null, false);

    saver.close();

    assertThat(file.read().orElseThrow().recent()).hasSize(1);
  }

  @Test
  void withoutAFile_theAnswerIsTheValue() {
    assertThat(Saver.none(trader).answer("order", true)).isEqualTo("order");
  }

  private static Quote quote(long ts) {
    return new Quote("GOOG", BigDecimal.TEN, ts);
  }
}
