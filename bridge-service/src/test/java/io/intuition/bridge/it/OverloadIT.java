package io.intuition.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.MosquittoBroker;
import io.intuition.common.testing.MosquittoOptions;
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
    algo = Suite.algo(rpc);
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

    await("an order for every quote from " + name + " " + broker.version())
        .atMost(ALL_ANSWERED)
        .until(() -> probe.count("orders") >= QUOTES || !bridge.isAlive());
    Map<Long, Integer> orders = QuoteFeed.ordersPerTs(probe.on("orders"));
    assertThat(QuoteFeed.unanswered(orders, QUOTES)).isEmpty();
    assertThat(bridge.isAlive()).isTrue();
    long peak = bridge.peakRssBytes();
    System.out.printf(
        "overload, %s %s, MQTT %s: %,d quotes, %d duplicates, bridge peak RSS %d MB%n",
        name, broker.version(), mqttVersion, QUOTES, QuoteFeed.duplicates(orders), peak >> 20);
    assertThat(peak).isLessThan(MAX_RSS_BYTES);
  }
}
