package io.intuition.bridge.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;

/**
 * A forwarder on a thread of its own between a {@link FakeAlgo} and a {@link FakeBroker}, ticked
 * every 10 ms as the bridge's event loop ticks it.
 */
final class RunningForwarder implements AutoCloseable {
  static final String ORDERS = "orders";
  static final String TOPIC = "quotes/AAPL";
  static final String REJECTED = TOPIC + "/rejected";
  static final int MAX_PAYLOAD = 1024;
  static final int MAX_HELD = 1_000;
  static final long MAX_HELD_BYTES = 64 * 1024;
  static final Map<String, Object> PARAMS = Map.of("cash", 50_000L, "threshold", 0.2);
  static final List<String> CHANNELS = List.of("quotes/#");

  private static final ObjectMapper JSON = new ObjectMapper();

  final FakeAlgo algo = new FakeAlgo();
  final FakeBroker broker = new FakeBroker();
  final List<String> fatal = new CopyOnWriteArrayList<>();
  final Forwarder forwarder;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "forwarder"));
  private final CountDownLatch stopped = new CountDownLatch(1);

  RunningForwarder(ForwardSettings settings) {
    this(settings, true);
  }

  /**
   * A forwarder ticking on its thread, started now or, if not {@code started}, by {@link #start}.
   */
  RunningForwarder(ForwardSettings settings, boolean started) {
    forwarder =
        new Forwarder(settings, algo, broker, thread, fatal::add, new SimpleMeterRegistry());
    if (started) {
      start();
    }
    thread.scheduleAtFixedRate(forwarder::tick, 10, 10, TimeUnit.MILLISECONDS);
  }

  /** Starts the forwarder: it initializes the algorithm, then forwards. */
  void start() {
    thread.execute(forwarder::start);
  }

  /** Settings with rejections on {@code <topic>/rejected} and {@code window} calls at once. */
  static ForwardSettings settings(int window) {
    return settings(window, MAX_HELD);
  }

  /** Settings like {@link #settings(int)} holding at most {@code maxHeld} messages. */
  static ForwardSettings settings(int window, int maxHeld) {
    return new ForwardSettings(
        ORDERS, "/rejected", MAX_PAYLOAD, window, maxHeld, MAX_HELD_BYTES, PARAMS);
  }

  /** Stops the forwarder, letting calls in flight finish for up to {@code drain}. */
  void stop(Duration drain) {
    thread.execute(() -> forwarder.stop(drain, stopped::countDown));
  }

  /** Whether the forwarder has stopped: nothing is left to finish. */
  boolean hasStopped() {
    return stopped.getCount() == 0;
  }

  /** Waits up to 5 s, polling often: every wait in these tests is for a few milliseconds. */
  static ConditionFactory soon() {
    return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5));
  }

  /** Answers the first {@code initialize} with {@link #CHANNELS} and waits for the subscribe. */
  RunningForwarder initialized() {
    algo.initialization(0).answer(CHANNELS);
    soon().until(() -> !broker.subscriptions().isEmpty());
    return this;
  }

  void offer(int id, String payload) {
    offer(id, TOPIC, payload);
  }

  void offer(int id, String topic, String payload) {
    offer(id, topic, payload.getBytes(StandardCharsets.UTF_8));
  }

  void offer(int id, String topic, byte[] payload) {
    forwarder.offer(new Inbound(topic, payload, id, 1, 0));
  }

  /** Waits until exactly {@code ids} are acknowledged, in that order. */
  void awaitAcked(Integer... ids) {
    soon().until(() -> broker.ackedIds().size() >= ids.length);
    assertThat(broker.ackedIds()).containsExactly(ids);
  }

  /** The price in each {@code event} call's message, in call order. */
  List<Object> prices() {
    return algo.events().stream()
        .<Object>map(call -> ((Map<?, ?>) call.argument()).get("price"))
        .toList();
  }

  static String quote(int price) {
    return "{\"symbol\":\"AAPL\",\"price\":" + price + "}";
  }

  static Map<String, Object> order(int amount) {
    return Map.of("symbol", "AAPL", "amount", amount);
  }

  static Map<String, Object> json(FakeBroker.Publish publish) {
    try {
      return JSON.readValue(publish.payload(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop(Duration.ZERO);
    soon().until(this::hasStopped);
    thread.shutdownNow();
  }
}
