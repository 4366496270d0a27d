package io.intuition.bridge.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.intuition.bridge.rpc.JsonPayloads;
import io.intuition.bridge.rpc.JsonValues;
import io.intuition.bridge.rpc.RpcAlgo;
import io.intuition.common.codec.Payload;
import io.intuition.common.codec.Sample;
import io.intuition.common.rpc.RpcService;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.server.RpcServer;
import io.intuition.common.testing.Escapes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes the bridge's payload path end to end: a real {@link Forwarder} hands each message to a
 * real {@link RpcAlgo}, whose client calls an algorithm served on loopback by a real {@code
 * RpcServer}; the broker is a {@link FakeBroker}. One of each runs for the whole property.
 *
 * <p>For any batch of payloads (quotes, any JSON, mutated JSON and invalid UTF-8, random bytes,
 * empty and oversized ones), every message is acknowledged, in arrival order, and either reached
 * the algorithm as exactly the value a JSON reader finds in it, or was published as rejected with a
 * reason and its excerpt, never both; no thread died and nothing was logged as an error.
 */
class ForwarderFuzzTest {
  private static final int MAX_PAYLOAD = 2048;
  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<Object> received = new CopyOnWriteArrayList<>();
  private static final List<String> fatal = new CopyOnWriteArrayList<>();
  private static Escapes escapes;
  private static RpcServer algo;
  private static RpcClient client;
  private static FakeBroker broker;
  private static ScheduledExecutorService thread;
  private static Forwarder forwarder;
  private static int nextId = 1;

  @BeforeContainer
  static void start() {
    escapes = new Escapes("io.intuition.bridge.forward");
    algo = RpcServer.start(algorithm(), "tcp://127.0.0.1:*");
    client = RpcClient.connect(algo.address(), LIMIT);
    broker = new FakeBroker();
    thread = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "fwd"));
    Executor onThread = escapes.recording(thread);
    ForwardSettings settings =
        new ForwardSettings("orders", "/rejected", MAX_PAYLOAD, 4, 1_000, 64 * 1024, Map.of());
    forwarder =
        new Forwarder(
            settings,
            new RpcAlgo(client, LIMIT),
            broker,
            onThread,
            fatal::add,
            new SimpleMeterRegistry());
    onThread.execute(forwarder::start);
    thread.scheduleAtFixedRate(
        () -> onThread.execute(forwarder::tick), 10, 10, TimeUnit.MILLISECONDS);
    await().atMost(LIMIT).until(() -> !broker.subscriptions().isEmpty());
  }

  @AfterContainer
  static void stop() {
    thread.shutdownNow();
    client.close();
    algo.close();
    escapes.close();
  }

  @Provide
  Arbitrary<List<Payload>> batches() {
    Arbitrary<byte[]> oversized =
        Arbitraries.integers()
            .between(MAX_PAYLOAD, 2 * MAX_PAYLOAD)
            .map(size -> bytes("{\"pad\":\"" + "x".repeat(size) + "\"}"));
    return Arbitraries.frequencyOf(
            Tuple.of(12, JsonPayloads.any().map(Sample::bytes)),
            Tuple.of(1, oversized),
            Tuple.of(1, Arbitraries.just(new byte[0])))
        .map(Payload::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(5);
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void anyPayloads_areEachForwardedOrRejectedWithAReason(@ForAll("batches") List<Payload> batch) {
    int first = nextId;
    nextId += batch.size();
    int receivedBefore = received.size();
    int publishedBefore = broker.publishes().size();
    for (int i = 0; i < batch.size(); i++) {
      forwarder.offer(new Inbound(topic(first + i), batch.get(i).bytes(), first + i, 1, 0));
    }

    List<Integer> ids = IntStream.range(first, nextId).boxed().toList();
    await()
        .atMost(LIMIT)
        .pollInterval(Duration.ofMillis(1))
        .until(() -> broker.ackedIds().size() >= nextId - 1 || !escapes.all().isEmpty());
    assertThat(escapes.all()).as("what escaped").isEmpty();
    assertThat(broker.ackedIds().subList(first - 1, nextId - 1)).isEqualTo(ids);
    Map<String, Map<String, Object>> rejections = rejections(publishedBefore);
    List<Object> forwarded = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      byte[] payload = batch.get(i).bytes();
      Map<String, Object> rejection = rejections.get(topic(first + i));
      if (rejection == null) {
        forwarded.add(json(batch.get(i)));
      } else {
        assertThat((String) rejection.get("reason")).as("the reason").isNotBlank();
        assertThat(rejection).containsEntry("payload", Payloads.excerpt(payload));
      }
      Statistics.collect(rejection == null ? "forwarded" : "rejected");
    }
    List<Object> arrived = received.subList(receivedBefore, received.size());
    assertThat(JsonValues.escaped(JsonValues.canonical(arrived)))
        .as("what reached the algorithm")
        .isEqualTo(JsonValues.escaped(forwarded));
    assertThat(fatal).isEmpty();
  }

  /** What a JSON reader finds in a payload that was not rejected, so must have been forwarded. */
  private static Object json(Payload payload) {
    try {
      return JsonValues.canonical(JSON.readValue(payload.bytes(), Object.class));
    } catch (IOException e) {
      throw new AssertionError("neither rejected nor JSON: " + payload, e);
    }
  }

  /** The rejections published since the {@code from}th publish, by the topic they reject. */
  private static Map<String, Map<String, Object>> rejections(int from) {
    Map<String, Map<String, Object>> byTopic = new HashMap<>();
    for (FakeBroker.Publish publish : broker.publishes().subList(from, broker.publishes().size())) {
      Map<String, Object> rejection = RunningForwarder.json(publish);
      assertThat(publish.topic()).isEqualTo(rejection.get("topic") + "/rejected");
      assertThat(byTopic.put((String) rejection.get("topic"), rejection))
          .as("a second rejection of %s", rejection.get("topic"))
          .isNull();
    }
    return byTopic;
  }

  /** An algorithm that keeps the message of every event and places no order. */
  private static RpcService algorithm() {
    return RpcService.builder("fuzz-algo")
        .method("initialize", List.of("params"), "Starts a run.", args -> List.of("quotes/#"))
        .method(
            "event",
            List.of("message"),
            "Keeps the message.",
            args -> {
              received.add(args.get(0));
              return null;
            })
        .build();
  }

  private static String topic(int id) {
    return "quotes/" + id;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
