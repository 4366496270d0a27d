package io.intuition.feed.it;

import io.intuition.feed.source.jdbc.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real PostgreSQL the JDBC tests read from: {@value #URL_VARIABLE} if set, else the local
 * server's database {@code test} as {@code postgres}, as CI sets it up. Tables are made with unique
 * names, and dropped on {@link #close()}. When the server cannot be reached the test fails, saying
 * so: it never skips.
 */
public final class TestDatabase implements AutoCloseable {
  /** The variable that points the tests at another server. */
  public static final String URL_VARIABLE = "INTUITION_PG_URL";

  private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private final Connection connection;
  private final List<String> tables = new ArrayList<>();

  private TestDatabase(Connection connection) {
    this.connection = connection;
  }

  /** The JDBC URL of the test database. */
  public static String url() {
    String url = System.getenv(URL_VARIABLE);
    return url == null || url.isBlank() ? DEFAULT_URL : url;
  }

  /**
   * Connects to the test database.
   *
   * @throws AssertionError naming the server and what to do, if it cannot be reached
   */
  public static TestDatabase connect() {
    try {
      return new TestDatabase(DriverManager.getConnection(url()));
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL is not reachable at "
              + JdbcSettings.masked(url())
              + " ("
              + e.getMessage()
              + "): the JDBC replay tests need it: start a server with a database test that"
              + " trusts logins from 127.0.0.1 (.ci/run sets one up), or point "
              + URL_VARIABLE
              + " at one");
    }
  }

  /**
   * Makes a table of {@code columns}, such as {@code sid text, price numeric}; returns its name.
   */
  public String createTable(String columns) throws SQLException {
    String name = String.format("feed_it_%016x", ThreadLocalRandom.current().nextLong());
    execute("CREATE TABLE " + name + " (" + columns + ")");
    tables.add(name);
    return name;
  }

  /** Runs one statement that returns no rows. */
  public void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Drops the tables made, and disconnects. */
  @Override
  public void close() throws SQLException {
    try {
      for (String table : tables) {
        execute("DROP TABLE IF EXISTS " + table);
      }
    } finally {
      connection.close();
    }
  }
}
