package io.intuition.feed.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FeedMainTest {
  private static final String PG = "jdbc:postgresql://127.0.0.1:1/test?user=feed";
  @TempDir Path dir;
  private final FeedMain app = new FeedMain();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ExecutorService runner = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopApp() throws InterruptedException {
    app.stop();
    runner.shutdown();
    assertThat(runner.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void help_listsEveryOptionAndExitsZero() {
    assertThat(execute("--help")).isZero();

    assertThat(out.toString())
        .contains("Usage: feed-service", "-m, --mqtt", "--topic", "--rate", "--count", "--qos")
        .contains("--client-id", "--username", "--password-file", "--symbols", "--seed", "--csv")
        .contains("--ca-file", "--cert-file", "--key-file", "--insecure", "FEED_PASSWORD")
        .contains("--sample", "--speed", "--max-gap", "--version", "FEED_MQTT", "FEED_RATE")
        .contains("FEED_MAX_GAP", "--jdbc", "--query", "--jdbc-user", "--jdbc-password-file")
        .contains("FEED_JDBC", "FEED_QUERY", "FEED_JDBC_PASSWORD", "Exit codes:")
        .doesNotContain("--jdbc-password=");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void version_printsNameVersionAndDescriptionAndExitsZero() {
    assertThat(execute("--version")).isZero();

    assertThat(out.toString().lines().toList())
        .satisfiesExactly(
            line -> assertThat(line).matches("feed-service \\d+\\.\\d+\\.\\d+\\S*"),
            line -> assertThat(line).startsWith("Publishes quotes to MQTT"));
  }

  @Test
  void malformedMqttUrl_printsOneLineAndExitsTwo() {
    assertThat(execute("--mqtt", "http://x")).isEqualTo(2);

    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(
            line -> assertThat(line).startsWith("feed-service: invalid MQTT URL \"http://x\""));
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void malformedMqttUrlWithPassword_masksItAndExitsTwo() {
    assertThat(execute("--mqtt", "mqtt://feed:Pa55-w0rd@broker:99999")).isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly(
            "feed-service: invalid MQTT URL \"mqtt://feed:****@broker:99999\": the port must be in"
                + " 1..65535, but was 99999");
  }

  @Test
  void passwordOption_isRefusedWithoutPrintingThePasswordAndExitsTwo() {
    assertThat(execute("--username", "feed", "--password", "Pa55-w0rd")).isEqualTo(2);

    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("feed-service: --password is not taken")
                    .contains("--password-file", "FEED_PASSWORD")
                    .doesNotContain("Pa55"));
  }

  @Test
  void tlsOptionWithPlainUrl_printsOneLineAndExitsTwo() {
    assertThat(execute("--mqtt", "mqtt://broker", "--ca-file", "ca.pem")).isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly(
            "feed-service: --ca-file needs a TLS broker URL (mqtts:// or ssl://), but --mqtt is"
                + " mqtt://broker:1883");
  }

  @Test
  void zeroRate_printsOneLineAndExitsTwo() {
    assertThat(execute("--rate", "0")).isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly("feed-service: --rate must be a positive number, but was 0.0");
  }

  @Test
  void nameThatIsNoTopicLevel_printsOneLineAndExitsTwo() {
    assertThat(execute("--name", "feed/1")).isEqualTo(2);

    assertThat(err.toString())
        .isEqualTo(
            "feed-service: --name must not hold '/', '+', '#' or control characters, but was"
                + " feed/1"
                + System.lineSeparator());
  }

  @Test
  void qosThree_printsOneLineAndExitsTwo() {
    assertThat(execute("--qos", "3")).isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly("feed-service: --qos must be 0, 1 or 2, but was 3");
  }

  @Test
  void missingCsvFile_printsOneLineAndExitsOne() {
    Path missing = dir.resolve("missing.csv");

    assertThat(execute("--csv", missing.toString())).isEqualTo(1);

    assertThat(err.toString().lines())
        .containsExactly("feed-service: cannot read " + missing + ": no such file");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void csvWithoutPriceColumn_printsOneLineAndExitsOne() throws IOException {
    Path csv = Files.writeString(dir.resolve("bad.csv"), "date,symbol\n2024-01-02,GOOG\n");

    assertThat(execute("--csv", csv.toString())).isEqualTo(1);

    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("feed-service: " + csv + ": the header"));
  }

  @Test
  void csvAndSample_cannotBeCombined() {
    assertThat(execute("--sample", "--csv", "x.csv")).isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly("feed-service: --csv and --sample cannot be combined");
  }

  @Test
  void symbolsAndSample_cannotBeCombined() {
    assertThat(execute("--sample", "--symbols", "GOOG")).isEqualTo(2);

    assertThat(err.toString()).contains("--symbols cannot be combined");
  }

  @Test
  void speedWithoutCsv_printsOneLineAndExitsTwo() {
    assertThat(execute("--speed", "10")).isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly(
            "feed-service: --speed replays by time: it needs --csv, --sample or --jdbc");
  }

  @Test
  void speedOnCsvWithoutDates_printsOneLineAndExitsTwo() throws IOException {
    Path csv = Files.writeString(dir.resolve("plain.csv"), "sid,price\nGOOG,1\n");

    assertThat(execute("--csv", csv.toString(), "--speed", "10")).isEqualTo(2);

    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(line -> assertThat(line).contains("--speed needs a date column"));
  }

  @Test
  void maxGapWithoutSpeed_printsOneLineAndExitsTwo() {
    assertThat(execute("--sample", "--max-gap", "0.5")).isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly(
            "feed-service: --max-gap cuts the waits of a replay by time: it needs --speed");
  }

  @Test
  void negativeMaxGap_printsOneLineAndExitsTwo() {
    assertThat(execute("--sample", "--speed", "60", "--max-gap", "-1")).isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly("feed-service: --max-gap must be zero or more seconds, but was -1.0");
  }

  @Test
  void jdbcWithoutQuery_printsOneLineAndExitsTwo() {
    assertThat(execute("--jdbc", PG)).isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly("feed-service: --jdbc needs --query, the SQL that selects the quotes");
  }

  @Test
  void queryWithoutJdbc_printsOneLineAndExitsTwo() {
    assertThat(execute("--query", "select 1")).isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly("feed-service: --query needs --jdbc, the database to run it on");
  }

  @Test
  void jdbcAndCsv_cannotBeCombined() {
    assertThat(execute("--csv", "x.csv", "--jdbc", PG, "--query", "select 1")).isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly("feed-service: --csv and --jdbc cannot be combined");
  }

  @Test
  void jdbcPasswordOption_isRefusedWithoutPrintingThePasswordAndExitsTwo() {
    assertThat(execute("--jdbc", PG, "--query", "select 1", "--jdbc-password", "Pa55-w0rd"))
        .isEqualTo(2);

    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("feed-service: --jdbc-password is not taken")
                    .contains("--jdbc-password-file", "FEED_JDBC_PASSWORD")
                    .doesNotContain("Pa55"));
  }

  @Test
  void jdbcPasswordInTheUrlAndInAFile_printsOneLineAndExitsTwo() throws IOException {
    Path file = Files.writeString(dir.resolve("db-password"), "Pa55-w0rd\n");

    int exit =
        execute(
            "--jdbc",
            PG + "&password=Pa55-w0rd",
            "--query",
            "select 1",
            "--jdbc-password-file",
            file.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            "feed-service: the database password is given in the URL and in"
                + " --jdbc-password-file: give it once");
  }

  @Test
  void jdbcPasswordFileMissing_namesTheOptionAndExitsTwo() {
    Path missing = dir.resolve("missing");

    assertThat(execute("--jdbc", PG, "--query", "select 1", "--jdbc-password-file", "" + missing))
        .isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly(
            "feed-service: cannot read --jdbc-password-file " + missing + ": no such file");
  }

  @Test
  void jdbcUrlWithoutADriver_printsOneLineWithThePasswordMaskedAndExitsTwo() {
    assertThat(execute("--jdbc", "jdbc:nosuchdb://db/q?password=Pa55", "--query", "select 1"))
        .isEqualTo(2);

    assertThat(err.toString().lines())
        .containsExactly(
            "feed-service: --jdbc jdbc:nosuchdb://db/q?password=****: no driver here takes this"
                + " URL; the feed has PostgreSQL's, for jdbc:postgresql://host:port/database");
  }

  @Test
  void jdbcToAClosedPort_printsOneLineNamingTheHostAndPortAndExitsOne() throws IOException {
    String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/test?password=Pa55-w0rd";

    assertThat(execute("--jdbc", url, "--query", "select 1")).isEqualTo(1);

    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith(
                        "feed-service: cannot connect to the database "
                            + url.replace("Pa55-w0rd", "****")
                            + ": Connection to 127.0.0.1:")
                    .contains("refused", "(ConnectException: Connection refused)")
                    .doesNotContain("Pa55"));
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void maxGapWithJdbcButNoSpeed_printsOneLineAndExitsTwo() {
    assertThat(execute("--jdbc", PG, "--query", "select 1", "--max-gap", "1")).isEqualTo(2);

    assertThat(err.toString()).contains("--max-gap cuts the waits of a replay by time");
  }

  @Test
  void blankSymbol_printsOneLineAndExitsTwo() {
    assertThat(execute("--symbols", "GOOG,,AAPL")).isEqualTo(2);

    assertThat(err.toString().lines()).singleElement().asString().contains("symbols");
  }

  @Test
  void randomClientId_isFeedAndEightHexDigits() {
    assertThat(FeedMain.randomClientId()).matches("feed-[0-9a-f]{8}");
    assertThat(FeedMain.randomClientId()).isNotEqualTo(FeedMain.randomClientId());
  }

  @Test
  void run_brokerUnreachable_keepsRetryingUntilStoppedThenExitsZero() throws IOException {
    String mqtt = "mqtt://127.0.0.1:" + freePort();

    Future<Integer> exit = runner.submit(() -> execute("--mqtt", mqtt, "--count", "5"));

    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !exit.isDone());
    app.stop();
    await().atMost(Duration.ofSeconds(6)).until(exit::isDone);
    assertThat(exit).succeedsWithin(Duration.ZERO).isEqualTo(0);
    assertThat(err.toString()).isEmpty();
  }

  private int execute(String... args) {
    return new CommandLine(app)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
