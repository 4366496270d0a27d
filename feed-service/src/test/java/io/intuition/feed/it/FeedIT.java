package io.intuition.feed.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.ProjectPaths;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real broker, a real mosquitto_sub and the feed-service jar as a real process. */
class FeedIT {
  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);
  private static final Path SAMPLE =
      Path.of("feed-service", "src", "main", "resources", "io", "intuition", "feed");

  private MosquittoBroker broker;

  @BeforeEach
  void startBroker() {
    broker = MosquittoBroker.start();
  }

  @AfterEach
  void stopBroker() {
    broker.close();
  }

  @Test
  void csvReplay_deliversEveryRowInOrderAsJson() throws IOException {
    Path csv = ProjectPaths.root().resolve(SAMPLE).resolve("sample-quotes.csv");
    List<String> rows = Files.readAllLines(csv);
    rows = rows.subList(1, rows.size());

    List<Map<String, Object>> quotes;
    try (QuoteSubscriber subscriber = QuoteSubscriber.start(broker.port(), "quotes", rows.size());
        ManagedProcess feed = feed("--csv", csv.toString(), "--rate", "1000")) {
      FeedProcess.awaitSuccess(feed, RUN_LIMIT);
      quotes = subscriber.messages();
      assertThat(feed.stderr()).contains("sent " + rows.size() + " quotes in");
    }

    assertThat(quotes).hasSameSizeAs(rows);
    for (int i = 0; i < rows.size(); i++) {
      String[] cells = rows.get(i).split(",");
      Instant date = Instant.parse(cells[0] + "T00:00:00Z");
      assertThat(quotes.get(i)).containsOnlyKeys("sid", "quote", "ts");
      assertThat(quotes.get(i))
          .containsEntry("sid", cells[1])
          .containsEntry("ts", ChronoUnit.MICROS.between(Instant.EPOCH, date));
      assertThat(new BigDecimal(quotes.get(i).get("quote").toString()))
          .isEqualByComparingTo(cells[5]);
    }
  }

  @Test
  void sample_replaysTheBundledFileWithoutAPath() {
    List<Map<String, Object>> quotes;
    try (QuoteSubscriber subscriber = QuoteSubscriber.start(broker.port(), "ticks", 20);
        ManagedProcess feed =
            feed("--sample", "--count", "20", "--rate", "1000", "--topic", "ticks", "--qos", "2")) {
      FeedProcess.awaitSuccess(feed, RUN_LIMIT);
      quotes = subscriber.messages();
    }

    assertThat(quotes)
        .hasSize(20)
        .first()
        .satisfies(q -> assertThat(q).containsEntry("sid", "AAPL"));
  }

  @Test
  void speedReplay_longWait_logsWhenTheNextQuoteIsDue(@TempDir Path dir) throws Exception {
    Path csv =
        Files.writeString(
            dir.resolve("daily.csv"),
            "date,symbol,close\n2024-01-02,GOOG,140\n2024-01-03,GOOG,141\n");

    try (QuoteSubscriber subscriber = QuoteSubscriber.start(broker.port(), "quotes", 1);
        ManagedProcess feed = feed("--csv", csv.toString(), "--speed", "60")) {
      assertThat(subscriber.messages())
          .singleElement()
          .satisfies(q -> assertThat(q).containsEntry("quote", 140));
      feed.awaitLog("next quote 2024-01-03 in 24m00s", RUN_LIMIT);

      assertThat(feed.terminate(Duration.ofSeconds(5))).as("exited within 5 s").isTrue();
      assertThat(feed.exitValue()).as("exit code; %s", feed).isZero();
    }
  }

  @Test
  void speedReplay_maxGap_sendsTheDailySampleWithShortWaits() {
    try (QuoteSubscriber subscriber = QuoteSubscriber.start(broker.port(), "quotes", 200);
        ManagedProcess feed = feed("--sample", "--speed", "60", "--max-gap", "0.01")) {
      FeedProcess.awaitSuccess(feed, RUN_LIMIT);
      assertThat(subscriber.messages()).hasSize(200);
      assertThat(feed.stderr())
          .contains("60x the recorded pace, waits cut to 0.01 s", "sent 200 quotes in")
          .doesNotContain("next quote");
    }
  }

  @Test
  void seededRandomWalk_twoRunsSendTheSameSequence() {
    List<List<Object>> first = seededRun();
    List<List<Object>> second = seededRun();

    assertThat(first).hasSize(50).isEqualTo(second);
    assertThat(first).extracting(quote -> quote.get(0)).containsOnly("GOOG", "AAPL");
  }

  @Test
  void sigterm_stopsAnEndlessFeedCleanlyWithExitZero() throws Exception {
    try (QuoteSubscriber subscriber = QuoteSubscriber.start(broker.port(), "quotes", 10);
        ManagedProcess feed = feed("--rate", "200")) {
      assertThat(subscriber.messages()).hasSize(10);

      assertThat(feed.terminate(Duration.ofSeconds(5))).as("exited within 5 s").isTrue();
      assertThat(feed.exitValue()).as("exit code; %s", feed).isZero();
      assertThat(feed.stderr()).containsPattern("sent \\d+ quotes in");
    }
  }

  @Test
  void brokerDownAtStart_retriesUntilItIsBackThenSends() {
    broker.stop();
    try (ManagedProcess feed = feed("--count", "10", "--rate", "100")) {
      feed.awaitLog("unreachable", Duration.ofSeconds(20));
      broker.restart();

      FeedProcess.awaitSuccess(feed, RUN_LIMIT);
      assertThat(feed.stderr()).contains("connected to broker", "sent 10 quotes in");
    }
  }

  private List<List<Object>> seededRun() {
    try (QuoteSubscriber subscriber = QuoteSubscriber.start(broker.port(), "quotes", 50);
        ManagedProcess feed =
            feed("--symbols", "GOOG,AAPL", "--count", "50", "--seed", "7", "--rate", "500")) {
      FeedProcess.awaitSuccess(feed, RUN_LIMIT);
      List<Map<String, Object>> quotes = subscriber.messages();
      assertThat(quotes)
          .allSatisfy(quote -> assertThat(quote).containsOnlyKeys("sid", "quote", "ts"));
      return quotes.stream().map(quote -> List.of(quote.get("sid"), quote.get("quote"))).toList();
    }
  }

  private ManagedProcess feed(String... args) {
    List<String> all = new ArrayList<>(List.of("--mqtt", broker.mqttUrl()));
    all.addAll(List.of(args));
    return FeedProcess.start(all.toArray(String[]::new));
  }
}
