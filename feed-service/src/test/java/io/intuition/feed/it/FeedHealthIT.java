package io.intuition.feed.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.mqtt.MqttUrl;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.OpsEndpoint;
import io.intuition.common.testing.TopicRecorder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feed-service jar with {@code --http-port 0}, on a real broker. */
class FeedHealthIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int QUOTES = 8;

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
  void quotesSent_isWhatTheSubscriberGot_andTheBrokerGoneTurnsHealth503() throws Exception {
    MqttSettings settings =
        MqttSettings.builder(MqttUrl.parse(broker.mqttUrl()), "feed-health-recorder").build();
    try (TopicRecorder recorder = TopicRecorder.subscribe(broker, settings, List.of("quotes"));
        // slow enough that between two quotes the meter and the subscriber agree
        ManagedProcess feed =
            FeedProcess.start(
                "--mqtt",
                broker.mqttUrl(),
                "--symbols",
                "GOOG",
                "--rate",
                "4",
                "--http-port",
                "0")) {
      OpsEndpoint ops = OpsEndpoint.of(feed, WAIT);
      await("health up; " + feed).atMost(WAIT).until(() -> ops.healthStatus() == 200);

      await(QUOTES + " quotes, counted alike by the feed and the subscriber")
          .atMost(WAIT)
          .until(
              () -> {
                int received = recorder.texts("quotes").size();
                return received >= QUOTES && ops.metric("feed_quotes_sent_total") == received;
              });
      assertThat(ops.metric("feed_quotes_failed_total")).isZero();

      broker.stop();
      await("the broker check down").atMost(WAIT).until(() -> ops.healthStatus() == 503);
      assertThat(ops.get("/health").body()).contains("\"down\":[\"broker\"]");
    }
  }
}
