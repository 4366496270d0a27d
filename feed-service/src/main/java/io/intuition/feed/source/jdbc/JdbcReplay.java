package io.intuition.feed.source.jdbc;

import io.intuition.common.log.Excerpt;
import io.intuition.feed.source.QuoteSource;
import io.intuition.feed.source.SourceException;
import io.intuition.feed.source.Tick;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the rows of a query, in the order it returns them, which must be time order: a row
 * earlier than the one before it ends the replay, naming both (a replay by time could not send it
 * in its place, and the algo would not trade a quote older than one of its symbol it has seen).
 * Rows are streamed, {@value #FETCH_ROWS} at a time, in a read-only transaction (PostgreSQL keeps a
 * cursor only inside one), so a huge table takes little memory. A malformed row is reported with
 * its number, such as {@code row 7: price must be a positive number, but was NULL}, and skipped.
 * Single-threaded.
 */
public final class JdbcReplay implements QuoteSource {
  /** How many rows are fetched from the database at a time. */
  static final int FETCH_ROWS = 1_000;

  private static final Logger log = LoggerFactory.getLogger(JdbcReplay.class);

  private final JdbcSettings settings;
  private final Connection connection;
  private final ResultSet rows;
  private final ResultColumns columns;
  private final Consumer<String> problems;
  private final OptionalLong size;
  private long row;
  private long skipped;
  private Tick latest;
  private long latestRow;

  private JdbcReplay(
      JdbcSettings settings,
      Connection connection,
      ResultSet rows,
      ResultColumns columns,
      Consumer<String> problems,
      OptionalLong size) {
    this.settings = settings;
    this.size = size;
    this.connection = connection;
    this.rows = rows;
    this.columns = columns;
    this.problems = problems;
  }

  /**
   * Connects and runs the query; bad rows are logged as warnings.
   *
   * @throws SourceException if the database cannot be reached or refuses the login, the query fails
   *     (a missing table, bad SQL), or its result lacks a symbol, price or time column
   */
  public static JdbcReplay open(JdbcSettings settings) throws SourceException {
    return open(settings, log::warn);
  }

  /** As {@link #open(JdbcSettings)}, reporting bad rows to {@code problems}. */
  static JdbcReplay open(JdbcSettings settings, Consumer<String> problems) throws SourceException {
    Connection connection = connect(settings);
    try {
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      // one snapshot for the count and the rows, so the progress bar's total is the rows sent
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      OptionalLong size = count(connection, settings.query());
      PreparedStatement statement =
          connection.prepareStatement(
              settings.query(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(FETCH_ROWS);
      ResultSet rows = statement.executeQuery();
      ResultColumns columns = ResultColumns.of(rows.getMetaData());
      return new JdbcReplay(settings, connection, rows, columns, problems, size);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new SourceException("--query failed: " + SqlErrors.ofQuery(e));
    } catch (IllegalArgumentException e) {
      closeQuietly(connection);
      throw new SourceException("--query " + e.getMessage());
    }
  }

  /**
   * The next well-formed row; bad rows on the way are reported and skipped.
   *
   * @throws SourceException if the rows can no longer be read, or this row is earlier than the one
   *     before it
   */
  @Override
  public Tick next() throws SourceException {
    while (advance()) {
      row++;
      try {
        return inOrder(columns.read(rows));
      } catch (IllegalArgumentException e) {
        skipped++;
        problems.accept("row " + row + ": " + e.getMessage());
      } catch (SQLException e) {
        throw failed(e);
      }
    }
    return null;
  }

  /** The rows the query returns, counted before the replay in the same snapshot, if it could be. */
  @Override
  public OptionalLong size() {
    return size;
  }

  /**
   * Counts the rows of {@code query} as a subquery, for the progress bar; empty when the database
   * cannot run it as one (the query itself then says what is wrong).
   */
  private static OptionalLong count(Connection connection, String query) throws SQLException {
    String inner = query.strip().replaceAll(";+$", "");
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT count(*) FROM (" + inner + ") AS replayed");
        ResultSet result = statement.executeQuery()) {
      return result.next() ? OptionalLong.of(result.getLong(1)) : OptionalLong.empty();
    } catch (SQLException e) {
      log.debug("cannot count the rows of the query: {}", e.getMessage());
      connection.rollback(); // a failed statement ends the transaction: start again
      return OptionalLong.empty();
    }
  }

  /** Always: the query must return a time column. */
  @Override
  public boolean timed() {
    return true;
  }

  @Override
  public long skipped() {
    return skipped;
  }

  @Override
  public void close() {
    closeQuietly(connection);
  }

  @Override
  public String toString() {
    return settings + " query \"" + Excerpt.of(settings.query()) + "\"";
  }

  private boolean advance() throws SourceException {
    try {
      return rows.next();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private Tick inOrder(Tick tick) throws SourceException {
    if (latest != null && tick.time().isBefore(latest.time())) {
      String time = columns.time().label();
      throw new SourceException(
          String.format(
              "row %d: %s %s is before %s of row %d: the query must return its rows in time"
                  + " order: end it with ORDER BY %s",
              row, time, tick.time(), latest.time(), latestRow, time));
    }
    latest = tick;
    latestRow = row;
    return tick;
  }

  private SourceException failed(SQLException e) {
    return new SourceException(
        "cannot read the rows of --query after row " + row + ": " + SqlErrors.ofQuery(e));
  }

  private static Connection connect(JdbcSettings settings) throws SourceException {
    Properties login = new Properties();
    if (settings.user() != null) {
      login.setProperty("user", settings.user());
    }
    if (settings.password() != null) {
      login.setProperty("password", settings.password());
    }
    try {
      return DriverManager.getConnection(settings.url(), login);
    } catch (SQLException e) {
      throw new SourceException(
          "cannot connect to the database " + settings + ": " + SqlErrors.ofConnection(e));
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // only read: there is nothing to lose
    }
  }
}
