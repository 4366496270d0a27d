package io.intuition.feed.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.discovery.Announcement;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.OpsEndpoint;
import io.intuition.common.testing.ServiceAnnouncements;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The feed-service jar announcing itself on a real Mosquitto while it publishes. */
class FeedAnnouncementIT {
  private static final Duration SOON = Duration.ofSeconds(30);

  private final MosquittoBroker broker = MosquittoBroker.start();

  @AfterEach
  void stopBroker() {
    broker.close();
  }

  @Test
  void feed_announcesItsTopicWhileRunningAndIsOfflineOnceDone() throws Exception {
    try (ManagedProcess feed =
        FeedProcess.start(
            "--mqtt", broker.url(), "--name", "f1", "--topic", "ticks", "--count", "30")) {
      Announcement birth =
          await("the feed's birth")
              .atMost(SOON)
              .until(this::retained, found -> found.filter(Announcement::isOnline).isPresent())
              .orElseThrow();
      assertThat(birth.kind()).isEqualTo("feed");
      assertThat(birth.channels()).isEqualTo(List.of("ticks"));
      assertThat(birth.version()).isNotBlank();

      FeedProcess.awaitSuccess(feed, SOON);

      assertThat(retained()).contains(birth.toOffline());
    }
  }

  @Test
  void feed_withHttpPort_announcesWhereItsMetricsAnswer() throws Exception {
    try (ManagedProcess feed =
        FeedProcess.start(
            "--mqtt",
            broker.url(),
            "--name",
            "f1",
            "--rate",
            "2",
            "--http-port",
            "0",
            "--http-addr",
            "0.0.0.0",
            "--http-advertise",
            "127.0.0.1")) {
      Announcement birth =
          await("the feed's birth; " + feed)
              .atMost(SOON)
              .until(this::retained, found -> found.filter(Announcement::isOnline).isPresent())
              .orElseThrow();
      assertThat(birth.http()).matches("http://127\\.0\\.0\\.1:[1-9]\\d*");

      HttpResponse<String> metrics = OpsEndpoint.at(birth.http()).get("/metrics");

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("feed_quotes_sent_total");
    }
  }

  @Test
  void feed_withoutHttpPort_announcesNoEndpoint() throws Exception {
    try (ManagedProcess feed =
        FeedProcess.start("--mqtt", broker.url(), "--name", "f1", "--rate", "2")) {
      Announcement birth =
          await("the feed's birth; " + feed)
              .atMost(SOON)
              .until(this::retained, found -> found.filter(Announcement::isOnline).isPresent())
              .orElseThrow();

      assertThat(birth.http()).isNull();
    }
  }

  private Optional<Announcement> retained() throws Exception {
    return ServiceAnnouncements.retained(broker.url(), "feed", "f1");
  }
}
