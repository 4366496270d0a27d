package io.intuition.bench.app;

import io.intuition.bench.report.ColdRun;
import io.intuition.bench.report.LatencyRun;
import io.intuition.bench.report.Report;
import io.intuition.bench.report.RpcRun;
import io.intuition.bench.report.Throughput;
import io.intuition.bench.report.Usage;
import io.intuition.bench.service.ProcessUsage;
import io.intuition.bench.service.Suite;
import io.intuition.bench.step.ColdStart;
import io.intuition.bench.step.Flow;
import io.intuition.bench.step.Progress;
import io.intuition.bench.step.RpcStep;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.launcher.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * The steps of one suite's life: started fresh and measured cold, warmed up and measured warm with
 * its resource use, then its latency at each rate and RPC alone.
 */
final class SuiteSteps {
  private static final Duration OPEN_LIMIT = Duration.ofSeconds(60);

  private final Report.Settings settings;
  private final Path root;
  private final Path logs;
  private final Progress progress;
  private final Map<String, Long> brokerPids;

  SuiteSteps(
      Report.Settings settings,
      Path root,
      Path logs,
      Progress progress,
      Map<String, Long> brokerPids) {
    this.settings = settings;
    this.root = root;
    this.logs = logs;
    this.progress = progress;
    this.brokerPids = brokerPids;
  }

  /** Runs the steps with {@code suiteFlow}, comparing latency with {@code alone}. */
  Measured run(Flow suiteFlow, Flow alone) throws IOException, InterruptedException, MqttException {
    long started = System.nanoTime();
    try (Suite suite =
        Suite.start(
            root, settings.broker(), settings.bridgeWindow(), settings.serviceJvmFlags(), logs)) {
      ColdRun cold =
          progress.timed(
              "suite cold start",
              () -> {
                progress.say("cold: a fresh suite, then %,d quotes", settings.coldQuotes());
                return ColdStart.run(suiteFlow, started, OPEN_LIMIT, settings.coldQuotes());
              });
      progress.say("cold: %,.0f quotes/s", cold.throughput().perSecond());
      Warm warm = progress.timed("suite warm throughput", () -> warm(suite, suiteFlow));
      List<LatencyRun> latency = progress.timed("latency", () -> latency(suiteFlow, alone));
      suite.requireAlive();
      RpcRun rpc = progress.timed("rpc alone", () -> rpc(suite.algoAddress()));
      return new Measured(cold, warm.throughput(), warm.usage(), latency, rpc);
    }
  }

  private Warm warm(Suite suite, Flow flow)
      throws IOException, InterruptedException, MqttException {
    progress.say("suite: warming up with %,d quotes", settings.warmUp());
    flow.warmUp(settings.warmUp());
    Map<String, Long> measured = new LinkedHashMap<>();
    for (ServiceProcess service : suite.services()) {
      measured.put(service.name(), service.pid());
    }
    measured.putAll(new TreeMap<>(brokerPids));
    Map<String, ProcessUsage> before = usage(measured);
    progress.say("suite: %,d quotes through bridge and algo", settings.quotes());
    Throughput throughput = flow.throughput(settings.quotes());
    List<Usage> usage = usageSince(measured, before);
    progress.say("suite: %,.0f quotes/s", throughput.perSecond());
    return new Warm(throughput, usage);
  }

  private List<LatencyRun> latency(Flow suiteFlow, Flow alone)
      throws InterruptedException, MqttException {
    List<LatencyRun> latency = new ArrayList<>();
    for (int rate : settings.rates()) {
      for (Flow flow : List.of(suiteFlow, alone)) {
        progress.say(
            "latency: %s at %,d quotes/s for %.0f s", flow.name(), rate, settings.latencySeconds());
        latency.add(flow.latency(rate, settings.latencySeconds()));
      }
    }
    return latency;
  }

  private RpcRun rpc(String address) throws InterruptedException {
    progress.say("rpc: sequential, then windows %s", settings.windows());
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

  private record Warm(Throughput throughput, List<Usage> usage) {}

  /** What the suite steps measured. */
  record Measured(
      ColdRun cold, Throughput warm, List<Usage> usage, List<LatencyRun> latency, RpcRun rpc) {}
}
