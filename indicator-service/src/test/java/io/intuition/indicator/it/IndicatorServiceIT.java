package io.intuition.indicator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.mqtt.MqttUrl;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.TopicRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real mosquitto, the indicator-service jar as a real process, quotes at QoS 1. */
class IndicatorServiceIT {
  private static final Duration VALUES = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private MosquittoBroker broker;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void startBroker() {
    broker = MosquittoBroker.start();
  }

  @AfterEach
  void stopAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    broker.close();
  }

  @Test
  void quotes_giveRetainedValuesOnTheirTopics_noneBeforeAWindowIsFull() throws Exception {
    TopicRecorder values = record("indicators/#");
    ManagedProcess service = service("indicator-it", "--sma", "3", "--ema", "2");

    MosquittoBroker.publishLines(
        broker.port(),
        "quotes",
        1,
        List.of(
            quote("GOOG", "10", 1),
            quote("GOOG", "11", 2),
            "{\"GOOG\": 12, \"ts\": 3}",
            quote("GOOG", "16", 4)));

    await().atMost(VALUES).until(() -> values.texts("indicators/GOOG/sma/3").size() == 2);
    assertThat(values.texts("indicators/GOOG/sma/3"))
        .map(IndicatorServiceIT::parse)
        .satisfiesExactly(
            first -> assertValue(first, "sma", 3, "11", 3),
            second -> assertValue(second, "sma", 3, "13", 4));
    await().atMost(VALUES).until(() -> values.texts("indicators/GOOG/ema/2").size() == 3);
    // ema 2: 10.5 at ts 2; 10.5 + 2/3 * 1.5 = 11.5; 11.5 + 2/3 * 4.5 = 14.5
    assertThat(values.texts("indicators/GOOG/ema/2"))
        .map(text -> new BigDecimal(parse(text).get("value").toString()))
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("10.5"), new BigDecimal("11.5"), new BigDecimal("14.5"));
    assertThat(values.topics()).doesNotContain("indicators/GOOG/sma/1");

    try (TopicRecorder late = record("indicators/GOOG/sma/3")) {
      await().atMost(VALUES).until(() -> !late.texts("indicators/GOOG/sma/3").isEmpty());
      assertValue(parse(late.texts("indicators/GOOG/sma/3").get(0)), "sma", 3, "13", 4);
    }
    assertThat(service.isAlive()).isTrue();
  }

  @Test
  void badQuotesAndBadSymbols_areLoggedAndTheServiceGoesOn() throws Exception {
    TopicRecorder values = record("indicators/#");
    ManagedProcess service = service("indicator-bad", "--sma", "1", "--ema", "none");

    MosquittoBroker.publishLines(
        broker.port(),
        "quotes",
        1,
        List.of(
            "not json",
            "{\"sid\":\"GOOG\",\"quote\":-3}",
            quote("EUR/USD", "1.1", 1),
            quote("GOOG", "345.1", 2)));

    await().atMost(VALUES).until(() -> values.texts("indicators/GOOG/sma/1").size() == 1);
    assertValue(parse(values.texts("indicators/GOOG/sma/1").get(0)), "sma", 1, "345.1", 2);
    assertThat(service.stderr())
        .contains("bad quote on quotes acknowledged and skipped")
        .contains("quote must be positive, but was -3")
        .contains("sid \"EUR/USD\" cannot be a topic level");
    assertThat(values.topics()).allMatch(topic -> topic.startsWith("indicators/GOOG/"));
    assertThat(service.isAlive()).isTrue();
  }

  @Test
  void killedMidStream_restartedOnItsSession_missesNoValue() throws Exception {
    int count = 3_000;
    TopicRecorder values = record("indicators/#");
    ManagedProcess first = service("indicator-kill", "--sma", "1", "--ema", "none");
    List<String> quotes = new ArrayList<>(count);
    for (int ts = 1; ts <= count; ts++) {
      quotes.add(quote(ts % 2 == 0 ? "GOOG" : "AAPL", String.valueOf(100 + ts % 7), ts));
    }
    Thread feed =
        new Thread(() -> MosquittoBroker.publishLines(broker.port(), "quotes", 1, quotes));
    feed.start();
    await().atMost(VALUES).until(() -> values.topics().size() >= count / 10);

    first.kill();
    int beforeRestart = values.topics().size();
    ManagedProcess second = service("indicator-kill", "--sma", "1", "--ema", "none");
    feed.join();

    await("every quote's value")
        .atMost(Duration.ofMinutes(2))
        .until(() -> distinctTs(values) == count);
    System.out.printf(
        "killed after %d values; %d published in all, %d of them again after the restart%n",
        beforeRestart, values.topics().size(), values.topics().size() - count);
    assertThat(second.stderr()).contains("connected to broker");
  }

  @Test
  void running_announcesItsChannels_andStoppedCleanly_isOffline() throws Exception {
    TopicRecorder services = record("services/indicator/#");
    ManagedProcess service =
        service("indicator-announce", "--name", "ind-1", "--sma", "3,8", "--ema", "12");

    await().atMost(VALUES).until(() -> !services.texts("services/indicator/ind-1").isEmpty());
    Map<String, Object> birth = parse(services.texts("services/indicator/ind-1").get(0));
    assertThat(birth)
        .containsEntry("name", "ind-1")
        .containsEntry("kind", "indicator")
        .containsEntry(
            "channels", List.of("indicators/+/sma/3", "indicators/+/sma/8", "indicators/+/ema/12"))
        .doesNotContainKey("state");

    assertThat(service.terminate(Duration.ofSeconds(10))).isTrue();
    assertThat(service.exitValue()).isZero();
    List<String> said = services.texts("services/indicator/ind-1");
    assertThat(parse(said.get(said.size() - 1)))
        .containsEntry("state", "offline")
        .containsEntry("seq", birth.get("seq"));
  }

  private static long distinctTs(TopicRecorder values) {
    return List.of("indicators/GOOG/sma/1", "indicators/AAPL/sma/1").stream()
        .flatMap(topic -> values.texts(topic).stream())
        .map(text -> parse(text).get("ts"))
        .distinct()
        .count();
  }

  private ManagedProcess service(String clientId, String... args) {
    ManagedProcess process = IndicatorProcess.start(broker, clientId, args);
    open.add(process);
    return process;
  }

  private TopicRecorder record(String topic) throws Exception {
    TopicRecorder recorder =
        TopicRecorder.subscribe(
            broker,
            MqttSettings.builder(MqttUrl.parse(broker.url()), "recorder-" + open.size()).build(),
            List.of(topic));
    open.add(recorder);
    return recorder;
  }

  private static String quote(String sid, String price, long ts) {
    return "{\"sid\":\"" + sid + "\",\"quote\":" + price + ",\"ts\":" + ts + "}";
  }

  private static Map<String, Object> parse(String json) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = JSON.readValue(json, Map.class);
      return map;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertValue(
      Map<String, Object> value, String indicator, int window, String expected, long ts) {
    assertThat(value)
        .containsOnlyKeys("sid", "indicator", "window", "value", "ts")
        .containsEntry("sid", "GOOG")
        .containsEntry("indicator", indicator)
        .containsEntry("window", window)
        .containsEntry("ts", (int) ts);
    assertThat(new BigDecimal(value.get("value").toString())).isEqualByComparingTo(expected);
  }
}
