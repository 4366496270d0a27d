package io.intuition.feed.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The feed-service jar as a real process replaying tables of the real PostgreSQL of {@link
 * TestDatabase} to a real Mosquitto.
 */
class JdbcFeedIT {
  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);
  private static final Instant DAY_ONE = Instant.parse("2024-01-02T00:00:00Z");
  private static final String PASSWORD = "Pa55-w0rd-of-the-test";

  private MosquittoBroker broker;
  private TestDatabase database;

  @BeforeEach
  void start() {
    database = TestDatabase.connect();
    broker = MosquittoBroker.start();
  }

  @AfterEach
  void stop() throws Exception {
    broker.close();
    database.close();
  }

  @Test
  void tableFilledOutOfOrder_isReplayedInTimeOrderWithItsValues() throws Exception {
    String table = database.createTable("symbol text, close numeric(10, 2), ts timestamptz");
    // day 5, 2, 6, 1, 4, 3, each with two symbols, MSFT first
    List<Integer> days = List.of(5, 2, 6, 1, 4, 3);
    for (int day : days) {
      database.execute(
          "INSERT INTO " + table + " VALUES " + row("MSFT", day) + ", " + row("AAPL", day));
    }
    String query = "SELECT symbol, close, ts FROM " + table + " ORDER BY ts, symbol";

    List<Map<String, Object>> quotes;
    try (QuoteSubscriber subscriber = QuoteSubscriber.start(broker.port(), "quotes", 12);
        ManagedProcess feed = feed(query, "--speed", "60", "--max-gap", "0.05")) {
      FeedProcess.awaitSuccess(feed, RUN_LIMIT);
      quotes = subscriber.messages();
      assertThat(feed.stderr())
          .contains("60x the recorded pace, waits cut to 0.05 s", "sent 12 quotes in")
          .doesNotContain("next quote");
    }

    assertThat(quotes).hasSize(12);
    for (int i = 0; i < quotes.size(); i++) {
      int day = i / 2 + 1;
      String sid = i % 2 == 0 ? "AAPL" : "MSFT";
      assertThat(quotes.get(i))
          .containsOnlyKeys("sid", "quote", "ts")
          .containsEntry("sid", sid)
          .containsEntry("ts", ChronoUnit.MICROS.between(Instant.EPOCH, time(day)));
      assertThat(new BigDecimal(quotes.get(i).get("quote").toString()))
          .isEqualByComparingTo(price(sid, day));
    }
  }

  @Test
  void queryNotInTimeOrder_exitsOneNamingTheRowsAndTheFix() throws Exception {
    String table = database.createTable("sid text, price numeric, ts date");
    database.execute(
        "INSERT INTO " + table + " VALUES ('A', 1, '2024-01-03'), ('A', 2, '2024-01-02')");

    try (ManagedProcess feed = feed("SELECT sid, price, ts FROM " + table)) {
      assertExit(
          feed,
          1,
          "feed-service: row 2: ts 2024-01-02T00:00:00Z is before 2024-01-03T00:00:00Z of row"
              + " 1: the query must return its rows in time order: end it with ORDER BY ts");
      assertThat(feed.stderr()).contains("sent 1 quotes in");
    }
  }

  @Test
  void missingTable_exitsOneNamingIt() throws Exception {
    try (ManagedProcess feed = feed("SELECT sid, price, ts FROM feed_it_no_such_table")) {
      assertExit(
          feed,
          1,
          "feed-service: --query failed: relation \"feed_it_no_such_table\" does not exist (SQL state 42P01)");
      assertThat(feed.stderr().lines()).hasSize(1);
    }
  }

  @Test
  void columnWithAnotherName_exitsOneNamingWhatIsExpectedAndWhatCame() throws Exception {
    String table = database.createTable("sid text, px numeric, ts date");

    try (ManagedProcess feed = feed("SELECT * FROM " + table + " ORDER BY ts")) {
      assertExit(
          feed,
          1,
          "feed-service: --query must return a price column (close, price or quote), but returns"
              + " sid text, px numeric, ts date: name them with AS, as in SELECT ticker AS sid");
      assertThat(feed.stderr().lines()).hasSize(1);
    }
  }

  @Test
  void closedPort_exitsOneNamingTheHostAndPortAndNeverThePassword() throws Exception {
    int port = freePort();
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/test?user=postgres";
    ManagedProcess feed =
        FeedProcess.start(
            Map.of("FEED_JDBC_PASSWORD", PASSWORD),
            "--mqtt",
            broker.mqttUrl(),
            "--jdbc",
            url,
            "--query",
            "SELECT 1");

    try (feed) {
      assertExit(
          feed,
          1,
          "feed-service: cannot connect to the database "
              + url
              + ": Connection to 127.0.0.1:"
              + port
              + " refused.");
      assertThat(feed.stderr().lines()).hasSize(1);
      assertThat(feed.stderr()).doesNotContain(PASSWORD, "\tat ");
    }
  }

  private static void assertExit(ManagedProcess feed, int code, String line)
      throws InterruptedException {
    assertThat(feed.awaitExit(RUN_LIMIT)).as("exited; %s", feed).isTrue();
    assertThat(feed.exitValue()).as("exit code; %s", feed).isEqualTo(code);
    assertThat(feed.stderr().lines())
        .as("%s", feed)
        .anySatisfy(l -> assertThat(l).startsWith(line));
    assertThat(feed.stdout()).isEmpty();
  }

  private ManagedProcess feed(String query, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("--mqtt", broker.mqttUrl(), "--jdbc", TestDatabase.url(), "--query", query));
    args.addAll(List.of(options));
    return FeedProcess.start(args.toArray(String[]::new));
  }

  private static String row(String sid, int day) {
    return "('" + sid + "', " + price(sid, day) + ", '" + time(day) + "')";
  }

  private static String price(String sid, int day) {
    return (sid.equals("AAPL") ? 180 : 370) + day + ".25";
  }

  private static Instant time(int day) {
    return DAY_ONE.plus(Duration.ofDays(day - 1));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
