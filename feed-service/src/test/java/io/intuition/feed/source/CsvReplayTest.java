package io.intuition.feed.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReplayTest {
  @TempDir Path dir;
  private final List<String> problems = new ArrayList<>();

  @Test
  void sample_yieldsEveryRowInFileOrder() throws Exception {
    List<String> rows = sampleLines().subList(1, sampleLines().size());

    List<Tick> ticks;
    try (CsvReplay replay = CsvReplay.sample()) {
      assertThat(replay.size()).hasValue(rows.size());
      assertThat(replay.timed()).isTrue();
      ticks = readAll(replay);
      assertThat(replay.skipped()).isZero();
    }

    assertThat(rows).hasSize(200);
    assertThat(ticks).hasSameSizeAs(rows);
    for (int i = 0; i < rows.size(); i++) {
      String[] cells = rows.get(i).split(",");
      assertThat(ticks.get(i))
          .isEqualTo(
              new Tick(cells[1], new BigDecimal(cells[5]), Instant.parse(cells[0] + "T00:00:00Z")));
    }
  }

  @Test
  void sample_isTheFileShippedInScriptsData() throws Exception {
    Path copy = Path.of("..", "scripts", "data", "sample-quotes.csv");

    assertThat(Files.readAllLines(copy, StandardCharsets.UTF_8)).isEqualTo(sampleLines());
  }

  @Test
  void sample_holdsSeveralSymbols() throws Exception {
    try (CsvReplay replay = CsvReplay.sample()) {
      assertThat(readAll(replay))
          .extracting(Tick::sid)
          .containsOnly("AAPL", "AMZN", "GOOG", "MSFT");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sid,price\nGOOG,345.12",
        "symbol,price\nGOOG,345.12",
        "sid,quote\nGOOG,345.12",
        "SYMBOL,Price\nGOOG,345.12",
        "price,sid\n345.12,GOOG",
        "\uFEFFsid,price\n\"GOOG\", 345.12 "
      })
  void next_layoutWithoutDate_readsSidAndPrice(String csv) throws Exception {
    try (CsvReplay replay = open(csv)) {
      assertThat(replay.timed()).isFalse();
      assertThat(readAll(replay)).containsExactly(new Tick("GOOG", new BigDecimal("345.12"), null));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "date,symbol,open,high,low,close,volume\n2024-01-02,GOOG,1,2,0.5,345.12,100",
        "Date,Symbol,Open,High,Low,Close,Volume\n2024-01-02,GOOG,1,2,0.5,345.12,100",
        "symbol,date,open,high,low,close,adj close,volume\nGOOG,2024-01-02,1,2,0.5,345.12,340,100",
        "date,sid,close\n2024-01-02T00:00:00Z,GOOG,345.12",
        "timestamp,ticker,close\n1704153600,GOOG,345.12"
      })
  void next_ohlcvLayout_readsCloseAsThePriceAndTheDate(String csv) throws Exception {
    try (CsvReplay replay = open(csv)) {
      assertThat(replay.timed()).isTrue();
      assertThat(readAll(replay))
          .containsExactly(
              new Tick("GOOG", new BigDecimal("345.12"), Instant.parse("2024-01-02T00:00:00Z")));
    }
  }

  @Test
  void next_badRows_areReportedByLineNumberAndSkipped() throws Exception {
    String csv =
        String.join(
            "\n",
            "date,symbol,open,high,low,close,volume",
            "2024-01-02,GOOG,1,2,0.5,100.5,10",
            "2024-01-02,AAPL,1,2,0.5,100",
            "2024-01-03,GOOG,1,2,0.5,-3,10",
            "",
            "2024-01-03,AAPL,1,2,0.5,0,10",
            "2024-01-04,GOOG,1,2,0.5,abc,10",
            "someday,GOOG,1,2,0.5,101,10",
            "2024-01-05,,1,2,0.5,101,10",
            "2024-01-05,AAPL,1,2,0.5,102.25,10");

    try (CsvReplay replay = open(csv)) {
      assertThat(readAll(replay))
          .extracting(Tick::sid, Tick::price)
          .containsExactly(
              tuple("GOOG", new BigDecimal("100.5")), tuple("AAPL", new BigDecimal("102.25")));
      assertThat(replay.skipped()).isEqualTo(6);
    }
    assertThat(problems)
        .containsExactly(
            "line 3: expected 7 columns, but was 6",
            "line 4: close must be a positive number, but was \"-3\"",
            "line 6: close must be a positive number, but was \"0\"",
            "line 7: close must be a positive number, but was \"abc\"",
            "line 8: date must be YYYY-MM-DD, an ISO date-time or epoch seconds, but was"
                + " \"someday\"",
            "line 9: symbol must not be empty");
  }

  @Test
  void size_countsRowsButNotTheHeaderOrBlankLines() throws Exception {
    try (CsvReplay replay = open("sid,price\nA,1\n\nB,2\nC,x\n\n")) {
      assertThat(replay.size()).hasValue(3);
    }
  }

  @Test
  void open_missingFile_namesIt() {
    Path missing = dir.resolve("nope.csv");

    assertThatThrownBy(() -> CsvReplay.open(missing))
        .isInstanceOf(SourceException.class)
        .hasMessage("cannot read " + missing + ": no such file");
  }

  @Test
  void open_headerWithoutPrice_namesTheAcceptedColumns() {
    assertThatThrownBy(() -> open("date,symbol,volume\n2024-01-02,GOOG,10"))
        .isInstanceOf(SourceException.class)
        .hasMessageEndingWith(
            ": the header must name a symbol column (sid, symbol or ticker) and a price column"
                + " (close, price or quote), but was \"date,symbol,volume\"");
  }

  @Test
  void open_emptyFile_asksForAHeader() {
    assertThatThrownBy(() -> open(""))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("empty file");
  }

  private CsvReplay open(String csv) throws IOException, SourceException {
    Path file = Files.writeString(dir.resolve("quotes.csv"), csv, StandardCharsets.UTF_8);
    return CsvReplay.open(file, problems::add);
  }

  private static List<Tick> readAll(CsvReplay replay) throws SourceException {
    List<Tick> ticks = new ArrayList<>();
    for (Tick tick = replay.next(); tick != null; tick = replay.next()) {
      ticks.add(tick);
    }
    return ticks;
  }

  private static List<String> sampleLines() throws IOException {
    try (InputStream in =
        CsvReplayTest.class.getResourceAsStream("/io/intuition/feed/sample-quotes.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
