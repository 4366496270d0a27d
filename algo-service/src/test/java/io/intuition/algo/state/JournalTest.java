package io.intuition.algo.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path folder;

  @Test
  void read_noFile_isEmpty() throws IOException {
    assertThat(Journal.read(folder.resolve("none.journal"))).isEmpty();
  }

  @Test
  void append_thenRead_givesTheEntriesInOrderWithExactNumbers() throws IOException {
    Path path = folder.resolve("book.journal");
    try (Journal journal = Journal.open(path)) {
      journal.append(List.of(entry(1, "initialize", Map.of("cash", 100))));
      journal.append(List.of(entry(2, "event", Map.of("sid", "GOOG", "quote", 0.1, "ts", 7))));
    }

    List<Journal.Entry> entries = Journal.read(path);

    assertThat(entries).extracting(Journal.Entry::seq).containsExactly(1L, 2L);
    assertThat(entries.get(1).call()).isEqualTo("event");
    assertThat(entries.get(1).value())
        .isEqualTo(Map.of("sid", "GOOG", "quote", new BigDecimal("0.1"), "ts", 7));
  }

  @Test
  void append_binText_isKeptAsText() throws IOException {
    Path path = folder.resolve("book.journal");
    try (Journal journal = Journal.open(path)) {
      journal.append(List.of(entry(1, "event", Map.of("sid", "GOOG".getBytes(UTF_8)))));
    }

    assertThat(Journal.read(path).get(0).value()).isEqualTo(Map.of("sid", "GOOG"));
  }

  @Test
  void read_lastLineCutShortByACrash_dropsItAndKeepsTheRest() throws IOException {
    Path path = written(3);
    byte[] bytes = Files.readAllBytes(path);
    Files.write(path, Arrays.copyOf(bytes, bytes.length - 5));

    assertThat(Journal.read(path)).extracting(Journal.Entry::seq).containsExactly(1L, 2L);
  }

  @Test
  void read_alteredLineBeforeAWholeOne_isCorrupt() throws IOException {
    Path path = written(3);
    List<String> lines = Files.readAllLines(path, UTF_8);
    lines.set(1, lines.get(1).replace("GOOG", "AAPL"));
    Files.write(path, lines, UTF_8);

    assertThatThrownBy(() -> Journal.read(path))
        .isInstanceOf(CorruptStateException.class)
        .hasMessage("journal " + path + " is corrupt: line 2 cannot be read");
  }

  @Test
  void clear_emptiesItAndAppendingGoesOn() throws IOException {
    Path path = folder.resolve("book.journal");
    try (Journal journal = Journal.open(path)) {
      journal.append(List.of(entry(1, "event", Map.of())));
      journal.clear();
      journal.append(List.of(entry(2, "event", Map.of())));
    }

    assertThat(Journal.read(path)).extracting(Journal.Entry::seq).containsExactly(2L);
  }

  private Path written(int count) throws IOException {
    Path path = folder.resolve("book.journal");
    try (Journal journal = Journal.open(path)) {
      for (int seq = 1; seq <= count; seq++) {
        journal.append(List.of(entry(seq, "event", Map.of("sid", "GOOG", "ts", seq))));
      }
    }
    Files.writeString(path, "", StandardOpenOption.APPEND);
    return path;
  }

  private static Journal.Entry entry(long seq, String call, Object value) {
    return new Journal.Entry(seq, call, value);
  }
}
