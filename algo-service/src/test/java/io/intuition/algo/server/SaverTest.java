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
  void changed_withAFill_savesAtOnce() throws IOException {
    trader.initialize(Map.of("threshold", 0));
    trader.onQuotes(List.of(quote(1)));

    saver.changed(true);

    assertThat(file.read().orElseThrow().book().orders()).isEqualTo(1);
  }

  @Test
  void changed_withoutAFill_waitsForTheBatch() throws IOException {
    trader.onQuotes(List.of(quote(1)));

    saver.changed(false);
    assertThat(file.read().orElseThrow().recent()).isEmpty();

    now.addAndGet(Saver.BATCH_NANOS);
    trader.onQuotes(List.of(quote(2)));
    saver.changed(false);
    assertThat(file.read().orElseThrow().recent()).hasSize(2);
  }

  @Test
  void close_savesWhatWaits() throws IOException {
    trader.onQuotes(List.of(quote(1)));
    saver.changed(false);

    saver.close();

    assertThat(file.read().orElseThrow().recent()).hasSize(1);
  }

  private static Quote quote(long ts) {
    return new Quote("GOOG", BigDecimal.TEN, ts);
  }
}
