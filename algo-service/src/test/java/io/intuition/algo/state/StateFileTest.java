package io.intuition.algo.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.intuition.algo.portfolio.Position;
import io.intuition.algo.trading.TraderState;
import io.intuition.common.quote.Order;
import io.intuition.common.quote.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
  @TempDir Path folder;

  @Test
  void read_noFile_isEmpty() throws IOException {
    assertThat(new StateFile(folder.resolve("book.state")).read()).isEmpty();
  }

  @Test
  void write_thenRead_givesTheSameStateWithExactMoney() throws IOException {
    StateFile file = new StateFile(folder.resolve("book.state"));
    TraderState state = state();

    file.write(state, 0);

    assertThat(file.read()).contains(new StateFile.Saved(state, 0));
    assertThat(Files.readString(file.path())).contains("\"cash\":\"0.10\"");
  }

  @Test
  void write_keepsTheJournalSeqItHolds() throws IOException {
    StateFile file = new StateFile(folder.resolve("book.state"));

    file.write(state(), 42);

    assertThat(file.read().orElseThrow().journalSeq()).isEqualTo(42);
  }

  @Test
  void write_again_replacesTheFileAndLeavesNoTemporary() throws IOException {
    StateFile file = new StateFile(folder.resolve("book.state"));
    file.write(state(), 0);
    TraderState later = withOrders(state(), 9);

    file.write(later, 0);

    assertThat(file.read()).contains(new StateFile.Saved(later, 0));
    try (var files = Files.list(folder)) {
      assertThat(files).containsExactly(file.path());
    }
  }

  @Test
  void read_truncatedFile_isCorruptNamingTheFile() throws IOException {
    StateFile file = written();
    byte[] bytes = Files.readAllBytes(file.path());
    Files.write(file.path(), Arrays.copyOf(bytes, bytes.length - 10));

    assertThatThrownBy(file::read)
        .isInstanceOf(CorruptStateException.class)
        .hasMessageStartingWith("state file " + file.path() + " is corrupt: it is truncated");
  }

  @Test
  void read_alteredByte_isCorrupt() throws IOException {
    StateFile file = written();
    String text = Files.readString(file.path());
    Files.writeString(file.path(), text.replace("\"0.10\"", "\"9.10\""));

    assertThatThrownBy(file::read)
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining("its checksum does not match");
  }

  @Test
  void read_notAStateFile_isCorrupt() throws IOException {
    Path path = folder.resolve("book.state");
    Files.write(path, "{\"cash\": 1}".getBytes(UTF_8));

    assertThatThrownBy(() -> new StateFile(path).read())
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining("it does not start with a state header");
  }

  @Test
  void read_fileLargerThanAnyState_isCorruptWithoutReadingIt() throws IOException {
    Path path = folder.resolve("book.state");
    try (FileChannel file =
        FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      file.truncate(0);
      file.position((64L << 20) + 1);
      file.write(ByteBuffer.wrap(new byte[] {1}));
    }

    assertThatThrownBy(() -> new StateFile(path).read())
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining("more than a state can");
  }

  @Test
  void read_emptyFile_isCorrupt() throws IOException {
    Path path = folder.resolve("book.state");
    Files.write(path, new byte[0]);

    assertThatThrownBy(() -> new StateFile(path).read()).isInstanceOf(CorruptStateException.class);
  }

  @Test
  void read_otherFormatVersion_isCorruptNamingIt() throws IOException {
    StateFile file = written();
    String text = Files.readString(file.path());
    Files.writeString(
        file.path(), text.replaceFirst("intuition-algo-state 1 ", "intuition-algo-state 2 "));

    assertThatThrownBy(file::read)
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining("it is of format 2, and this version reads 1");
  }

  private StateFile written() throws IOException {
    StateFile file = new StateFile(folder.resolve("book.state"));
    file.write(state(), 0);
    return file;
  }

  private static TraderState state() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("cash", 100);
    params.put("short", 2);
    Map<String, Object> strategy = new LinkedHashMap<>();
    strategy.put("GOOG", Map.of("prices", List.of("10.5", "11"), "trend", -1));
    Order order =
        new Order(
            Side.BUY,
            "GOOG",
            new BigDecimal("11"),
            new BigDecimal("99.90"),
            new BigDecimal("9.081818"),
            new BigDecimal("0.10"),
            2L);
    return new TraderState(
        "sma-cross",
        "fixed-fraction",
        params,
        123_456_789L,
        strategy,
        null,
        new TraderState.Book(
            new BigDecimal("100"),
            new BigDecimal("0.10"),
            new BigDecimal("0"),
            1,
            Map.of(
                "GOOG",
                new Position(
                    new BigDecimal("9.081818"), new BigDecimal("99.90"), new BigDecimal("11")))),
        List.of(
            new TraderState.Answer("GOOG", 1, List.of()),
            new TraderState.Answer("GOOG", 2, List.of(order))),
        Map.of("GOOG", 2L));
  }

  private static TraderState withOrders(TraderState state, long orders) {
    TraderState.Book book = state.book();
    return new TraderState(
        state.strategy(),
        state.sizer(),
        state.params(),
        state.draws(),
        state.strategyState(),
        state.sizerState(),
        new TraderState.Book(
            book.startingCash(), book.cash(), book.realizedPnl(), orders, book.positions()),
        state.recent(),
        state.symbols());
  }
}
