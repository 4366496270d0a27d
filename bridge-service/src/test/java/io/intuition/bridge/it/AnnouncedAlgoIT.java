package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.ServiceAnnouncements;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Algos that announce themselves ({@code algo-service --mqtt URL --name a1}) and a bridge that
 * finds them by name ({@code bridge-service --algo a1}), all real processes on a real broker: the
 * algo killed mid-stream is announced offline by its will within 1.5 keep-alive intervals, a new
 * {@code a1} on another port takes its place, and the bridge follows it with every quote answered.
 */
class AnnouncedAlgoIT {
  private static final String NAME = "a1";
  private static final String SUBSCRIBED = "subscribed to [quotes]";
  private static final int KEEP_ALIVE_S = 2;
  // the broker gives up on a silent client after 1.5 keep-alive intervals; 2 s for the rest
  private static final Duration WILL_BOUND =
      Duration.ofMillis(KEEP_ALIVE_S * 1_500L).plusSeconds(2);
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration ALL_ANSWERED = Duration.ofMinutes(1);
  private static final int QUOTES = 4_000;
  private static final int TAIL = 500;

  private MosquittoBroker broker;
  private ServiceAnnouncements watch;
  private MqttProbe probe;
  private ManagedProcess first;
  private ManagedProcess second;
  private ManagedProcess bridge;

  @BeforeEach
  void start() throws Exception {
    broker = MosquittoBroker.start();
    watch = ServiceAnnouncements.watch(broker.url());
    probe = MqttProbe.subscribe(broker.url(), "orders", RunningSuite.REJECTED);
  }

  @AfterEach
  void stop() throws Exception {
    probe.close();
    watch.close();
    Stream.of(bridge, first, second).filter(Objects::nonNull).forEach(ManagedProcess::close);
    broker.close();
  }

  @Test
  void announcedAlgoKilledAndStartedElsewhere_offlineWithinTheWillBound_bridgeFollowsIt()
      throws Exception {
    String p1 = Suite.freeRpcAddress();
    first = announcedAlgo(p1);
    bridge =
        Suite.bridgeFollowing(
                RPC_TIMEOUT,
                broker.mqttUrl(),
                NAME,
                "--param",
                "threshold=0",
                "--param",
                "fraction=0.001")
            .awaitLog(SUBSCRIBED, Suite.START);
    long seq = watch.current("algo", NAME).orElseThrow().seq();

    CompletableFuture<Void> feed = feed().publishSteadily(QUOTES);
    await().atMost(ALL_ANSWERED).until(() -> probe.count("orders") >= QUOTES / 5);
    long killed = System.nanoTime();
    first.kill();
    awaitOffline(seq);
    System.out.printf("kill -9 to offline: %d ms%n", (System.nanoTime() - killed) / 1_000_000);
    String p2 = Suite.freeRpcAddress();
    second = announcedAlgo(p2);
    bridge.awaitLog("moved from " + p1 + " to " + p2, ALL_ANSWERED);
    feed.join();
    feed()
        .publish(QUOTES, QUOTES + TAIL); // the first algo is gone: only the second can answer these

    Delivery delivery = feed().awaitDelivery(QUOTES + TAIL, ALL_ANSWERED);
    System.out.println("announced algo killed and started elsewhere: " + delivery);
    assertThat(delivery.lost()).as("numbers of the quotes lost").isEmpty();
    assertThat(probe.count(RunningSuite.REJECTED)).as("quotes rejected").isZero();
    Map<?, ?> book = Suite.portfolio(p2);
    assertThat(((Number) book.get("orders")).longValue()).isGreaterThanOrEqualTo(TAIL);
    assertThat(bridge.stderr()).contains("algo a1 is at " + p1, "algo a1 at " + p1 + " is offline");
    assertThat(bridge.isAlive()).isTrue();
  }

  /** An algo-service at {@code address} announcing itself as a1, every quote filling an order. */
  private ManagedProcess announcedAlgo(String address) {
    return Suite.algo(
        address,
        List.of(
            "--sizer",
            "fixed-fraction",
            "--name",
            NAME,
            "--mqtt",
            broker.url(),
            "--keep-alive",
            Integer.toString(KEEP_ALIVE_S)));
  }

  private void awaitOffline(long seq) {
    await("a1 offline")
        .atMost(WILL_BOUND)
        .pollInterval(Duration.ofMillis(10))
        .until(
            () ->
                watch
                    .current("algo", NAME)
                    .filter(a -> !a.isOnline() && a.seq() == seq)
                    .isPresent());
  }

  private SteadyFeed feed() {
    return new SteadyFeed(broker, probe);
  }
}
