package io.intuition.feed.source.jdbc;

import java.sql.SQLException;

/** What a database said, in one line: without the server's position lines or a stack trace. */
final class SqlErrors {
  private SqlErrors() {}

  /**
   * Why a connection failed, such as {@code Connection to db:5432 refused. ... (ConnectException:
   * Connection refused)}: the driver's first line, and the network's reason when there is one.
   */
  static String ofConnection(SQLException e) {
    Throwable cause = e.getCause();
    String network =
        cause == null
            ? ""
            : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    return firstLine(e) + network;
  }

  /** Why a query failed, such as {@code relation "quotes" does not exist (SQL state 42P01)}. */
  static String ofQuery(SQLException e) {
    return firstLine(e) + (e.getSQLState() != null ? " (SQL state " + e.getSQLState() + ")" : "");
  }

  private static String firstLine(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end).strip();
    // PostgreSQL's severity says nothing the exit does not
    return line.replaceFirst("^(ERROR|FATAL): ", "");
  }
}
