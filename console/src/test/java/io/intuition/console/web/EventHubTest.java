package io.intuition.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventHubTest {
  private static final Duration NOW = Duration.ofMillis(1);
  private static final SseEvent SNAPSHOT = new SseEvent("snapshot", "{}");

  @Test
  void open_queuesTheSnapshotFirst_thenEachEventPublished() throws Exception {
    EventHub hub = new EventHub(2, 4, 1_000_000, () -> SNAPSHOT);
    EventHub.Client client = hub.open();

    hub.publish(() -> new SseEvent("orders", "{\"n\":1}"));

    assertThat(client.next(NOW)).isEqualTo(SNAPSHOT);
    assertThat(client.next(NOW).name()).isEqualTo("orders");
    assertThat(client.next(NOW)).isNull();
  }

  @Test
  void publish_ofNoEvent_sendsNothing() throws Exception {
    EventHub hub = new EventHub(2, 4, 1_000_000, () -> SNAPSHOT);
    EventHub.Client client = hub.open();
    client.next(NOW);

    hub.publish(() -> null);

    assertThat(client.next(NOW)).isNull();
  }

  @Test
  void publish_toAPageWhoseQueueIsFull_cutsItOffAndCountsIt() throws Exception {
    EventHub hub = new EventHub(2, 3, 1_000_000, () -> SNAPSHOT);
    EventHub.Client slow = hub.open();

    for (int i = 0; i < 3; i++) {
      hub.publish(() -> new SseEvent("orders", "{}"));
    }

    assertThat(hub.dropped()).isEqualTo(1);
    assertThatThrownBy(() -> slow.next(NOW)).isInstanceOf(EventHub.CutOffException.class);
    hub.close(slow);
    assertThat(hub.clients()).isZero();
  }

  @Test
  void publish_pastThePagesByteBudget_cutsItOff_butEventsTakenFreeTheirBytes() throws Exception {
    SseEvent big = new SseEvent("orders", "x".repeat(400));
    EventHub hub = new EventHub(2, 100, 1_000, () -> new SseEvent("snapshot", "y".repeat(5_000)));
    EventHub.Client client = hub.open();
    hub.publish(() -> big);
    hub.publish(() -> big);
    client.next(NOW);
    client.next(NOW);
    client.next(NOW);

    hub.publish(() -> big);
    hub.publish(() -> big);
    assertThat(hub.dropped()).isZero();
    hub.publish(() -> big);

    assertThat(hub.dropped()).isEqualTo(1);
  }

  @Test
  void open_pastTheCap_givesNoClient_untilOneLeaves() {
    EventHub hub = new EventHub(1, 4, 1_000_000, () -> SNAPSHOT);
    EventHub.Client first = hub.open();

    assertThat(hub.open()).isNull();
    hub.close(first);
    assertThat(hub.open()).isNotNull();
  }

  @Test
  void close_endsEveryStream() {
    EventHub hub = new EventHub(2, 4, 1_000_000, () -> SNAPSHOT);
    EventHub.Client client = hub.open();

    hub.close();

    assertThatThrownBy(() -> client.next(NOW)).isInstanceOf(EventHub.CutOffException.class);
    assertThat(hub.open()).isNull();
  }
}
