package io.intuition.feed.source.jdbc;

import java.util.regex.Pattern;

/**
 * Where a JDBC replay reads its quotes: a database URL, a login, and the query.
 *
 * @param url a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/quotes}
 * @param user the user name, or null when the URL names it or none is needed
 * @param password the password, or null when the URL holds it or none is needed; never printed
 * @param query the SQL that selects the quotes
 */
public record JdbcSettings(String url, String user, String password, String query) {
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");
  private static final Pattern URL_LOGIN = Pattern.compile("(//[^/:@]*:)[^/@]*@");

  /**
   * Checks the URL and the query.
   *
   * @throws IllegalArgumentException if the URL does not start with {@code jdbc:} (its password
   *     masked), or the query is blank
   */
  public JdbcSettings {
    if (url == null || !url.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "--jdbc must be a JDBC URL such as jdbc:postgresql://host:5432/database, but was \""
              + masked(url)
              + "\"");
    }
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("--query must be the SQL that selects the quotes");
    }
  }

  /** Whether {@code url} holds a password, as {@code ?password=...} or {@code //user:pw@host}. */
  public static boolean holdsPassword(String url) {
    return URL_PASSWORD.matcher(url).find() || URL_LOGIN.matcher(url).find();
  }

  /** {@code url} with any password in it written as {@code ****}. */
  public static String masked(String url) {
    if (url == null) {
      return null;
    }
    String masked = URL_PASSWORD.matcher(url).replaceAll("$1****");
    return URL_LOGIN.matcher(masked).replaceAll("$1****@");
  }

  /** The URL with any password in it masked, for messages. */
  public String maskedUrl() {
    return masked(url);
  }

  @Override
  public String toString() {
    return maskedUrl() + (user != null ? " as " + user : "");
  }
}
