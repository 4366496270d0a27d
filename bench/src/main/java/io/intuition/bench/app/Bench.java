package io.intuition.bench.app;

import io.intuition.bench.broker.LocalMosquitto;
import io.intuition.bench.load.Arrivals;
import io.intuition.bench.load.Publisher;
import io.intuition.bench.report.LatencyRun;
import io.intuition.bench.report.Report;
import io.intuition.bench.report.RpcRun;
import io.intuition.bench.report.Targets;
import io.intuition.bench.report.Throughput;
import io.intuition.bench.report.Usage;
import io.intuition.bench.service.ProcessUsage;
import io.intuition.bench.step.Flow;
import io.intuition.bench.step.RpcStep;
import io.intuition.common.rpc.client.RpcClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttException;

/** One bench run: the steps in order, against one broker, with one publisher. */
final class Bench {
  private static final String CEILING_TOPIC = "bench/ceiling";
  private static final String QUOTES_TOPIC = "quotes";
  private static final String ORDERS_TOPIC = "orders";
  private static final Duration IDLE_LIMIT = Duration.ofSeconds(20);
  private static final Duration OPEN_LIMIT = Duration.ofSeconds(60);

  private final Report.Settings settings;
  private final Path root;
  private final Path logs;
  private final PrintStream progress;
  private final Long brokerPid;

  /** A run; {@code brokerPid} is the broker's process when the bench started it, else null. */
  Bench(Report.Settings settings, Path root, Path logs, PrintStream progress, Long brokerPid) {
    this.settings = settings;
    this.root = root;
    this.logs = logs;
    this.progress = progress;
    this.brokerPid = brokerPid;
  }

  /** Runs every step against the broker at {@code settings.broker()}. */
  Report run(String timestamp) throws IOException, InterruptedException, MqttException {
    Files.createDirectories(logs);
    String broker = settings.broker();
    try (Publisher publisher = Publisher.connect(broker, settings.publishWindow());
        Arrivals echoes = Arrivals.subscribe(broker, CEILING_TOPIC);
        Arrivals orders = Arrivals.subscribe(broker, ORDERS_TOPIC)) {
      Flow alone = new Flow("broker", publisher, CEILING_TOPIC, echoes, IDLE_LIMIT);
      Flow suiteFlow = new Flow("suite", publisher, QUOTES_TOPIC, orders, IDLE_LIMIT);
      say("ceiling: warming up, then %,d quotes through the broker alone", settings.quotes());
      alone.warmUp(settings.warmUp());
      Throughput ceiling = alone.throughput(settings.quotes());
      say("ceiling: %,.0f quotes/s", ceiling.perSecond());
      try (Suite suite =
          Suite.start(root, broker, settings.bridgeWindow(), settings.serviceJvmFlags(), logs)) {
        say("suite: waiting for the first order, then warming up");
        suiteFlow.awaitOpen(OPEN_LIMIT);
        suiteFlow.warmUp(settings.warmUp());
        Map<String, Long> measured = new LinkedHashMap<>();
        suite.services().forEach(service -> measured.put(service.name(), service.pid()));
        if (brokerPid != null) {
          measured.put("mosquitto", brokerPid);
        }
        Map<String, ProcessUsage> before = usage(measured);
        say("suite: %,d quotes through bridge and algo", settings.quotes());
        Throughput throughput = suiteFlow.throughput(settings.quotes());
        List<Usage> usage = usageSince(measured, before);
        say("suite: %,.0f quotes/s", throughput.perSecond());
        List<LatencyRun> latency = new ArrayList<>();
        for (int rate : settings.rates()) {
          for (Flow flow : List.of(suiteFlow, alone)) {
            say(
                "latency: %s at %,d quotes/s for %.0f s",
                flow.name(), rate, settings.latencySeconds());
            latency.add(flow.latency(rate, settings.latencySeconds()));
          }
        }
        suite.requireAlive();
        say("rpc: sequential, then windows %s", settings.windows());
        RpcRun rpc = rpc(suite.algoAddress());
        double ratio = ceiling.perSecond() > 0 ? throughput.perSecond() / ceiling.perSecond() : 0;
        return new Report(
            timestamp,
            Report.Machine.current(),
            settings,
            ceiling,
            throughput,
            ratio,
            latency,
            rpc,
            usage,
            Targets.check(ratio, latency, rpc, usage));
      }
    }
  }

  private RpcRun rpc(String address) throws InterruptedException {
    try (RpcClient client = RpcClient.connect(address)) {
      Duration each = Duration.ofMillis(Math.round(settings.rpcSeconds() * 1_000));
      return new RpcStep(client, each).run(settings.windows());
    }
  }

  private static Map<String, ProcessUsage> usage(Map<String, Long> pids) throws IOException {
    Map<String, ProcessUsage> usage = new LinkedHashMap<>();
    if (ProcessUsage.isAvailable()) {
      for (Map.Entry<String, Long> process : pids.entrySet()) {
        usage.put(process.getKey(), ProcessUsage.of(process.getValue()));
      }
    }
    return usage;
  }

  private static List<Usage> usageSince(Map<String, Long> pids, Map<String, ProcessUsage> before)
      throws IOException {
    List<Usage> usage = new ArrayList<>();
    for (Map.Entry<String, ProcessUsage> entry : before.entrySet()) {
      ProcessUsage used = ProcessUsage.of(pids.get(entry.getKey())).since(entry.getValue());
      usage.add(
          new Usage(
              entry.getKey(), used.peakRssBytes() / 1e6, used.userSeconds(), used.systemSeconds()));
    }
    return usage;
  }

  private void say(String pattern, Object... values) {
    progress.println("bench: " + String.format(java.util.Locale.ROOT, pattern, values));
    progress.flush();
  }

  /** Starts a broker of the bench's own when none is given. */
  static LocalMosquitto startBroker(Path logs) throws IOException, InterruptedException {
    Files.createDirectories(logs);
    return LocalMosquitto.start(logs);
  }
}
