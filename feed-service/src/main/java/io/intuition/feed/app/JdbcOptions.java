package io.intuition.feed.app;

import io.intuition.common.cli.PasswordFile;
import io.intuition.feed.source.jdbc.JdbcSettings;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The options of a replay from a database, as a picocli mixin: the JDBC URL, the query and the
 * login. As for MQTT, the password never is an option's value, since a command line shows in {@code
 * ps}: it comes from the URL, from {@code --jdbc-password-file} or from {@value
 * #PASSWORD_VARIABLE}, from one of them only, and appears in no message.
 */
final class JdbcOptions {
  static final String PASSWORD_VARIABLE = "FEED_JDBC_PASSWORD";

  @Option(
      names = "--jdbc",
      defaultValue = "${env:FEED_JDBC}",
      paramLabel = "URL",
      description =
          "Replay the rows of --query from this database instead of synthetic prices, such as"
              + " jdbc:postgresql://127.0.0.1:5432/quotes?user=feed (env FEED_JDBC).")
  String url;

  @Option(
      names = "--query",
      defaultValue = "${env:FEED_QUERY}",
      paramLabel = "SQL",
      description =
          "With --jdbc: the SQL that selects the quotes, in time order, such as \"SELECT symbol,"
              + " close, date FROM daily ORDER BY date\" (env FEED_QUERY).")
  String query;

  @Option(
      names = "--jdbc-user",
      defaultValue = "${env:FEED_JDBC_USER}",
      paramLabel = "NAME",
      description = "The database user, if the URL names none (env FEED_JDBC_USER).")
  String user;

  @Option(
      names = "--jdbc-password-file",
      defaultValue = "${env:FEED_JDBC_PASSWORD_FILE}",
      paramLabel = "FILE",
      description =
          "The database password is the first line of FILE (env FEED_JDBC_PASSWORD_FILE); or set "
              + PASSWORD_VARIABLE
              + ". Never an option: a command line shows in ps.")
  Path passwordFile;

  /** Taken only to refuse it without printing the password, as an unknown option would. */
  @Option(names = "--jdbc-password", hidden = true, paramLabel = "PASSWORD")
  String passwordOption;

  private final UnaryOperator<String> environment;

  JdbcOptions() {
    this(System::getenv);
  }

  JdbcOptions(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  /** Whether a database is to be replayed. */
  boolean given() {
    return url != null && !url.isBlank();
  }

  /**
   * The database, login and query the options describe; only when {@link #given()}.
   *
   * @throws IllegalArgumentException naming the option and the problem: {@code --jdbc-password}, no
   *     {@code --query}, a URL no driver here takes (its password masked), a password given twice,
   *     or a password file that cannot be read
   */
  JdbcSettings settings() {
    if (passwordOption != null) {
      throw new IllegalArgumentException(
          "--jdbc-password is not taken, since a command line shows in ps: put the password in a"
              + " file for --jdbc-password-file, or in "
              + PASSWORD_VARIABLE);
    }
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("--jdbc needs --query, the SQL that selects the quotes");
    }
    JdbcSettings settings = new JdbcSettings(url, user, password(), query);
    checkDriver(settings);
    return settings;
  }

  private String password() {
    String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
    if (fromEnvironment != null && fromEnvironment.isEmpty()) {
      fromEnvironment = null; // set to nothing, as compose does for a variable the host lacks
    }
    List<String> sources = new ArrayList<>();
    addIf(sources, JdbcSettings.holdsPassword(url), "the URL");
    addIf(sources, passwordFile != null, "--jdbc-password-file");
    addIf(sources, fromEnvironment != null, PASSWORD_VARIABLE);
    if (sources.size() > 1) {
      throw new IllegalArgumentException(
          "the database password is given in "
              + String.join(" and in ", sources)
              + ": give it once");
    }
    if (passwordFile != null) {
      return PasswordFile.read("--jdbc-password-file", passwordFile);
    }
    return fromEnvironment;
  }

  private static void checkDriver(JdbcSettings settings) {
    try {
      DriverManager.getDriver(settings.url());
    } catch (SQLException e) {
      throw new IllegalArgumentException(
          "--jdbc "
              + settings.maskedUrl()
              + ": no driver here takes this URL; the feed has PostgreSQL's, for"
              + " jdbc:postgresql://host:port/database");
    }
  }

  private static void addIf(List<String> list, boolean condition, String item) {
    if (condition) {
      list.add(item);
    }
  }
}
