package io.intuition.bench.step;

import io.intuition.bench.load.Answers;
import io.intuition.bench.load.Clock;
import io.intuition.bench.load.Publisher;
import io.intuition.bench.report.OverloadRun;
import io.intuition.bench.service.AlgoTally;
import io.intuition.bench.service.BridgeStats;
import io.intuition.bench.service.PeakRss;
import io.intuition.bench.service.Suite;
import io.intuition.launcher.broker.LocalMosquitto;
import io.intuition.launcher.broker.MosquittoBinary;
import io.intuition.launcher.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Far more quotes than the suite can take, at once: a fresh broker and a fresh suite, then every
 * quote published as fast as the broker confirms them, and the orders counted by the {@code ts}
 * they echo until each quote is answered, the bridge dies, or nothing new comes for a while; the
 * quotes the algo answered untraded, as stale, are read from its log at stop.
 */
public final class Overload {
  private static final String QUOTES_TOPIC = "quotes";
  private static final String ORDERS_TOPIC = "orders";
  private static final Duration OPEN_LIMIT = Duration.ofSeconds(60);
  private static final Duration IDLE_LIMIT = Duration.ofSeconds(30);
  private static final long POLL_MS = 200;
  private static final long TS_GAP_MICROS = 1_000_000;

  private final Path root;
  private final List<String> jvmFlags;
  private final int bridgeWindow;
  private final int publishWindow;
  private final Path logs;

  /** Overloads the suite of {@code root}, its logs under {@code logs}/overload-version. */
  public Overload(
      Path root, List<String> jvmFlags, int bridgeWindow, int publishWindow, Path logs) {
    this.root = root;
    this.jvmFlags = List.copyOf(jvmFlags);
    this.bridgeWindow = bridgeWindow;
    this.publishWindow = publishWindow;
    this.logs = logs;
  }

  /**
   * Sends {@code quotes} to a fresh suite through a broker of {@code binary}.
   *
   * @throws IllegalStateException if the broker or the suite does not start
   */
  public OverloadRun run(MosquittoBinary binary, int quotes)
      throws IOException, InterruptedException, MqttException {
    Path dir = logs.resolve("overload-" + binary.version());
    try (LocalMosquitto broker = LocalMosquitto.start(binary, dir);
        Publisher publisher = Publisher.connect(broker.url(), publishWindow);
        Answers answers = Answers.subscribe(broker.url(), ORDERS_TOPIC)) {
      Suite suite = Suite.start(root, broker.url(), bridgeWindow, jvmFlags, dir);
      Observed observed;
      try {
        observed = overload(publisher, answers, broker.url(), suite.bridge(), quotes);
      } finally {
        suite.close(); // the bridge and the algo log their counters as they stop
      }
      return new OverloadRun(
          binary.label(),
          binary.path().toString(),
          quotes,
          answers.distinct(),
          answers.duplicates(),
          observed.seconds(),
          observed.bridgePeakMb(),
          observed.bridgeExit(),
          BridgeStats.lastIn(suite.bridge().output()).map(BridgeStats::shed).orElse(null),
          AlgoTally.in(suite.algo().output()).map(AlgoTally::stale).orElse(null));
    }
  }

  private static Observed overload(
      Publisher publisher, Answers answers, String url, ServiceProcess bridge, int quotes)
      throws IOException, InterruptedException, MqttException {
    try (PeakRss rss = PeakRss.watch(bridge.pid())) {
      Flow.awaitSuite(publisher, url, OPEN_LIMIT);
      long first = Clock.micros() + TS_GAP_MICROS;
      answers.expect(first, quotes);
      long start = System.nanoTime();
      publisher.numbered(QUOTES_TOPIC, first, quotes);
      Integer exit = awaitAnswers(answers, bridge, quotes);
      double seconds = Math.max(0, answers.lastNewNanos() - start) / 1e9;
      return new Observed(exit, seconds, rss.peakMb());
    }
  }

  /** Waits for every answer; returns the bridge's exit status if it died first, else null. */
  private static Integer awaitAnswers(Answers answers, ServiceProcess bridge, int quotes)
      throws InterruptedException {
    while (answers.distinct() < quotes) {
      if (!bridge.isAlive()) {
        return bridge.exitStatus().orElseThrow();
      }
      if (System.nanoTime() - answers.lastNewNanos() > IDLE_LIMIT.toNanos()) {
        return null;
      }
      TimeUnit.MILLISECONDS.sleep(POLL_MS); // counting arrivals: nothing to wait on but time
    }
    return null;
  }

  /** What the step saw of the bridge: its exit status if it died, and its peak resident set. */
  private record Observed(Integer bridgeExit, double seconds, double bridgePeakMb) {}
}
