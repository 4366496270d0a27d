package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.discovery.Announcement;
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
 * {@code bridge-service --algo a1}, with real processes: a broker, algo-services, and announcements
 * of them retained on {@code services/algo/a1} as an algo would. The bridge finds the algo there,
 * waits while none was announced, and follows it to a new address mid-stream with every quote
 * answered; the bridge announces itself too, on {@code services/bridge/b1}. Every quote fills an
 * order (threshold 0, the fixed-fraction sizer), so an order per quote shows it was answered.
 */
class AlgoByNameIT {
  private static final String NAME = "a1";
  private static final String WAITING =
      "waiting for algo a1 to announce itself on services/algo/a1";

  /** What the bridge logs once subscribed to the quotes. */
  private static final String SUBSCRIBED = "subscribed to [quotes]";

  private static final List<String> FILLING_ALGO = List.of("--sizer", "fixed-fraction");
  private static final String[] FILLING_BRIDGE = {
    "--param", "threshold=0", "--param", "fraction=0.001", "--name", "b1"
  };
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration ALL_ANSWERED = Duration.ofMinutes(1);
  private static final int QUOTES = 4_000;
  private static final int TAIL = 500;

  private MosquittoBroker broker;
  private ManagedProcess first;
  private ManagedProcess second;
  private ManagedProcess bridge;
  private MqttProbe probe;

  @BeforeEach
  void start() throws Exception {
    broker = MosquittoBroker.start();
    probe = MqttProbe.subscribe(broker.url(), "orders", RunningSuite.REJECTED);
  }

  @AfterEach
  void stop() throws Exception {
    probe.close();
    Stream.of(bridge, first, second).filter(Objects::nonNull).forEach(ManagedProcess::close);
    broker.close();
  }

  @Test
  void algoMovesMidStream_bridgeFollowsIt_everyQuoteAnsweredAndTheLastByTheNewAlgo()
      throws Exception {
    String p1 = Suite.freeRpcAddress();
    first = Suite.algo(p1, FILLING_ALGO);
    AlgoAnnouncements.birth(broker.url(), NAME, p1, 1);
    bridge = startBridge().awaitLog(SUBSCRIBED, Suite.START);

    CompletableFuture<Void> feed = feed().publishSteadily(QUOTES);
    await().atMost(ALL_ANSWERED).until(() -> probe.count("orders") >= QUOTES / 5);
    String p2 = Suite.freeRpcAddress();
    second = Suite.algo(p2, FILLING_ALGO);
    AlgoAnnouncements.birth(broker.url(), NAME, p2, 2);
    first.kill();
    AlgoAnnouncements.death(broker.url(), NAME, 1); // the old algo's will: stale
    bridge.awaitLog("moved from " + p1 + " to " + p2, ALL_ANSWERED);
    feed.join();
    feed()
        .publish(QUOTES, QUOTES + TAIL); // the first algo is gone: only the second can answer these

    Delivery delivery = feed().awaitDelivery(QUOTES + TAIL, ALL_ANSWERED);
    System.out.println("algo moved mid-stream: " + delivery);
    assertThat(delivery.lost()).as("numbers of the quotes lost").isEmpty();
    assertThat(probe.count(RunningSuite.REJECTED)).as("quotes rejected").isZero();
    Map<?, ?> book = Suite.portfolio(p2);
    assertThat(((Number) book.get("orders")).longValue())
        .as("orders the second algo filled, the last %d quotes' among them", TAIL)
        .isGreaterThanOrEqualTo(TAIL);
    assertThat(bridge.stderr())
        .contains("algo a1 is at " + p1, "has restarted: initializing it again")
        .doesNotContain("is offline");
    assertThat(bridge.isAlive()).isTrue();
  }

  @Test
  void bridgeStartedBeforeAnyAnnouncement_waitsSayingSoOnce_thenForwardsOnceTheBirthAppears()
      throws Exception {
    bridge = startBridge().awaitLog(WAITING, Suite.START);
    String p1 = Suite.freeRpcAddress();
    first = Suite.algo(p1, FILLING_ALGO);
    assertThat(bridge.stderr()).doesNotContain("subscribing to channel quotes", "initialized with");

    AlgoAnnouncements.birth(broker.url(), NAME, p1, 1);
    bridge.awaitLog(SUBSCRIBED, Suite.START);
    feed().publish(0, 200);

    Delivery delivery = feed().awaitDelivery(200, ALL_ANSWERED);
    System.out.println("algo announced after the bridge started: " + delivery);
    assertThat(delivery.lost()).isEmpty();
    assertThat(bridge.stderr().lines().filter(line -> line.contains(WAITING))).hasSize(1);
    assertThat(bridge.stderr().lines().filter(line -> line.contains("algo a1 is at " + p1)))
        .hasSize(1);
    Announcement self = ServiceAnnouncements.retained(broker.url(), "bridge", "b1").orElseThrow();
    assertThat(self.isOnline()).isTrue();
    assertThat(self.algo()).isEqualTo(NAME);
    assertThat(self.channels()).containsExactly("quotes");
  }

  private ManagedProcess startBridge() {
    return Suite.bridgeFollowing(RPC_TIMEOUT, broker.mqttUrl(), NAME, FILLING_BRIDGE);
  }

  private SteadyFeed feed() {
    return new SteadyFeed(broker, probe);
  }
}
