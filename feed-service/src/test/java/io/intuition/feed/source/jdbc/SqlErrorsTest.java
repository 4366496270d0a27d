package io.intuition.feed.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

  @Test
  void ofQuery_keepsTheFirstLineWithoutTheSeverityAndAddsTheState() {
    SQLException e =
        new SQLException("ERROR: relation \"quotes\" does not exist\n  Position: 15", "42P01");

    assertThat(SqlErrors.ofQuery(e))
        .isEqualTo("relation \"quotes\" does not exist (SQL state 42P01)");
  }

  @Test
  void ofQuery_withoutState_isTheMessageAlone() {
    assertThat(SqlErrors.ofQuery(new SQLException("No results were returned by the query.")))
        .isEqualTo("No results were returned by the query.");
  }

  @Test
  void ofConnection_addsTheNetworksReason() {
    SQLException e =
        new SQLException(
            "Connection to db:5432 refused.", "08001", new ConnectException("Connection refused"));

    assertThat(SqlErrors.ofConnection(e))
        .isEqualTo("Connection to db:5432 refused. (ConnectException: Connection refused)");
  }

  @Test
  void ofConnection_serverRefusal_dropsTheSeverity() {
    SQLException e = new SQLException("FATAL: database \"nodb\" does not exist", "3D000");

    assertThat(SqlErrors.ofConnection(e)).isEqualTo("database \"nodb\" does not exist");
  }
}
