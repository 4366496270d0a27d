package io.intuition.feed.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcSettingsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://db/q?user=feed&password=Pa55&ssl=true"
            + " | jdbc:postgresql://db/q?user=feed&password=****&ssl=true",
        "jdbc:postgresql://db/q?PASSWORD=Pa55 | jdbc:postgresql://db/q?PASSWORD=****",
        "jdbc:sqlserver://db;user=feed;password=Pa55 | jdbc:sqlserver://db;user=feed;password=****",
        "jdbc:mysql://feed:Pa55@db/q | jdbc:mysql://feed:****@db/q",
        "jdbc:postgresql://db:5432/q?user=feed | jdbc:postgresql://db:5432/q?user=feed"
      })
  void masked_writesAnyPasswordAsStars(String url, String masked) {
    assertThat(JdbcSettings.masked(url)).isEqualTo(masked);
    assertThat(JdbcSettings.holdsPassword(url)).isEqualTo(!url.equals(masked));
  }

  @Test
  void toString_namesTheMaskedUrlAndTheUserButNeverThePassword() {
    JdbcSettings settings =
        new JdbcSettings("jdbc:postgresql://db/q?password=Pa55", "feed", "S3cret", "select 1");

    assertThat(settings)
        .hasToString("jdbc:postgresql://db/q?password=**** as feed")
        .asString()
        .doesNotContain("Pa55", "S3cret");
  }

  @Test
  void constructor_urlNotJdbc_isRejectedWithThePasswordMasked() {
    assertThatThrownBy(() -> new JdbcSettings("postgresql://db/q?password=Pa55", null, null, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--jdbc must be a JDBC URL such as jdbc:postgresql://host:5432/database, but was"
                + " \"postgresql://db/q?password=****\"");
  }

  @Test
  void constructor_blankQuery_isRejected() {
    assertThatThrownBy(() -> new JdbcSettings("jdbc:postgresql://db/q", null, null, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--query must be the SQL that selects the quotes");
  }
}
