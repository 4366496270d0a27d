package io.intuition.bench.app;

import io.intuition.bench.load.Arrivals;
import io.intuition.bench.load.Publisher;
import io.intuition.bench.report.CpuPerQuote;
import io.intuition.bench.report.HostileRun;
import io.intuition.bench.report.OriginalRun;
import io.intuition.bench.report.OverloadRun;
import io.intuition.bench.report.Report;
import io.intuition.bench.report.Targets;
import io.intuition.bench.report.Throughput;
import io.intuition.bench.service.NodePeer;
import io.intuition.bench.service.PythonZerorpc;
import io.intuition.bench.step.Flow;
import io.intuition.bench.step.HostileInput;
import io.intuition.bench.step.OriginalStack;
import io.intuition.bench.step.Overload;
import io.intuition.bench.step.Progress;
import io.intuition.launcher.broker.MosquittoBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttException;

/** One bench run: the steps in order, against one broker, with one publisher. */
final class Bench {
  private static final long ORIGINAL_WARM_UP = 20_000;
  private static final String CEILING_TOPIC = "bench/ceiling";
  private static final String QUOTES_TOPIC = "quotes";
  private static final String ORDERS_TOPIC = "orders";
  private static final Duration IDLE_LIMIT = Duration.ofSeconds(20);

  private final Report.Settings settings;
  private final Report.Broker broker;
  private final Map<String, Long> brokerPids;
  private final List<MosquittoBinary> overloadBrokers;
  private final Path root;
  private final Path logs;
  private final Progress progress;
  private final List<String> notes = new ArrayList<>();

  /**
   * A run against {@code broker}; {@code brokerPids} are its processes, by name, whose use the warm
   * step measures: the bench's own Mosquitto as {@code mosquitto}, or those of a broker given; the
   * overload step starts a broker of each of {@code overloadBrokers}.
   */
  Bench(
      Report.Settings settings,
      Report.Broker broker,
      Map<String, Long> brokerPids,
      List<MosquittoBinary> overloadBrokers,
      Path root,
      Path logs,
      Progress progress) {
    this.settings = settings;
    this.broker = broker;
    this.brokerPids = Map.copyOf(brokerPids);
    this.overloadBrokers = List.copyOf(overloadBrokers);
    this.root = root;
    this.logs = logs;
    this.progress = progress;
  }

  /** Runs every step; the report's targets are checked. */
  Report run(String timestamp) throws IOException, InterruptedException, MqttException {
    Files.createDirectories(logs);
    Throughput ceiling;
    SuiteSteps.Measured suite;
    OriginalRun original;
    try (Publisher publisher = Publisher.connect(settings.broker(), settings.publishWindow());
        Arrivals echoes = Arrivals.subscribe(settings.broker(), CEILING_TOPIC);
        Arrivals orders = Arrivals.subscribe(settings.broker(), ORDERS_TOPIC)) {
      Flow alone = new Flow("broker", publisher, CEILING_TOPIC, echoes, IDLE_LIMIT);
      Flow suiteFlow = new Flow("suite", publisher, QUOTES_TOPIC, orders, IDLE_LIMIT);
      ceiling = progress.timed("ceiling", () -> ceiling(alone));
      suite = new SuiteSteps(settings, root, logs, progress, brokerPids).run(suiteFlow, alone);
      original = progress.timed("original stack", () -> original(publisher, suite));
    }
    List<OverloadRun> overload = progress.timed("overload", this::overload);
    List<HostileRun> hostile =
        progress.timed(
            "hostile input",
            () -> new HostileInput(root, settings.serviceJvmFlags(), logs, progress).run());
    return report(timestamp, ceiling, suite, original, overload, hostile);
  }

  private Report report(
      String timestamp,
      Throughput ceiling,
      SuiteSteps.Measured suite,
      OriginalRun original,
      List<OverloadRun> overload,
      List<HostileRun> hostile) {
    Report draft =
        new Report(
            timestamp,
            Report.Machine.current(),
            settings,
            broker,
            ceiling,
            suite.cold(),
            ratio(suite.cold().throughput(), ceiling),
            suite.warm(),
            ratio(suite.warm(), ceiling),
            suite.latency(),
            suite.rpc(),
            suite.usage(),
            CpuPerQuote.of(suite.usage(), settings.quotes()).orElse(null),
            original,
            overload,
            hostile,
            progress.seconds(),
            notes,
            List.of());
    return draft.withTargets(Targets.check(draft));
  }

  private Throughput ceiling(Flow alone) throws InterruptedException, MqttException {
    progress.say(
        "ceiling: warming up, then %,d quotes through the broker alone", settings.quotes());
    alone.warmUp(settings.warmUp());
    Throughput ceiling = alone.throughput(settings.quotes());
    progress.say("ceiling: %,.0f quotes/s", ceiling.perSecond());
    return ceiling;
  }

  private OriginalRun original(Publisher publisher, SuiteSteps.Measured suite)
      throws IOException, InterruptedException, MqttException {
    NodePeer.Result found = NodePeer.find(root, System.getenv());
    if (found.peer() == null) {
      note("original stack skipped: " + found.missing());
      return null;
    }
    String algo = "interop/node/algo-server.js (Node zerorpc)";
    note(
        "original stack: the original Python algo is replaced by the Node zerorpc algo "
            + (PythonZerorpc.isImportable()
                ? "(Python zerorpc is installed, but the bench runs the Node algo only)"
                : "because Python zerorpc is not installed (python3 -c \"import zerorpc\" fails)"));
    progress.say("original stack: bridge.js -> algo-server.js, %,d quotes", settings.quotes());
    try {
      OriginalRun run =
          new OriginalStack(found.peer(), settings.broker(), publisher, IDLE_LIMIT, logs)
              .run(settings.quotes(), originalWarmUp(), algo, suite.cold(), suite.warm());
      progress.say("original stack: %,.0f quotes/s", run.throughput().perSecond());
      return run;
    } catch (IllegalStateException e) {
      note("original stack failed, not measured: " + e.getMessage());
      return null;
    }
  }

  private List<OverloadRun> overload() throws IOException, InterruptedException, MqttException {
    List<OverloadRun> runs = new ArrayList<>();
    if (settings.overloadQuotes() == 0) {
      note("overload skipped: --overload-quotes 0");
      return runs;
    }
    if (overloadBrokers.isEmpty()) {
      note("overload skipped: no mosquitto installed here to start a broker of the bench's own");
      return runs;
    }
    Overload step =
        new Overload(
            root,
            settings.serviceJvmFlags(),
            settings.bridgeWindow(),
            settings.publishWindow(),
            logs);
    for (MosquittoBinary binary : overloadBrokers) {
      progress.say("overload: %,d quotes at once, %s", settings.overloadQuotes(), binary.label());
      try {
        OverloadRun run = step.run(binary, Math.toIntExact(settings.overloadQuotes()));
        progress.say(
            "overload: %,d of %,d answered in %.1f s, %,d more stale",
            run.answered(), run.sent(), run.seconds(), run.staleOrZero());
        runs.add(run);
      } catch (IllegalStateException e) {
        note("overload with " + binary.label() + " failed, not measured: " + e.getMessage());
      }
    }
    return runs;
  }

  private void note(String note) {
    notes.add(note);
    progress.say("%s", note);
  }

  private static double ratio(Throughput run, Throughput ceiling) {
    return ceiling.perSecond() > 0 ? run.perSecond() / ceiling.perSecond() : 0;
  }

  /** Node warms up in far fewer quotes than the JVM, and runs them at a third of the speed. */
  private long originalWarmUp() {
    return Math.min(settings.warmUp(), ORIGINAL_WARM_UP);
  }
}
