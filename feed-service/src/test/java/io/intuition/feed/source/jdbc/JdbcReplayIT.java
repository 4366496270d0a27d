package io.intuition.feed.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.intuition.feed.it.TestDatabase;
import io.intuition.feed.source.SourceException;
import io.intuition.feed.source.Tick;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JdbcReplay in this process against the real PostgreSQL of {@link TestDatabase}. */
class JdbcReplayIT {
  private final List<String> problems = new ArrayList<>();
  private TestDatabase database;

  @BeforeEach
  void connect() {
    database = TestDatabase.connect();
  }

  @AfterEach
  void dropTables() throws Exception {
    database.close();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "d AS ts | 2024-01-02T00:00:00Z",
        "t AS ts | 2024-01-02T15:30:00Z",
        "tz AS ts | 2024-01-02T14:30:00Z",
        "e AS ts | 2024-01-02T15:30:00Z",
        "f AS ts | 2024-01-02T15:30:00.500Z",
        "s AS ts | 2024-01-02T15:30:00Z",
        "tz AS \"Timestamp\" | 2024-01-02T14:30:00Z"
      })
  void next_timeOfEachSqlType_isReadAsItsInstant(String time, String expected) throws Exception {
    String table =
        database.createTable(
            "sid text, price numeric(10, 2), d date, t timestamp, tz timestamptz, e bigint,"
                + " f double precision, s text");
    database.execute(
        "INSERT INTO "
            + table
            + " VALUES ('GOOG', 345.12, '2024-01-02', '2024-01-02 15:30:00',"
            + " '2024-01-02 15:30:00+01', 1704209400, 1704209400.5, '2024-01-02T15:30:00Z')");

    List<Tick> ticks = readAll("SELECT sid, price, " + time + " FROM " + table);

    assertThat(ticks)
        .containsExactly(new Tick("GOOG", new BigDecimal("345.12"), Instant.parse(expected)));
  }

  @Test
  void size_isTheRowCountOfTheQuery_soTheProgressBarHasATotal() throws Exception {
    String values = "VALUES ('A', 1.5, 1), ('B', 2.5, 2), ('A', 1.6, 3)";

    try (JdbcReplay replay = open("SELECT * FROM (" + values + ") AS t (sid, price, ts);")) {
      assertThat(replay.size()).hasValue(3);
    }
  }

  @Test
  void next_columnsNamedInAnyCase_areFoundAndOthersIgnored() throws Exception {
    List<Tick> ticks =
        readAll(
            "SELECT 7 AS volume, 'AAPL' AS \"Symbol\", 185.2 AS \"CLOSE\","
                + " DATE '2024-01-02' AS \"Date\"");

    assertThat(ticks)
        .containsExactly(
            new Tick("AAPL", new BigDecimal("185.2"), Instant.parse("2024-01-02T00:00:00Z")));
  }

  @Test
  void next_badRows_areReportedByRowNumberAndSkipped() throws Exception {
    String table = database.createTable("n int, sid text, price text, ts date");
    database.execute(
        "INSERT INTO "
            + table
            + " VALUES (1, 'GOOG', '100.5', '2024-01-02'), (2, 'GOOG', NULL, '2024-01-02'),"
            + " (3, 'GOOG', 'abc', '2024-01-03'), (4, ' ', '1', '2024-01-03'),"
            + " (5, NULL, '1', '2024-01-03'), (6, 'GOOG', '1', NULL),"
            + " (7, 'GOOG', '-3', '2024-01-04'), (8, ' AAPL ', '102.25', '2024-01-05')");

    List<Tick> ticks = readAll("SELECT sid, price, ts FROM " + table + " ORDER BY n");

    assertThat(ticks)
        .extracting(Tick::sid, Tick::price)
        .containsExactly(
            tuple("GOOG", new BigDecimal("100.5")), tuple("AAPL", new BigDecimal("102.25")));
    assertThat(problems)
        .containsExactly(
            "row 2: price must be a positive number, but was NULL",
            "row 3: price must be a positive number, but was \"abc\"",
            "row 4: sid must not be empty, but was \" \"",
            "row 5: sid must not be empty, but was NULL",
            "row 6: ts must be a time, but was NULL",
            "row 7: price must be a positive number, but was \"-3\"");
  }

  @Test
  void next_rowEarlierThanTheOneBefore_endsTheReplayNamingBothRows() throws Exception {
    String table = database.createTable("sid text, price numeric, ts date");
    database.execute(
        "INSERT INTO "
            + table
            + " VALUES ('A', 1, '2024-01-02'), ('A', 2, '2024-01-04'), ('A', 3, '2024-01-03')");

    try (JdbcReplay replay = open("SELECT * FROM " + table)) {
      replay.next();
      replay.next();

      assertThatThrownBy(replay::next)
          .isInstanceOf(SourceException.class)
          .hasMessage(
              "row 3: ts 2024-01-03T00:00:00Z is before 2024-01-04T00:00:00Z of row 2: the query"
                  + " must return its rows in time order: end it with ORDER BY ts");
    }
  }

  @Test
  void next_errorDeepInTheResult_comesOnlyAfterTheFirstBatches() throws Exception {
    // were all rows fetched at once, executing the query would fail
    String query =
        "SELECT 'X' AS sid, 1 AS price, i AS ts, 1 / (i - 2500) AS boom"
            + " FROM generate_series(1, 10000) i";

    try (JdbcReplay replay = open(query)) {
      for (int i = 0; i < 2 * JdbcReplay.FETCH_ROWS; i++) {
        assertThat(replay.next()).isNotNull();
      }

      assertThatThrownBy(replay::next)
          .isInstanceOf(SourceException.class)
          .hasMessage(
              "cannot read the rows of --query after row 2000: division by zero (SQL state"
                  + " 22012)");
    }
  }

  @Test
  void open_missingTable_namesIt() {
    assertThatThrownBy(() -> open("SELECT sid, price, ts FROM feed_it_missing"))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            "--query failed: relation \"feed_it_missing\" does not exist (SQL state 42P01)");
  }

  @Test
  void open_badSql_saysWhere() {
    assertThatThrownBy(() -> open("SELEC sid FROM x"))
        .isInstanceOf(SourceException.class)
        .hasMessage("--query failed: syntax error at or near \"SELEC\" (SQL state 42601)");
  }

  @Test
  void open_writingStatement_isRefusedSinceTheTransactionIsReadOnly() throws Exception {
    String table = database.createTable("sid text");

    assertThatThrownBy(() -> open("DELETE FROM " + table + " RETURNING sid"))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            "--query failed: cannot execute DELETE in a read-only transaction (SQL state 25006)");
  }

  @Test
  void open_missingColumns_namesWhatIsExpectedAndWhatTheQueryReturns() {
    assertThatThrownBy(() -> open("SELECT 'A' AS name, 1.5 AS price"))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            "--query must return a symbol column (sid, symbol or ticker) and a time column (ts,"
                + " timestamp, datetime, time or date), but returns name text, price numeric:"
                + " name them with AS, as in SELECT ticker AS sid");
  }

  @Test
  void open_timeColumnOfAnotherType_namesTheAcceptedTypes() {
    assertThatThrownBy(() -> open("SELECT 'A' AS sid, 1 AS price, INTERVAL '1 day' AS ts"))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith(
            "--query returns the time column ts of type interval, but a time must be a"
                + " timestamp, timestamp with time zone, date,");
  }

  @Test
  void open_priceColumnOfAnotherType_saysItMustBeANumber() {
    assertThatThrownBy(() -> open("SELECT 'A' AS sid, true AS price, now() AS ts"))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            "--query returns the price column price of type bool, but a price must be a number"
                + " or text");
  }

  private JdbcReplay open(String query) throws SourceException {
    return JdbcReplay.open(new JdbcSettings(TestDatabase.url(), null, null, query), problems::add);
  }

  private List<Tick> readAll(String query) throws SourceException {
    List<Tick> ticks = new ArrayList<>();
    try (JdbcReplay replay = open(query)) {
      for (Tick tick = replay.next(); tick != null; tick = replay.next()) {
        ticks.add(tick);
      }
    }
    return ticks;
  }
}
