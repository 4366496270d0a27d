package io.intuition.indicator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.OpsEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The indicator-service jar with {@code --http-port 0}, on a real mosquitto. */
class IndicatorHealthIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int QUOTES = 5;

  private MosquittoBroker broker;
  private ManagedProcess service;

  @BeforeEach
  void start() {
    broker = MosquittoBroker.start();
    service = IndicatorProcess.start(broker, "indicator-health", "--sma", "1", "--http-port", "0");
  }

  @AfterEach
  void stop() {
    service.close();
    broker.close();
  }

  @Test
  void quotes_areCountedAsComputedAndPublished_andTheBrokerGoneTurnsHealth503() {
    OpsEndpoint ops = OpsEndpoint.of(service, WAIT);
    await("health up; " + service).atMost(WAIT).until(() -> ops.healthStatus() == 200);
    List<String> quotes = new ArrayList<>();
    for (int ts = 1; ts <= QUOTES; ts++) {
      quotes.add("{\"sid\":\"GOOG\",\"quote\":" + (100 + ts) + ",\"ts\":" + ts + "}");
    }

    MosquittoBroker.publishLines(broker.port(), "quotes", 1, quotes);

    await("every quote counted")
        .atMost(WAIT)
        .until(() -> ops.metric("indicator_values_published_total") == QUOTES);
    assertThat(ops.metric("indicator_quotes_computed_total")).isEqualTo(QUOTES);

    broker.stop();
    await("the broker check down").atMost(WAIT).until(() -> ops.healthStatus() == 503);
    assertThat(ops.get("/health").body()).contains("\"down\":[\"broker\"]");
  }
}
