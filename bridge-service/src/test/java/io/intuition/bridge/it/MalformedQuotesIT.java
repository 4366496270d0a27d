package io.intuition.bridge.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import io.intuition.common.log.Excerpt;
import io.intuition.common.log.ThrottledLog;
import io.intuition.common.testing.MosquittoBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Malformed messages, mixed with valid quotes, are each rejected once with a reason that names the
 * problem, and never disturb the quotes around them; what they hold cannot forge a log line. Real
 * broker, algo-service and bridge-service.
 */
class MalformedQuotesIT {
  private static final int MAX_PAYLOAD = 1024;
  private static final int VALID = 80;
  private static final int EXCERPT_CHARS = 80;
  private static final String REJECTED = "quotes/rejected";
  private static final Duration ALL_HANDLED = Duration.ofMinutes(1);
  private static final Duration SETTLED = Duration.ofSeconds(2);

  /** Valid JSON and a valid quote, but over {@code --max-payload}. */
  private static final String OVERSIZE =
      "{\"sid\":\"GOOG\",\"quote\":3,\"pad\":\"" + "x".repeat(MAX_PAYLOAD) + "\"}";

  /** A JSON object whose sid holds bytes that are not UTF-8. */
  private static final byte[] NOT_UTF8_SID = withByte("{\"sid\":\"##\",\"quote\":3}", (byte) 0xff);

  /** Bytes that are neither UTF-8 nor JSON. */
  private static final byte[] BINARY = {(byte) 0xc3, 0x28, (byte) 0xa0, (byte) 0xa1};

  private RunningSuite suite;

  @BeforeEach
  void start() throws Exception {
    suite =
        RunningSuite.start("--param", "threshold=0", "--max-payload", String.valueOf(MAX_PAYLOAD));
  }

  @AfterEach
  void stop() throws Exception {
    suite.close();
  }

  @Test
  void malformedMessagesAmongValidQuotes_areEachRejectedOnceWithTheirReason() {
    Map<String, String> keywords = textKinds();
    publishInterleaved(new ArrayList<>(keywords.keySet()));
    // the rejection carries the payload decoded as UTF-8: bad bytes become U+FFFD
    keywords.put("", "empty payload");
    keywords.put(new String(NOT_UTF8_SID, UTF_8), "Invalid UTF-8");
    keywords.put(new String(BINARY, UTF_8), "not JSON");

    await("a rejection for every malformed message and an order for every quote; " + suite.bridge)
        .atMost(ALL_HANDLED)
        .until(
            () ->
                suite.probe.count(REJECTED) >= keywords.size()
                    && suite.probe.count("orders") >= VALID);
    await("no further orders or rejections")
        .during(SETTLED)
        .atMost(SETTLED.multipliedBy(3))
        .until(
            () ->
                suite.probe.count(REJECTED) == keywords.size()
                    && suite.probe.count("orders") == VALID);

    assertEachRejectedOnceNamingItsProblem(keywords);
    Map<Long, Integer> orders = QuoteFeed.ordersPerTs(suite.probe.on("orders"));
    assertThat(QuoteFeed.unanswered(orders, VALID)).as("quotes without an order").isEmpty();
    assertThat(orders)
        .as("orders per ts")
        .hasSize(VALID)
        .allSatisfy((ts, n) -> assertThat(n).isOne());
    assertLoggedOrCountedOncePerRejection(keywords.size());
    assertThat(suite.bridge.isAlive()).as("bridge alive; " + suite.bridge).isTrue();
  }

  @Test
  void payloadWithALineBreakAndAnsiEscapes_isLoggedOnOneLineWithThemEscaped() {
    String forged = "{\"sid\":\n12:00:00.000 INFO  [forwarder] all quotes handled\u001b[2J";
    MosquittoBroker.publish(suite.broker.port(), "quotes", 1, forged);

    await("the rejection of " + forged)
        .atMost(ALL_HANDLED)
        .until(() -> suite.probe.count(REJECTED) == 1);
    String log = suite.bridge.stderr();
    assertThat(log.lines())
        .as("log lines")
        .noneMatch(line -> line.startsWith("12:00:00.000"))
        .filteredOn(line -> line.contains("rejected a message on quotes: "))
        .singleElement(STRING)
        .contains("{\"sid\":\\n12:00:00.000 INFO  [forwarder] all quotes handled\\u001b[2J");
    assertThat(log).doesNotContain("\u001b");
  }

  @Test
  void quoteBeyondSixtyFourBits_doesNotStopTheQuotesAfterIt() {
    // a symbol of its own: the feed's GOOG quotes have smaller ts, and would come too late after it
    String huge = "{\"sid\":\"HUGE\",\"quote\":100000000000000000000,\"ts\":1000}";
    MosquittoBroker.publish(suite.broker.port(), "quotes", 1, huge);
    MosquittoBroker.publishLines(suite.broker.port(), "quotes", 1, QuoteFeed.lines(0, VALID));

    await("an order for every quote after " + huge + "; " + suite.bridge)
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                QuoteFeed.unanswered(QuoteFeed.ordersPerTs(suite.probe.on("orders")), VALID)
                    .isEmpty());
    // counted by quote number, ts - 1
    boolean ordered = QuoteFeed.ordersPerTs(suite.probe.on("orders")).containsKey(999L);
    boolean rejected =
        suite.probe.on(REJECTED).stream().anyMatch(r -> huge.equals(r.json().get("payload")));
    assertThat(ordered || rejected).as("%s answered or rejected", huge).isTrue();
    assertThat(suite.bridge.stderr()).doesNotContain("Exception in thread");
  }

  /**
   * The malformed kinds sent as text, each with a word its rejection reason must contain: the
   * bridge rejects what is not a JSON object, the algo what is not a quote.
   */
  private static Map<String, String> textKinds() {
    Map<String, String> kinds = new HashMap<>();
    kinds.put("not json at all", "not JSON");
    kinds.put("{\"sid\":", "not JSON");
    kinds.put("   ", "not JSON");
    kinds.put("{\"sid\":\u001b[31m\"GOOG\",\"quote\":3}\u0007", "not JSON");
    kinds.put("{\"sid\":\"GOOG\",\"quote\":3} trailing", "not JSON");
    kinds.put("{\"sid\":\"GOOG\",\"quote\":NaN}", "not JSON");
    kinds.put("[{\"sid\":\"GOOG\",\"quote\":3}]", "must be an object, but was an array");
    kinds.put("42", "must be an object, but was a number");
    kinds.put("\"GOOG\"", "must be an object, but was a string");
    kinds.put("null", "must be an object, but was null");
    kinds.put("true", "must be an object, but was a boolean");
    kinds.put(OVERSIZE, "over the limit of " + MAX_PAYLOAD + " bytes");
    kinds.put("{}", "no quotes");
    kinds.put("{\"ts\":5}", "no quotes");
    kinds.put("{\"quote\":3}", "sid is missing");
    kinds.put("{\"sid\":\"GOOG\"}", "quote is missing");
    kinds.put("{\"sid\":\"GOOG\",\"quote\":\"abc\"}", "quote must be a number");
    kinds.put("{\"sid\":\"GOOG\",\"quote\":{\"bid\":3}}", "quote must be a number");
    kinds.put("{\"sid\":\"GOOG\",\"quote\":-3}", "quote must be positive");
    kinds.put("{\"sid\":\"GOOG\",\"quote\":0}", "quote must be positive");
    kinds.put("{\"sid\":\"GOOG\",\"quote\":\"NaN\"}", "quote must be finite");
    kinds.put("{\"sid\":\"GOOG\",\"quote\":1e999}", "quote must be finite");
    kinds.put("{\"sid\":\"GOOG\",\"quote\":\"1e999\"}", "quote must be a normal number");
    kinds.put("{\"sid\":\"GOOG\",\"quote\":1e-320}", "quote must be a normal number");
    kinds.put("{\"sid\":\"A\",\"sid\":\"B\",\"quote\":1}", "JSON has the key \"sid\" twice");
    kinds.put("{\"sid\":42,\"quote\":3}", "sid must be a non-empty string");
    kinds.put("{\"sid\":\" \",\"quote\":3}", "sid must be a non-empty string");
    kinds.put("{\"GOOG\":\"x\"}", "quote must be a number");
    kinds.put("{\"AAPL\":-1,\"ts\":7}", "quote must be positive");
    kinds.put("{\"sid\":\"GOOG\",\"quote\":3,\"ts\":1.5}", "ts must be a positive integer");
    kinds.put("{\"sid\":\"GOOG\",\"quote\":3,\"ts\":-5}", "ts must be a positive integer");
    kinds.put("{\"sid\":\"GOOG\",\"quote\":3,\"ts\":\"noon\"}", "ts must be a number");
    return kinds;
  }

  /**
   * Publishes the valid quotes with ts 0 to VALID - 1, with a text kind after every other quote,
   * then an empty and two binary messages each between quotes.
   */
  private void publishInterleaved(List<String> textKinds) {
    Iterator<String> malformed = textKinds.iterator();
    List<String> lines = new ArrayList<>();
    int ts = 0;
    for (; ts < VALID - 3; ts++) {
      lines.add(QuoteFeed.line(ts));
      if (ts % 2 == 1 && malformed.hasNext()) {
        lines.add(malformed.next());
      }
    }
    assertThat(malformed.hasNext()).as("room for every kind among the quotes").isFalse();
    int port = suite.broker.port();
    MosquittoBroker.publishLines(port, "quotes", 1, lines);
    MosquittoBroker.publishEmpty(port, "quotes");
    MosquittoBroker.publish(port, "quotes", 1, QuoteFeed.line(ts++));
    publishFile(port, NOT_UTF8_SID);
    MosquittoBroker.publish(port, "quotes", 1, QuoteFeed.line(ts++));
    publishFile(port, BINARY);
    MosquittoBroker.publish(port, "quotes", 1, QuoteFeed.line(ts));
  }

  private void assertEachRejectedOnceNamingItsProblem(Map<String, String> keywords) {
    Map<Object, List<Object>> reasons =
        suite.probe.on(REJECTED).stream()
            .collect(
                groupingBy(
                    r -> r.json().get("payload"), mapping(r -> r.json().get("reason"), toList())));
    SoftAssertions softly = new SoftAssertions();
    keywords.forEach(
        (payload, keyword) ->
            softly
                .assertThat(reasons.get(excerpt(payload)))
                .as("reasons given for %s", excerpt(payload))
                .singleElement(STRING)
                .isNotBlank()
                .contains(keyword));
    softly
        .assertThat(suite.probe.on(REJECTED))
        .allSatisfy(r -> assertThat(r.json()).containsEntry("topic", "quotes"));
    softly.assertAll();
  }

  /**
   * The bridge logged the first rejections with their reasons, and counted the rest: the lines and
   * the counts of those suppressed add up to the rejections, none logged twice.
   */
  private void assertLoggedOrCountedOncePerRejection(int rejections) {
    await("the count of the rejections not logged, at the end of the 10 s interval")
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> logged(suite.bridge.stderr()) + suppressed(suite.bridge.stderr()) >= rejections);
    String log = suite.bridge.stderr();
    assertThat(logged(log)).as("lines logged").isBetween(1L, (long) ThrottledLog.DEFAULT_BURST);
    assertThat(logged(log) + suppressed(log)).as("logged and counted").isEqualTo(rejections);
    suite.probe.on(REJECTED).stream()
        .map(r -> "on quotes: " + r.json().get("reason") + "; payload: ")
        .forEach(line -> assertThat(occurrences(log, line)).as(line).isLessThanOrEqualTo(1));
  }

  private static long logged(String log) {
    return occurrences(log, "rejected a message on quotes: ");
  }

  private static long suppressed(String log) {
    Matcher counts =
        Pattern.compile("(\\d+) more (?:like it|warnings like \"rejected a message)").matcher(log);
    long sum = 0;
    while (counts.find()) {
      sum += Long.parseLong(counts.group(1));
    }
    return sum;
  }

  /** What the bridge quotes of a payload: its first 80 characters, control characters escaped. */
  private static String excerpt(String payload) {
    return Excerpt.of(payload, EXCERPT_CHARS);
  }

  private static long occurrences(String text, String part) {
    long count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  private static byte[] withByte(String template, byte value) {
    byte[] bytes = template.getBytes(UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '#') {
        bytes[i] = value;
      }
    }
    return bytes;
  }

  /** Publishes raw bytes as one message with {@code mosquitto_pub -f}, at QoS 1. */
  private static void publishFile(int port, byte[] payload) {
    Path file = null;
    try {
      file = Files.createTempFile("payload-", ".bin");
      Files.write(file, payload);
      Process process =
          new ProcessBuilder(
                  "mosquitto_pub",
                  "-h",
                  "127.0.0.1",
                  "-p",
                  String.valueOf(port),
                  "-t",
                  "quotes",
                  "-q",
                  "1",
                  "-f",
                  file.toString())
              .redirectErrorStream(true)
              .start();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("mosquitto_pub finished").isTrue();
      String output = new String(process.getInputStream().readAllBytes(), UTF_8);
      assertThat(process.exitValue()).as("mosquitto_pub exit; output: %s", output).isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while publishing", e);
    } finally {
      deleteQuietly(file);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // a leftover temporary file does no harm
    }
  }
}
