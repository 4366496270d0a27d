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
        .contains("--sample", "--speed", "--version", "FEED_MQTT", "FEED_RATE", "Exit codes:");
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
        .containsExactly("feed-service: --speed replays a CSV: it needs --csv or --sample");
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
