package io.intuition.algo.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.intuition.common.codec.Event;
import io.intuition.common.codec.EventCodec;
import io.intuition.common.codec.MessageIds;
import io.intuition.common.log.ThrottledLog;
import io.intuition.common.rpc.RemoteException;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.ProjectPaths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Hostile input against the packaged algo-service with a 64 MB heap, as a process of its own: each
 * is refused, the service stays within its memory, and a valid call is answered right after.
 */
class RpcLimitsIT {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
  private static final long MAX_RSS_BYTES = 150L * 1024 * 1024;
  private static final Map<String, Object> QUOTE = Map.of("sid", "GOOG", "quote", 345.1);

  private final EventCodec codec = new EventCodec();
  private final MessageIds ids = new MessageIds();
  private ManagedProcess algo;
  private String address;

  @RegisterExtension
  final TestWatcher diagnostics =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          System.err.println(algo);
        }
      };

  @BeforeEach
  void start() {
    address = "tcp://127.0.0.1:" + ProjectPaths.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
            ProjectPaths.java(),
            "-XX:+UseSerialGC",
            "-Xmx64m",
            "-jar",
            ProjectPaths.serviceJar("algo-service").toString(),
            "--addr",
            address,
            "--seed",
            "1");
    builder.environment().keySet().removeIf(key -> key.startsWith("ALGO_"));
    algo = ManagedProcess.start("algo-service on " + address, builder);
    algo.awaitOutput("serving on", START_TIMEOUT);
    try (RpcClient client = client()) {
      client.invoke("initialize", Map.of("threshold", 0));
    }
  }

  @AfterEach
  void stop() {
    algo.close();
  }

  @Test
  void oversizedFrame_dropsItsConnectionUnreadAndTheNextCallIsAnswered() {
    try (ZContext context = new ZContext(1)) {
      ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
      dealer.connect(address);
      dealer.sendMore(new byte[0]);
      dealer.send(new byte[100 * 1024 * 1024]);

      assertValidCallAnswered();
    }
    assertThat(algo.peakRssBytes()).isLessThan(MAX_RSS_BYTES);
  }

  @Test
  void requestOfAMillionSymbols_isRefusedAndTheNextCallIsAnswered() {
    Map<String, Object> huge = new LinkedHashMap<>();
    for (int i = 0; i < 1_000_000; i++) {
      huge.put("S" + i, 100 + i % 50);
    }
    try (RpcClient client = client()) {
      assertThatThrownBy(() -> client.invoke("event", huge)).isInstanceOf(RpcException.class);
    }

    // the refusal may take the service a while on a busy machine: it must answer again, unharmed
    assertValidCallAnswered();
    assertThat(algo.isAlive()).isTrue();
    assertThat(algo.peakRssBytes()).isLessThan(MAX_RSS_BYTES);
  }

  @Test
  void requestOfMoreSymbolsThanTheLimit_isInvalidQuoteNamingTheLimit() {
    Map<String, Object> many = new LinkedHashMap<>();
    for (int i = 0; i < 5_000; i++) {
      many.put("S" + i, 100);
    }
    try (RpcClient client = client()) {
      assertThatThrownBy(() -> client.invoke("event", many))
          .isInstanceOfSatisfying(
              RemoteException.class,
              e -> {
                assertThat(e.errorName()).isEqualTo("InvalidQuote");
                assertThat(e.remoteMessage()).contains("5000", "limit of 1000");
              });

      assertThat(client.invoke("event", QUOTE)).isNotNull();
    }
  }

  @Test
  void clientThatNeverReadsItsReplies_cannotExhaustMemoryAndOthersAreAnswered() throws Exception {
    byte[] request = event(Map.of("sid", "GOOG", "quote", 345.1, "pad", "x".repeat(200)));
    try (ZContext context = new ZContext(1)) {
      ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
      dealer.setRcvHWM(10);
      dealer.setSndHWM(0);
      dealer.connect(address);
      for (int i = 0; i < 200_000; i++) {
        dealer.sendMore(new byte[0]);
        dealer.send(i == 0 ? request : request.clone());
      }

      algo.awaitLog("does not read its replies", Duration.ofSeconds(60));
      assertValidCallAnswered();
    }
    assertThat(algo.isAlive()).isTrue();
    assertThat(algo.peakRssBytes()).isLessThan(MAX_RSS_BYTES);
  }

  @Test
  void twentyThousandGarbageFrames_giveAFewLinesAndTheirCount() {
    int frames = 20_000;
    try (ZContext context = new ZContext(1)) {
      ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
      dealer.setSndHWM(0);
      dealer.connect(address);
      for (int i = 0; i < frames; i++) {
        dealer.sendMore(new byte[0]);
        dealer.send(("garbage\n12:00:00.000 INFO  [rpc] forged " + i).getBytes(UTF_8));
      }

      await("every garbage frame logged or counted; " + algo)
          .atMost(Duration.ofSeconds(60))
          .until(() -> logged(algo.stderr()) + suppressed(algo.stderr()) >= frames);
      assertValidCallAnswered();
    }
    String log = algo.stderr();
    assertThat(logged(log)).isBetween(1L, (long) ThrottledLog.DEFAULT_BURST * 2);
    assertThat(logged(log) + suppressed(log)).isEqualTo(frames);
    assertThat(log.lines()).noneMatch(line -> line.startsWith("12:00:00.000"));
  }

  private static long logged(String log) {
    return log.lines()
        .filter(line -> line.contains("dropped a malformed event from "))
        .filter(line -> !line.contains("more warnings like"))
        .count();
  }

  private static long suppressed(String log) {
    Matcher counts = Pattern.compile("(\\d+) more (?:like it|warnings like)").matcher(log);
    long sum = 0;
    while (counts.find()) {
      sum += Long.parseLong(counts.group(1));
    }
    return sum;
  }

  private void assertValidCallAnswered() {
    try (RpcClient client = client()) {
      await("a valid call answered")
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> assertThat(client.invoke("_zerorpc_ping")).isEqualTo(List.of("pong", "algo")));
      assertThat(client.invoke("event", QUOTE)).isNotNull();
    }
  }

  private byte[] event(Map<String, Object> data) {
    return codec.encode(Event.request(ids.next(), "event", List.of(data)));
  }

  private RpcClient client() {
    return RpcClient.connect(address, CALL_TIMEOUT);
  }
}
