package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.mosquitto.MosquittoVersion;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.MosquittoOptions;
import io.intuition.common.testing.OpsEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A publisher far faster than the suite, into a bridge with a 64 MB heap: every quote is answered,
 * none lost, and the bridge's memory stays bounded, against Mosquitto 2.0.11 (whose inflight quota
 * lets it send without bound) and against a fixed Mosquitto, with MQTT 5 and 3.1.1.
 *
 * <p>Every quote gets an order, except with 2.0.11: after the bridge reconnects for the messages it
 * refused, 2.0.11 sends some newer quotes ahead of older ones still queued, and the algo answers an
 * older quote that comes after a newer one of its symbol untraded, as stale. Those quotes are
 * answered too: the quotes without an order are no more than the algo counts stale, and a fixed
 * broker has none.
 */
class OverloadIT {
  private static final int QUOTES = 60_000;
  private static final long MAX_RSS_BYTES = 150L * 1024 * 1024;
  private static final Duration ALL_ANSWERED = Duration.ofMinutes(4);
  private static final List<String> SMALL_HEAP =
      List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx64m", "-XX:+ExitOnOutOfMemoryError");

  private MosquittoBroker broker;
  private ManagedProcess algo;
  private ManagedProcess bridge;
  private MqttProbe probe;

  @RegisterExtension
  final TestWatcher diagnostics =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          System.err.println(bridge);
          System.err.println(algo);
        }
      };

  static Stream<Arguments> brokers() {
    Optional<Path> fixed = MosquittoBroker.fixedBinary();
    return Stream.of(
        Arguments.of("system mosquitto", null, "5"),
        Arguments.of("system mosquitto", null, "3"),
        Arguments.of("fixed mosquitto", fixed.orElse(Path.of("absent")), "5"),
        Arguments.of("fixed mosquitto", fixed.orElse(Path.of("absent")), "3"));
  }

  @AfterEach
  void stop() throws Exception {
    if (probe != null) {
      probe.close();
    }
    Stream.of(bridge, algo).filter(p -> p != null).forEach(ManagedProcess::close);
    if (broker != null) {
      broker.close();
    }
  }

  @ParameterizedTest(name = "{0}, MQTT {2}")
  @MethodSource("brokers")
  void quotesFarFasterThanTheSuite_areAllAnsweredWithinBoundedMemory(
      String name, Path binary, String mqttVersion) throws Exception {
    MosquittoOptions options = MosquittoOptions.defaults().withPersistence(false);
    if (binary != null) {
      Assumptions.assumeTrue(
          binary.toFile().canExecute(),
          "fixed Mosquitto not installed: run scripts/setup-fixed-mosquitto.sh");
      options = options.withBinary(binary);
    }
    broker = MosquittoBroker.start(options);
    String rpc = Suite.freeRpcAddress();
    algo = Suite.algo(rpc, List.of("--http-port", "0"));
    OpsEndpoint algoOps = OpsEndpoint.of(algo, Suite.START);
    bridge =
        Suite.bridge(
                SMALL_HEAP,
                broker.mqttUrl(),
                rpc,
                "--param",
                "threshold=0",
                "--mqtt-version",
                mqttVersion,
                "--max-held",
                "5000")
            .awaitLog("subscribed to [quotes]", Suite.START);
    probe = MqttProbe.subscribe(broker.url(), "orders");

    MosquittoBroker.publishLines(broker.port(), "quotes", 1, QuoteFeed.lines(0, QUOTES));

    await("every quote answered by " + name + " " + broker.version())
        .atMost(ALL_ANSWERED)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> unanswered(probe) <= stale(algoOps) || !bridge.isAlive());
    Map<Long, Integer> orders = QuoteFeed.ordersPerTs(probe.on("orders"));
    long stale = stale(algoOps);
    assertThat(bridge.isAlive()).isTrue();
    assertThat((long) QuoteFeed.unanswered(orders, QUOTES).size())
        .as("quotes without an order, against %d the algo answered stale", stale)
        .isLessThanOrEqualTo(stale);
    if (MosquittoVersion.isFixed(broker.version())) {
      assertThat(stale).as("quotes answered stale by a broker that keeps their order").isZero();
    }
    long peak = bridge.peakRssBytes();
    System.out.printf(
        "overload, %s %s, MQTT %s: %,d quotes, %d duplicates, %d stale, bridge peak RSS %d MB%n",
        name,
        broker.version(),
        mqttVersion,
        QUOTES,
        QuoteFeed.duplicates(orders),
        stale,
        peak >> 20);
    assertThat(peak).isLessThan(MAX_RSS_BYTES);
  }

  private static int unanswered(MqttProbe probe) {
    return QuoteFeed.unanswered(QuoteFeed.ordersPerTs(probe.on("orders")), QUOTES).size();
  }

  /** The quotes the algo answered untraded: older than one of their symbol it handled. */
  private static long stale(OpsEndpoint algo) {
    return (long) algo.metric("algo_quotes_stale_total");
  }
}
